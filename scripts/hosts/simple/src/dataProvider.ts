import fakeRestProvider from 'ra-data-fakerest';
import data from './data';

export default fakeRestProvider(data);
