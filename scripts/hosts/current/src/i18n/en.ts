import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';

export default mergeTranslations(englishMessages, {
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
});
