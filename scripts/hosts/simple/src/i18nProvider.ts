import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import { mergeTranslations, TranslationMessages } from 'react-admin';

const fr = {
  resources: {
    posts: {
      name: 'Article |||| Articles',
      fields: { title: 'Titre', teaser: 'Accroche', published_at: 'Publié le', views: 'Vues', commentable: 'Commentable' },
    },
    comments: {
      name: 'Commentaire |||| Commentaires',
      fields: { post_id: 'Article', author: 'Auteur', body: 'Texte', created_at: 'Écrit le' },
    },
  },
};

const en = {
  resources: {
    posts: {
      name: 'Post |||| Posts',
      fields: { title: 'Title', teaser: 'Teaser', published_at: 'Published', views: 'Views', commentable: 'Commentable' },
    },
    comments: {
      name: 'Comment |||| Comments',
      fields: { post_id: 'Post', author: 'Author', body: 'Body', created_at: 'Written' },
    },
  },
};

const messages: Record<string, TranslationMessages> = {
  fr: mergeTranslations(frenchMessages, fr),
  en: mergeTranslations(englishMessages, en),
};

export default polyglotI18nProvider((locale) => messages[locale] ?? messages.fr, 'fr', [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
]);
