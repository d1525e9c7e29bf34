import frenchMessages from 'ra-language-french';
import { mergeTranslations } from 'react-admin';

export default mergeTranslations(frenchMessages, {
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
});
