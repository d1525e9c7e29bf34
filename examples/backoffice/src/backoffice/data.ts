/** The back office's own data, kept in the browser by ra-data-fakerest. */
import fakeRestProvider from 'ra-data-fakerest';

export const backofficeData = {
  announcements: [
    {
      id: 1,
      title: '年度销售大会',
      body: '三月十五日在总部召开年度销售大会，请各区域经理准备汇报。',
      published_at: '2026-02-20',
      pinned: true,
    },
    {
      id: 2,
      title: 'New expense policy',
      body: 'Travel claims now need the budget line they are charged to.',
      published_at: '2026-02-01',
      pinned: false,
    },
  ],
  employees: [
    { id: 1, name: '王磊', department: 'sales', email: 'wang.lei@example.com', hired_on: '2019-07-01' },
    { id: 2, name: '李娜', department: 'finance', email: 'li.na@example.com', hired_on: '2021-03-15' },
    { id: 3, name: 'Chen Yu', department: 'hr', email: 'chen.yu@example.com', hired_on: '2023-09-04' },
  ],
};

export const BACKOFFICE_RESOURCES = Object.keys(backofficeData);

export const backofficeDataProvider = fakeRestProvider(backofficeData);
