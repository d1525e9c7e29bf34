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
  section: {
    main: 'General',
    contact: 'Contact',
    credit: 'Credit',
    closing: 'Closing',
    details: 'Details',
    finance: 'Finance',
    delivery: 'Delivery',
    payment: 'Payment',
    service: 'Service',
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
    closing: '结项',
    details: '详细信息',
    finance: '财务',
    delivery: '交付',
    payment: '付款',
    service: '服务',
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
