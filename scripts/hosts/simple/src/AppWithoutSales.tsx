// The app as it was before the sales screens came (built separately to measure what they add).
import React from 'react';
import { Admin, Resource } from 'react-admin';
import comments from './comments';
import dataProvider from './dataProvider';
import i18nProvider from './i18nProvider';
import posts from './posts';

const App = () => (
  <Admin basename="/admin" dataProvider={dataProvider} i18nProvider={i18nProvider} disableTelemetry>
    <Resource name="posts" {...posts} />
    <Resource name="comments" {...comments} />
  </Admin>
);

export default App;
