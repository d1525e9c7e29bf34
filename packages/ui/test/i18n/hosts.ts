/** A host app's own i18n, as react-admin's examples/simple has it: French and English messages of its own. */
import englishMessages from 'ra-language-english';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { mergeTranslations, type TranslationMessages } from 'react-admin';

/** A (small) French translation of react-admin's strings plus the host's own resources. */
export const hostFrench = {
  ra: {
    action: { save: 'Enregistrer', edit: 'Éditer' },
    page: { dashboard: 'Tableau de bord', list: '%{name}' },
  },
  resources: {
    posts: { name: 'Article |||| Articles', fields: { nb_comments: 'Nb de commentaires', title: 'Titre' } },
  },
  simple: { greeting: 'Bonjour' },
} as unknown as TranslationMessages;

export const hostEnglish = mergeTranslations(englishMessages, {
  resources: { posts: { name: 'Post |||| Posts', fields: { nb_comments: 'Comments', title: 'Title' } } },
  simple: { greeting: 'Hello' },
}) as TranslationMessages;

export const HOST_LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];

export const later = <T>(value: T, ms = 20) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/**
 * The host's polyglot provider: French by default (like a host calling `resolveBrowserLocale()` in
 * France), French loaded asynchronously when `asyncFrench` (its default locale then English), any
 * other locale in English — as examples/simple does.
 */
export function hostI18nProvider({ initial = 'fr', asyncFrench = false } = {}) {
  return polyglotI18nProvider(
    (locale) => (locale === 'fr' ? (asyncFrench ? later(hostFrench) : hostFrench) : hostEnglish),
    initial,
    HOST_LOCALES,
  );
}
