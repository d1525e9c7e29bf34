/** The library's own UI strings, under `ra_sales.*`. */
const en = {
  action: {
    set_field: 'Set %{field}',
  },
  validation: {
    json: 'Must be valid JSON',
  },
  filter: {
    from: '%{field} from',
    to: '%{field} to',
  },
  lines: {
    line_total: 'Line total',
    grand_total: 'Total',
    items: '%{smart_count} line |||| %{smart_count} lines',
  },
  /** Names of common section ids; a stage of the same id names a section first. */
  section: {
    main: 'General',
    contact: 'Contact',
    credit: 'Credit',
    terms: 'Terms',
    work_log: 'Work log',
    lines: 'Lines',
    items: 'Items',
    service: 'Service',
    metrics: 'Metrics',
    handling: 'Handling',
    shipping: 'Shipping',
    ratings: 'Ratings',
    qualification: 'Qualification',
    product: 'Product',
    approval: 'Approval',
    training: 'Training',
    review: 'Review',
    personal: 'Personal',
    overdue: 'Overdue',
    finance: 'Finance',
    customer: 'Customer',
    authority: 'Authority',
    targets: 'Targets',
    strategy: 'Strategy',
    result: 'Result',
    recruitment: 'Recruitment',
    goods: 'Goods',
    design: 'Design',
    confirmation: 'Confirmation',
    schedule: 'Schedule',
    report: 'Report',
    closing: 'Closing',
    details: 'Details',
    delivery: 'Delivery',
    payment: 'Payment',
    other: 'Other',
  },
  locale: {
    'zh-CN': '中文',
    en: 'English',
  },
  notification: {
    transitioned: 'Moved to %{stage} |||| %{smart_count} records moved to %{stage}',
    transition_failed: 'Could not move %{smart_count} record: %{message} |||| Could not move %{smart_count} records: %{message}',
  },
};

/** Typed as the English, so a key missing here fails to compile. */
const zhCN: typeof en = {
  action: {
    set_field: '设置%{field}',
  },
  validation: {
    json: '必须是有效的 JSON',
  },
  filter: {
    from: '%{field}起',
    to: '%{field}止',
  },
  lines: {
    line_total: '小计',
    grand_total: '合计',
    items: '%{smart_count} 行',
  },
  section: {
    main: '基本信息',
    contact: '联系方式',
    credit: '信用',
    terms: '条款',
    work_log: '工作日志',
    lines: '明细',
    items: '明细',
    service: '服务',
    metrics: '指标',
    handling: '处理',
    shipping: '发运',
    ratings: '评分',
    qualification: '资格评估',
    product: '产品',
    approval: '审批',
    training: '培训',
    review: '评审',
    personal: '个人信息',
    overdue: '逾期',
    finance: '财务',
    customer: '客户',
    authority: '权限',
    targets: '目标',
    strategy: '策略',
    result: '结果',
    recruitment: '招聘',
    goods: '货物',
    design: '设计',
    confirmation: '确认',
    schedule: '计划',
    report: '报告',
    closing: '结项',
    details: '详细信息',
    delivery: '交付',
    payment: '付款',
    other: '其他',
  },
  locale: {
    'zh-CN': '中文',
    en: 'English',
  },
  notification: {
    transitioned: '已转到%{stage}（%{smart_count} 条）',
    transition_failed: '%{smart_count} 条记录未能转换：%{message}',
  },
};

export type UiMessages = typeof en;

export const uiMessages: Record<string, UiMessages> = { en, 'zh-CN': zhCN };
