import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type I18nProvider, type Locale, type TranslationMessages } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { workflowMessages } from '../workflow/messages.js';
import { salesMessages, SALES_LOCALES } from './messages.js';
import { raChineseMessages } from './ra-zh-CN.js';

/** The languages the library ships its own texts in, as the locale switcher lists them. */
export const SALES_LANGUAGES: Locale[] = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
];

const reactAdminMessages: Record<string, TranslationMessages> = { en: englishMessages, 'zh-CN': raChineseMessages };
const screenMessages: Record<string, object> = workflowMessages;

/**
 * The host's messages of one locale: the messages themselves, or a function loading them
 * (e.g. `() => import('./i18n/fr').then((m) => m.default)`), which may return a promise.
 */
export type HostLocaleMessages = object | (() => object | Promise<object>);

/**
 * The host's own messages: one entry per locale (`{ en: englishMessages, fr: () => import(…) }`),
 * or one function of the locale, like react-admin's `polyglotI18nProvider(getMessages)`, which may
 * return a promise (and `undefined` for a locale it lacks).
 */
export type HostMessages = Record<string, HostLocaleMessages> | ((locale: string) => object | undefined | Promise<object | undefined>);

export interface SalesI18nOptions {
  /**
   * The host application's own react-admin `I18nProvider` (polyglot, i18next, hand-written…).
   * The sales provider asks it first for every key, so the host's texts — its resources, its own
   * keys and react-admin's `ra.*` strings in the host's languages — always win; the keys it lacks
   * (the sales labels and screens) come from the library. Its `getLocale()` is the default locale
   * (`defaultLocale` is then ignored), its `getLocales()` come first in the locale list, and
   * `changeLocale` is forwarded to it (and awaited: it may load messages asynchronously). A
   * locale the host does not list (one only the library ships, e.g. `zh-CN`) is still forwarded;
   * if the host refuses it, the host keeps its current language and react-admin's own strings
   * come from the library.
   */
  i18nProvider?: I18nProvider;
  /**
   * The host's own messages per locale, merged over the library's (the host's keys win). Values
   * may be functions returning promises, loaded when the locale is chosen; the default locale's
   * messages must be synchronous (as with `polyglotI18nProvider`). Unwrapped when a function
   * returns an ES module (`import('./fr')`): its `default` export is used. Its locales join the
   * locale list. With `i18nProvider`, these sit between the host provider and the library.
   */
  hostMessages?: HostMessages;
  /**
   * The locale shown first. Default: the host `i18nProvider`'s current locale; else the first of
   * `locales`; else the first locale of `hostMessages` (an object); else `zh-CN`. A host may pass
   * react-admin's `resolveBrowserLocale('en')`: a bare language (`zh`, `en`) uses the library's
   * texts of that language (`zh-CN`, `en`).
   */
  defaultLocale?: string;
  /**
   * The host's languages as its locale switcher shows them (`{ locale, name }`), first in
   * `getLocales()`. Default: the host `i18nProvider`'s `getLocales()`, else the locales of
   * `hostMessages` (named in their own language, e.g. `Français`).
   */
  locales?: Locale[];
  /**
   * The library's languages added after the host's in `getLocales()` (a locale the host lists
   * keeps the host's name). Default {@link SALES_LANGUAGES} (中文, English); `[]` offers only the
   * host's languages (the sales texts then follow the host's locale, in English when the library
   * has no translation).
   */
  salesLocales?: Locale[];
}

/**
 * The library locale whose texts serve `locale`: itself when the library ships it, else the
 * first shipped locale of the same language (`zh` → `zh-CN`, `en-GB` → `en`), else `locale`
 * itself (the schema may label it; everything else then falls back to English).
 */
export function salesLocaleOf(locale: string): string {
  const shipped: readonly string[] = SALES_LOCALES;
  if (shipped.includes(locale)) return locale;
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return shipped.find((l) => l.toLowerCase() === locale.toLowerCase() || l.toLowerCase().split('-')[0] === language) ?? locale;
}

/**
 * The library's own texts for one locale, without react-admin's `ra.*` strings: the sales
 * model's labels (`resources.<res>.*`, `ra_sales.groups|roles`) and the screens' strings
 * (`ra_sales.*`), English where the locale has no translation. For a host that builds its own
 * provider: `mergeTranslations(frenchMessages, salesTranslations(model, 'fr'), myFrench)`.
 */
export function salesTranslations(model: ClientSalesModel, locale: string): TranslationMessages {
  const ours = salesLocaleOf(locale);
  return mergeTranslations(screenMessages[ours] ?? screenMessages.en ?? {}, salesMessages(model, ours)) as TranslationMessages;
}

/** The library's layer for one locale: react-admin's strings (English where not shipped), then its own texts. */
function libraryMessages(model: ClientSalesModel, locale: string): TranslationMessages {
  return mergeTranslations(
    reactAdminMessages[salesLocaleOf(locale)] ?? englishMessages,
    salesTranslations(model, locale),
  ) as TranslationMessages;
}

/** All messages for one locale: react-admin's, the sales model's and screens', then the host's. */
export function allMessages(model: ClientSalesModel, locale: string, hostMessages: Record<string, object> = {}): TranslationMessages {
  return mergeTranslations(libraryMessages(model, locale), hostMessages[locale] ?? {}) as TranslationMessages;
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown } | null)?.then === 'function';

/** `import('./fr')` gives a module namespace: its default export is the messages. */
function unwrapModule(value: object | undefined): object | undefined {
  if (value && (value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'Module' && 'default' in value) {
    return (value as { default: object }).default;
  }
  return value;
}

function hostMessagesOf(host: HostMessages | undefined, locale: string): object | undefined | Promise<object | undefined> {
  if (!host) return undefined;
  const found = typeof host === 'function' ? host(locale) : host[locale];
  const value = typeof found === 'function' ? (found as () => object | Promise<object>)() : found;
  return isPromise(value) ? value.then(unwrapModule) : unwrapModule(value);
}

/** A locale's name in its own language (`fr` → `Français`), the library's name for its own locales. */
export function languageName(locale: string): string {
  const ours = SALES_LANGUAGES.find((l) => l.locale === locale);
  if (ours) return ours.name;
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    if (name && name !== locale) return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    // not a valid BCP 47 tag: its code will do
  }
  return locale;
}

/** The host's locales then the library's, each locale once (the first name given wins). */
function unionOfLocales(...lists: Locale[][]): Locale[] {
  const seen = new Set<string>();
  const result: Locale[] = [];
  for (const list of lists) {
    for (const entry of list) {
      if (seen.has(entry.locale)) continue;
      seen.add(entry.locale);
      result.push(entry);
    }
  }
  return result;
}

/** What a host translate returns for a key it lacks (passed as react-admin's `_` default). */
const MISSING = '\u0000ra-sales:missing\u0000';

/**
 * The i18n provider of the sales screens, merged into the host's i18n.
 *
 * - Alone (`createSalesI18nProvider(model)`): Chinese by default, English switchable — the
 *   library's own apps.
 * - With the host's messages (`{ hostMessages: { en: englishMessages, fr: () => import('./fr') } }`):
 *   one polyglot provider per locale merging react-admin's strings, the sales texts and the
 *   host's messages over them; the host's first locale is the default.
 * - Over the host's provider (`{ i18nProvider: hostI18nProvider }`): the host is asked first for
 *   every key and keeps its default locale; the sales texts fill in what it lacks.
 *
 * `getLocales()` lists the host's locales, then the library's (`salesLocales`), each once. For a
 * locale the library has no translation for (`fr`), the sales texts are in English (or in the
 * schema's labels of that locale), the host's texts in the host's language.
 */
export function createSalesI18nProvider(model: ClientSalesModel, options: SalesI18nOptions = {}): I18nProvider {
  const { i18nProvider: host, hostMessages, salesLocales = SALES_LANGUAGES } = options;
  const cache = new Map<string, TranslationMessages | Promise<TranslationMessages>>();
  const messagesFor = (locale: string): TranslationMessages | Promise<TranslationMessages> => {
    const cached = cache.get(locale);
    if (cached) return cached;
    const own = hostMessagesOf(hostMessages, locale);
    const merge = (hostOwn: object | undefined) => mergeTranslations(libraryMessages(model, locale), hostOwn ?? {}) as TranslationMessages;
    const result = isPromise(own)
      ? own.then(merge, (error: unknown) => {
          cache.delete(locale);
          throw error;
        })
      : merge(own);
    cache.set(locale, result);
    return result;
  };

  const hostMessageLocales: Locale[] =
    hostMessages && typeof hostMessages === 'object'
      ? Object.keys(hostMessages).map((locale) => ({ locale, name: languageName(locale) }))
      : [];
  const hostLocales = (): Locale[] => {
    if (options.locales) return options.locales;
    if (host) {
      const listed = host.getLocales?.();
      const own = listed?.length ? listed : [{ locale: host.getLocale(), name: languageName(host.getLocale()) }];
      return unionOfLocales(own, hostMessageLocales);
    }
    return hostMessageLocales;
  };

  const defaultLocale =
    host?.getLocale() ?? options.defaultLocale ?? options.locales?.[0]?.locale ?? hostMessageLocales[0]?.locale ?? 'zh-CN';
  const initial = messagesFor(defaultLocale);
  if (isPromise(initial)) {
    throw new Error(
      `createSalesI18nProvider: the host's messages of the default locale (${defaultLocale}) are a Promise; give them synchronously (load the other locales on demand).`,
    );
  }
  const library = polyglotI18nProvider(messagesFor, defaultLocale, [], { allowMissing: true });
  const getLocales = () => unionOfLocales(hostLocales(), salesLocales);

  if (!host) return { ...library, getLocales };

  let locale = defaultLocale;
  const shipsReactAdmin = (l: string) => salesLocaleOf(l) in reactAdminMessages;
  const hostLists = (l: string) => hostLocales().some((entry) => entry.locale === l);
  /** In a locale the host does not list but the library ships (zh-CN), react-admin's strings are the library's. */
  let libraryReactAdmin = !hostLists(locale) && shipsReactAdmin(locale);

  return {
    ...host,
    translate: (key: string, translateOptions: Record<string, unknown> = {}) => {
      if (!(libraryReactAdmin && key.startsWith('ra.'))) {
        const text: unknown = host.translate(key, { ...translateOptions, _: MISSING });
        if (typeof text === 'string' && text !== MISSING && text !== key) return text;
      }
      return library.translate(key, translateOptions);
    },
    changeLocale: async (next: string, changeOptions?: unknown) => {
      try {
        await host.changeLocale(next, changeOptions);
      } catch (error) {
        // The host's own language failing to load is an error; one only the library ships is not.
        if (hostLists(next) || !salesLocales.some((entry) => entry.locale === next)) throw error;
      }
      await library.changeLocale(next);
      locale = next;
      libraryReactAdmin = !hostLists(next) && shipsReactAdmin(next);
    },
    getLocale: () => locale,
    getLocales,
  };
}
