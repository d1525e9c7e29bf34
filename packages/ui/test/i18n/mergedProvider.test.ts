/**
 * createSalesI18nProvider merged into a host's i18n: the host's languages, default locale and
 * keys kept, the sales texts layered under them (English where the library has no translation).
 */
import { describe, expect, it, vi } from 'vitest';
import englishMessages from 'ra-language-english';
import type { I18nProvider } from 'react-admin';
import { createSalesI18nProvider, salesLocaleOf, salesTranslations, SALES_LANGUAGES } from '../../src/i18n/index.js';
import { fixtureModel } from '../screens/fixture.js';
import { HOST_LOCALES, hostEnglish, hostFrench, hostI18nProvider, later } from './hosts.js';

const UNION = [...HOST_LOCALES, { locale: 'zh-CN', name: '中文' }];

describe('createSalesI18nProvider over the host’s i18nProvider', () => {
  it("keeps the host's default locale, its French texts and react-admin's French strings", () => {
    const i18n = createSalesI18nProvider(fixtureModel, { i18nProvider: hostI18nProvider() });
    expect(i18n.getLocale()).toBe('fr');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Nb de commentaires');
    expect(i18n.translate('resources.posts.name', { smart_count: 2 })).toBe('Articles');
    expect(i18n.translate('simple.greeting')).toBe('Bonjour');
    expect(i18n.translate('ra.action.save')).toBe('Enregistrer');
  });

  it("gives the sales labels and screens in English in French (no French translation), react-admin's missing strings too", () => {
    const i18n = createSalesI18nProvider(fixtureModel, { i18nProvider: hostI18nProvider() });
    expect(i18n.translate('resources.deals.fields.amount')).toBe('Amount');
    expect(i18n.translate('resources.deals.name', { smart_count: 2 })).toBe('Deals');
    expect(i18n.translate('resources.deals.plural')).toBe('Deals');
    expect(i18n.translate('ra_sales.groups.sales')).toBe('Sales');
    expect(i18n.translate('ra_sales.workflow.boards')).toBe('Workflow boards');
    expect(i18n.translate('ra_sales.lines.grand_total')).toBe('Total');
    // Not in the host's (partial) French: react-admin's English, not the raw key.
    expect(i18n.translate('ra.action.delete')).toBe('Delete');
    // Unknown everywhere: react-admin's default, else the key.
    expect(i18n.translate('nowhere.at_all', { _: 'Fallback' })).toBe('Fallback');
    expect(i18n.translate('nowhere.at_all')).toBe('nowhere.at_all');
  });

  it("lets the host's keys win, even for a sales resource", () => {
    const host = hostI18nProvider();
    const translate = host.translate;
    host.translate = (key, options) => (key === 'resources.deals.fields.amount' ? 'Montant' : translate(key, options));
    const i18n = createSalesI18nProvider(fixtureModel, { i18nProvider: host });
    expect(i18n.translate('resources.deals.fields.amount')).toBe('Montant');
  });

  it("lists the host's locales then the library's, without duplicates", () => {
    const i18n = createSalesI18nProvider(fixtureModel, { i18nProvider: hostI18nProvider() });
    expect(i18n.getLocales?.()).toEqual(UNION);
    const onlyHost = createSalesI18nProvider(fixtureModel, { i18nProvider: hostI18nProvider(), salesLocales: [] });
    expect(onlyHost.getLocales?.()).toEqual(HOST_LOCALES);
  });

  it('switches the host and the sales texts together, awaiting the host’s asynchronous messages', async () => {
    const host = hostI18nProvider({ initial: 'en', asyncFrench: true });
    const i18n = createSalesI18nProvider(fixtureModel, { i18nProvider: host });
    expect(i18n.getLocale()).toBe('en');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Comments');
    const switching = i18n.changeLocale('fr');
    expect(i18n.getLocale()).toBe('en');
    await switching;
    expect(i18n.getLocale()).toBe('fr');
    expect(host.getLocale()).toBe('fr');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Nb de commentaires');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('Amount');

    await i18n.changeLocale('zh-CN');
    // The host does not list zh-CN: its keys in its fallback (English), react-admin's and the sales texts in Chinese.
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Comments');
    expect(i18n.translate('ra.action.save')).toBe('保存');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('金额');
    expect(i18n.translate('ra_sales.workflow.boards')).not.toBe('Workflow boards');
  });

  it('works over a hand-written host provider that ignores `_` and refuses locales it lacks', async () => {
    const messages: Record<string, Record<string, string>> = {
      fr: { 'resources.posts.fields.nb_comments': 'Nb de commentaires', 'ra.action.save': 'Enregistrer' },
      en: { 'resources.posts.fields.nb_comments': 'Comments', 'ra.action.save': 'Save' },
    };
    let current = 'fr';
    const host: I18nProvider = {
      translate: (key) => messages[current]![key] ?? key,
      changeLocale: async (locale) => {
        await later(null, 5);
        if (!messages[locale]) throw new Error(`no ${locale}`);
        current = locale;
      },
      getLocale: () => current,
    };
    const i18n = createSalesI18nProvider(fixtureModel, { i18nProvider: host });
    expect(i18n.getLocale()).toBe('fr');
    expect(i18n.getLocales?.()).toEqual([{ locale: 'fr', name: 'Français' }, ...SALES_LANGUAGES]);
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Nb de commentaires');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('Amount');

    await i18n.changeLocale('zh-CN'); // refused by the host: it keeps French, the sales texts go Chinese
    expect(i18n.getLocale()).toBe('zh-CN');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Nb de commentaires');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('金额');
    expect(i18n.translate('ra.action.save')).toBe('保存');

    // A host locale failing to load is an error (react-admin notifies it).
    messages.de = {};
    const failing: I18nProvider = {
      ...host,
      changeLocale: () => Promise.reject(new Error('offline')),
      getLocales: () => [{ locale: 'de', name: 'Deutsch' }],
    };
    await expect(createSalesI18nProvider(fixtureModel, { i18nProvider: failing }).changeLocale('de')).rejects.toThrow('offline');
  });
});

describe('createSalesI18nProvider with the host’s messages', () => {
  it("defaults to the host's first locale and merges its French over the library's", () => {
    const i18n = createSalesI18nProvider(fixtureModel, { hostMessages: { fr: hostFrench, en: hostEnglish } });
    expect(i18n.getLocale()).toBe('fr');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Nb de commentaires');
    expect(i18n.translate('ra.action.save')).toBe('Enregistrer');
    expect(i18n.translate('ra.action.delete')).toBe('Delete');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('Amount');
    expect(i18n.getLocales?.()).toEqual([
      { locale: 'fr', name: 'Français' },
      { locale: 'en', name: 'English' },
      { locale: 'zh-CN', name: '中文' },
    ]);
  });

  it('honours defaultLocale and the names given in locales', () => {
    const i18n = createSalesI18nProvider(fixtureModel, {
      hostMessages: { fr: hostFrench, en: hostEnglish },
      defaultLocale: 'en',
      locales: HOST_LOCALES,
    });
    expect(i18n.getLocale()).toBe('en');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Comments');
    expect(i18n.getLocales?.()).toEqual(UNION);
  });

  it('loads a locale given as a function returning a promise (or an ES module) when it is chosen', async () => {
    const loadFrench = vi.fn(() => later({ default: hostFrench, [Symbol.toStringTag]: 'Module' } as object));
    const i18n = createSalesI18nProvider(fixtureModel, { hostMessages: { en: hostEnglish, fr: loadFrench } });
    expect(i18n.getLocale()).toBe('en');
    expect(loadFrench).not.toHaveBeenCalled();
    await i18n.changeLocale('fr');
    expect(i18n.translate('resources.posts.fields.nb_comments')).toBe('Nb de commentaires');
    expect(i18n.translate('resources.deals.fields.amount')).toBe('Amount');
    await i18n.changeLocale('en');
    await i18n.changeLocale('fr');
    expect(loadFrench).toHaveBeenCalledTimes(1);
  });

  it('accepts one getMessages function of the locale, like polyglotI18nProvider', async () => {
    const i18n = createSalesI18nProvider(fixtureModel, {
      hostMessages: (locale) => (locale === 'fr' ? later(hostFrench) : hostEnglish),
      defaultLocale: 'en',
      locales: HOST_LOCALES,
    });
    await i18n.changeLocale('fr');
    expect(i18n.translate('simple.greeting')).toBe('Bonjour');
    expect(i18n.translate('ra_sales.workflow.boards')).toBe('Workflow boards');
  });

  it('refuses asynchronous messages for the default locale, as polyglotI18nProvider does', () => {
    expect(() => createSalesI18nProvider(fixtureModel, { hostMessages: { fr: () => later(hostFrench) } })).toThrow(/default locale \(fr\)/);
  });

  it("keeps the library's own apps as they were: zh-CN by default, English switchable", async () => {
    const i18n = createSalesI18nProvider(fixtureModel, { hostMessages: { 'zh-CN': { app: { hi: '你好' } }, en: { app: { hi: 'Hi' } } } });
    expect(i18n.getLocale()).toBe('zh-CN');
    expect(i18n.translate('app.hi')).toBe('你好');
    expect(i18n.translate('ra.action.save')).toBe('保存');
    expect(i18n.getLocales?.()).toEqual(SALES_LANGUAGES);
    await i18n.changeLocale('en');
    expect(i18n.translate('app.hi')).toBe('Hi');
    expect(i18n.translate('ra.action.save')).toBe(englishMessages.ra.action.save);
  });
});

describe('salesLocaleOf / salesTranslations', () => {
  it('serves a bare language or a regional variant with the library locale of that language', () => {
    expect(salesLocaleOf('zh')).toBe('zh-CN');
    expect(salesLocaleOf('en-GB')).toBe('en');
    expect(salesLocaleOf('fr')).toBe('fr');
    expect((salesTranslations(fixtureModel, 'zh') as any).resources.deals.fields.amount).toBe('金额');
    expect((salesTranslations(fixtureModel, 'fr') as any).resources.deals.fields.amount).toBe('Amount');
    expect((salesTranslations(fixtureModel, 'fr') as any).ra).toBeUndefined();
  });
});
