// The app's own data, kept in the browser by ra-data-fakerest.
export default {
  posts: [
    { id: 1, title: 'Accusantium qui nihil voluptatum', teaser: 'Quam numquam quidem velit.', published_at: '2024-03-12', views: 143, commentable: true },
    { id: 2, title: 'Sint dignissimos in architecto aut', teaser: 'Minus quos ut ab.', published_at: '2024-04-02', views: 563, commentable: true },
    { id: 3, title: 'Perspiciatis adipisci vero qui ipsam', teaser: 'Ullam quia est aut.', published_at: '2024-05-21', views: 722, commentable: false },
    { id: 4, title: 'Maiores et itaque aut perspiciatis', teaser: 'Voluptas qui sit.', published_at: '2024-06-15', views: 294, commentable: true },
  ],
  comments: [
    { id: 1, post_id: 1, author: 'Kelton', body: 'Tenetur et aperiam quo.', created_at: '2024-03-13' },
    { id: 2, post_id: 1, author: 'Mara', body: 'Nihil esse impedit.', created_at: '2024-03-14' },
    { id: 3, post_id: 2, author: 'Jules', body: 'Quia reiciendis velit.', created_at: '2024-04-03' },
    { id: 4, post_id: 4, author: 'Anouk', body: 'Sed ut perspiciatis.', created_at: '2024-06-16' },
  ],
};
