/** The back office's own labels, in its own i18n provider (see App.tsx), under which the sales texts are layered. */
export const backofficeMessages = {
  'zh-CN': {
    resources: {
      announcements: { name: '公告', fields: { title: '标题', body: '内容', published_at: '发布日期', pinned: '置顶' } },
      employees: { name: '员工', fields: { name: '姓名', department: '部门', email: '电子邮箱', hired_on: '入职日期' } },
    },
    backoffice: { departments: { sales: '销售部', finance: '财务部', hr: '人力资源部' } },
  },
  en: {
    resources: {
      announcements: { name: 'Announcement |||| Announcements', fields: { published_at: 'Published on' } },
      employees: { name: 'Employee |||| Employees', fields: { hired_on: 'Hired on' } },
    },
    backoffice: { departments: { sales: 'Sales', finance: 'Finance', hr: 'Human resources' } },
  },
};
