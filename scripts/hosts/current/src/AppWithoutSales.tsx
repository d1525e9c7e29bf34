// The app as it was before the sales screens came (built separately to measure what they add).
import { Admin, Resource } from 'react-admin';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { comments } from './comments';
import { dataProvider } from './dataProvider';
import fr from './i18n/fr';
import { posts } from './posts';

const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('./i18n/en').then((m) => m.default) : fr),
  'fr',
  [{ locale: 'fr', name: 'Français' }, { locale: 'en', name: 'English' }],
);

export const App = () => (
  <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} disableTelemetry>
    <Resource name="posts" {...posts} />
    <Resource name="comments" {...comments} />
  </Admin>
);
