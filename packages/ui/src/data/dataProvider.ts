import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type GetListParams, type Identifier, type RaRecord } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { salesApiMethods, type SalesApi } from '../workflow/api.js';
import { asSalesRefusal } from './ruleRefusals.js';
import { KeysetPages, withAfter } from './keysetPages.js';
import { markEstimated } from './totalExactness.js';
import { timelineMethods, type TimelineApi } from '../hub/timelineApi.js';
import { activityMethods, type ActivityApi } from '../hub/activityApi.js';
import { attachmentMethods, fetchBlob, type AttachmentApi } from '../hub/attachmentsApi.js';

export type HttpClient = typeof fetchUtils.fetchJson;

/** The header that picks the demo user on a server started with `demoUsers: true`. */
export const DEMO_USER_HEADER = 'X-Sales-User';

export interface SalesDataProviderOptions {
  /** Default `fetchUtils.fetchJson`; a host passes its own to add auth headers. */
  httpClient?: HttpClient;
  /** Demo only: the salesperson to act as, sent in `X-Sales-User`; a function is read at every request. */
  user?: Identifier | null | (() => Identifier | null | undefined);
  /** Needed by `transition` to know each resource's workflow field. */
  model?: ClientSalesModel;
  /** The UI language, sent as `Accept-Language` so the server's refusals come in it (e.g. `() => i18nProvider.getLocale()`). */
  locale?: () => string | undefined;
}

export interface TransitionParams {
  id: Identifier;
  /** Target stage id. */
  to: string;
  /** Fields to save with the move (a reason, the data a gate asks for). */
  data?: Record<string, unknown>;
  /** The record as last read; its `version` is sent for optimistic locking. */
  previousData?: RaRecord;
}

/** Which action of `x-actions` to run on which record. */
export interface RunActionParams {
  id: Identifier;
  /** The action's name (its key in `x-actions`). */
  name: string;
  /** Kept in the record's history with the action; sent as `_comment`. */
  comment?: string;
}

/** A record an action created, or the one to open next. */
export interface ActionRecordRef {
  resource: string;
  id: Identifier;
}

/** `201` of `POST /<resource>/<id>/actions/<name>`. */
export interface ActionResult {
  /** The source record after the action. */
  record: RaRecord;
  /** Every record created, by its step's `as` name. */
  created: (ActionRecordRef & { as: string })[];
  /** The created record the screens open next (null when its step did not run). */
  opens: ActionRecordRef | null;
}

export interface RunBulkActionParams {
  ids: Identifier[];
  name: string;
  /** Kept in each record's history with the action; sent as `_comment`. */
  comment?: string;
}

/** One record of a bulk action: done (and what to open), or refused with the server's status and message. */
export interface BulkActionOutcome {
  id: Identifier;
  ok: boolean;
  opens?: ActionRecordRef | null;
  status?: number;
  message?: string;
}

export interface SalesDataMethods extends SalesApi, TimelineApi, ActivityApi, AttachmentApi {
  /** Moves a record to another stage: a pessimistic update of its workflow field (the server checks gates and approvals). */
  transition(resource: string, params: TransitionParams): Promise<{ data: RaRecord }>;
  /**
   * Runs an action of `x-actions` on one record: `POST /<resource>/<id>/actions/<name>`. A refusal
   * rejects with react-admin's `HttpError`, whose `body` keeps the server's `{ message, errors }`.
   */
  runAction(resource: string, params: RunActionParams): Promise<{ data: ActionResult }>;
  /** Runs a bulk action on several records, each in its own transaction: `POST /<resource>/actions/<name>`. */
  runBulkAction(resource: string, params: RunBulkActionParams): Promise<{ data: BulkActionOutcome[] }>;
}

export type SalesDataProvider = DataProvider & SalesDataMethods;

/** Adds headers worked out at each request; a header whose value is null or undefined is left out. */
function withHeaders(httpClient: HttpClient, headersOf: () => Record<string, Identifier | null | undefined>): HttpClient {
  return (url, options = {}) => {
    const extra = Object.entries(headersOf()).filter(([, value]) => value != null);
    if (extra.length === 0) return httpClient(url, options);
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    for (const [name, value] of extra) headers.set(name, String(value));
    return httpClient(url, { ...options, headers });
  };
}

/** Adds the demo user header. Errors pass through untouched: `HttpError.body` keeps the server's `{ message, errors }`. */
export function withDemoUser(httpClient: HttpClient, user: SalesDataProviderOptions['user']): HttpClient {
  if (user == null) return httpClient;
  return withHeaders(httpClient, () => ({ [DEMO_USER_HEADER]: typeof user === 'function' ? user() : user }));
}

/** Adds `Accept-Language` with the UI's current language. */
export function withLocale(httpClient: HttpClient, locale: SalesDataProviderOptions['locale']): HttpClient {
  if (!locale) return httpClient;
  return withHeaders(httpClient, () => ({ 'Accept-Language': locale() }));
}

/**
 * Rejects a 403 (and a rule refusal: 403 naming fields, 409 `lock`) as a `SalesRefusal`, which a
 * host's `authProvider.checkError` does not take for an authentication failure: the session is
 * kept and react-admin notifies the server's message. A 401 and every other error pass unchanged.
 */
export function withSalesRefusals(httpClient: HttpClient): HttpClient {
  return (url, options) =>
    httpClient(url, options).catch((error: unknown) => {
      throw asSalesRefusal(error);
    });
}

/** `runAction` and `runBulkAction` over `httpClient` (the locale and user headers included). */
export function actionMethods(
  apiUrl: string,
  httpClient: HttpClient = fetchUtils.fetchJson,
): Pick<SalesDataMethods, 'runAction' | 'runBulkAction'> {
  const base = apiUrl.replace(/\/$/, '');
  const post = (url: string, body: unknown) => httpClient(url, { method: 'POST', body: JSON.stringify(body) });
  return {
    runAction: (resource, { id, name, comment }) =>
      post(
        `${base}/${resource}/${encodeURIComponent(String(id))}/actions/${encodeURIComponent(name)}`,
        comment ? { _comment: comment } : {},
      ).then(({ json }) => ({ data: { record: json?.record, created: json?.created ?? [], opens: json?.opens ?? null } as ActionResult })),
    runBulkAction: (resource, { ids, name, comment }) =>
      post(`${base}/${resource}/actions/${encodeURIComponent(name)}`, comment ? { ids, _comment: comment } : { ids }).then(({ json }) => ({
        data: (json?.results ?? []) as BulkActionOutcome[],
      })),
  };
}

/**
 * ra-data-simple-rest extended for the sales API: the demo user header, `version` sent back on
 * every update (the server answers 409 when the record changed meanwhile), the workflow and
 * report endpoints, `transition` and the actions of `x-actions` (`runAction`, `runBulkAction`).
 * Refusals (403, rule refusals) reject as `SalesRefusal`, so they never log the user out; a 401 does.
 */
export function createSalesDataProvider(apiUrl: string, options: SalesDataProviderOptions = {}): SalesDataProvider {
  const httpClient = withSalesRefusals(withLocale(withDemoUser(options.httpClient ?? fetchUtils.fetchJson, options.user), options.locale));
  const base = simpleRestProvider(apiUrl, httpClient);
  /** getList and getManyReference with `meta.totalExact: false` when the server estimated the total (`X-Total-Count-Exact`). */
  const keyset = new KeysetPages();
  /** getList also pages by keyset when the page before was read (`after`, see keysetPages.ts). */
  const withTotalExactness =
    <M extends 'getList' | 'getManyReference'>(method: M): DataProvider[M] =>
    async (resource: string, params: Parameters<DataProvider[M]>[1]) => {
      let exact = true;
      const after = method === 'getList' ? keyset.after(resource, params as GetListParams) : undefined;
      const noting: HttpClient = (url, init) =>
        httpClient(after ? withAfter(url, after) : url, init).then((response) => {
          if (response.headers.get('X-Total-Count-Exact') === 'false') exact = false;
          return response;
        });
      const result = await (simpleRestProvider(apiUrl, noting)[method] as DataProvider[M])(resource, params as never);
      if (method === 'getList') keyset.remember(resource, params as GetListParams, result.data);
      return exact ? result : markEstimated(result);
    };
  const update: DataProvider['update'] = (resource, params) => {
    const version = params.data?.version ?? params.previousData?.version;
    return base.update(resource, { ...params, data: version === undefined ? params.data : { ...params.data, version } });
  };
  return {
    ...base,
    getList: withTotalExactness('getList'),
    getManyReference: withTotalExactness('getManyReference'),
    update,
    ...salesApiMethods(apiUrl, httpClient),
    ...actionMethods(apiUrl, httpClient),
    ...timelineMethods(apiUrl, httpClient),
    ...activityMethods(apiUrl, httpClient),
    // Downloads carry the same user and language headers; a host's own httpClient is for JSON only.
    ...attachmentMethods(apiUrl, httpClient, withSalesRefusals(withLocale(withDemoUser(fetchBlob, options.user), options.locale))),
    transition: (resource, { id, to, data = {}, previousData }) => {
      const field = options.model?.entities[resource]?.workflow?.field;
      if (!field) {
        return Promise.reject(new Error(`ra-sales: cannot move a "${resource}" record: no model given or no workflow`));
      }
      return update(resource, { id, data: { ...data, [field]: to }, previousData: previousData ?? ({ id } as RaRecord) });
    },
  } as SalesDataProvider;
}
