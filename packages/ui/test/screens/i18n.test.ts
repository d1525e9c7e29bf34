/** salesMessages, the zh-CN translation of react-admin's strings, and the i18n provider. */
import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { allMessages, createSalesI18nProvider, raChineseMessages, salesMessages } from '../../src/i18n/index.js';
import { uiMessages } from '../../src/i18n/uiMessages.js';
import { fixtureModel } from './fixture.js';

/** Every leaf key of a nested messages object, as dotted paths. */
function leafKeys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? leafKeys(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('salesMessages', () => {
  it('names resources, fields, enum options, stages and sections in Chinese', () => {
    const zh = salesMessages(fixtureModel, 'zh-CN') as any;
    expect(zh.resources.deals.name).toBe('交易 |||| 交易档案');
    expect(zh.resources.deals.plural).toBe('交易档案');
    expect(zh.resources.deals.fields.amount).toBe('金额');
    expect(zh.resources.deals.fields.sign_date_gte).toBe('签约日期起');
    expect(zh.resources.deals.fields.amount_lte).toBe('金额止');
    expect(zh.resources.deals.items.lines.unit_price).toBe('单价');
    expect(zh.resources.deals.enums.grade.A).toBe('A 类（重点）');
    expect(zh.resources.deals.stages.won).toBe('赢单');
    expect(zh.resources.deals.sections).toEqual({ main: '基本信息', contact: '联系方式', items: '明细' });
    expect(zh.ra_sales.groups.sales).toBe('销售');
    expect(zh.ra_sales.roles.admin).toBe('管理员');
    expect(zh.ra_sales.lines.grand_total).toBe('合计');
  });

  it('names the same things in English', () => {
    const en = salesMessages(fixtureModel, 'en') as any;
    expect(en.resources.deals.name).toBe('Deal |||| Deals');
    expect(en.resources.deals.fields.customer_id).toBe('Customer');
    expect(en.resources.deals.fields.sign_date_gte).toBe('Signing date from');
    expect(en.resources.deals.enums.grade.B).toBe('B – ordinary');
    expect(en.resources.deals.stages.lost).toBe('Lost');
    expect(en.ra_sales.action.set_field).toBe('Set %{field}');
  });

  it('falls back to English labels for a locale the schema does not label', () => {
    const fr = salesMessages(fixtureModel, 'fr') as any;
    expect(fr.resources.deals.fields.amount).toBe('Amount');
  });
});

describe('translations', () => {
  it('the zh-CN react-admin messages cover every key of ra-language-english', () => {
    expect(leafKeys(englishMessages).filter((key) => !leafKeys(raChineseMessages).includes(key))).toEqual([]);
  });

  it("the library's own strings exist in both locales", () => {
    expect(leafKeys(uiMessages['zh-CN']!)).toEqual(leafKeys(uiMessages.en!));
  });

  it('the provider translates in zh-CN by default and switches to English', async () => {
    const i18n = createSalesI18nProvider(fixtureModel);
    expect(i18n.getLocale()).toBe('zh-CN');
    expect(i18n.translate('ra.action.save')).toBe('保存');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('金额');
    expect(i18n.translate('resources.deals.name', { smart_count: 2 })).toBe('交易');
    expect(i18n.getLocales?.()).toEqual([
      { locale: 'zh-CN', name: '中文' },
      { locale: 'en', name: 'English' },
    ]);
    await i18n.changeLocale('en');
    expect(i18n.translate('ra.action.save')).toBe('Save');
    expect(i18n.translate('resources.deals.name', { smart_count: 2 })).toBe('Deals');
  });

  it("merges the host's messages over the library's", () => {
    const messages = allMessages(fixtureModel, 'en', {
      en: { app: { hello: 'Hello' }, resources: { deals: { fields: { amount: 'Value' } } } },
    }) as any;
    expect(messages.app.hello).toBe('Hello');
    expect(messages.resources.deals.fields.amount).toBe('Value');
    expect(messages.resources.deals.fields.name).toBe('Deal name');
    expect(messages.ra.action.save).toBe('Save');
  });
});
