import fakeRestProvider from 'ra-data-fakerest';
import data from './data';

export const dataProvider = fakeRestProvider(data);
