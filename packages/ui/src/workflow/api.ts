/**
 * The non-CRUD endpoints the workflow screens and the dashboard read, as extra data provider
 * methods (react-admin's recommended way to reach custom endpoints). The host spreads them into
 * its data provider: `{ ...simpleRestProvider(apiUrl, http), ...salesApiMethods(apiUrl, http) }`.
 */
import { fetchUtils, useDataProvider, type DataProvider, type Identifier } from 'react-admin';
import type { Labels, SearchHit } from '@ra-sales/schema';

/** A label as the server sends it: a plain string or one per locale. */
export type ServerLabel = string | Labels | null | undefined;

export interface GateMiss {
  field: string;
  label?: ServerLabel;
  message: string;
}

export interface NextMove {
  to: string;
  allowed: boolean;
  missing: GateMiss[];
  approvalRoles: string[];
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface ApprovalRecord {
  id: Identifier;
  resource: string;
  record_id: Identifier;
  from_stage: string;
  to_stage: string;
  role: string;
  /** The index of the rule in the workflow's `approvals` (what it freezes). */
  rule_index: number;
  status: ApprovalStatus;
  label?: ServerLabel;
  requested_by?: Identifier | null;
  decided_by?: Identifier | null;
  decided_at?: string | null;
  comment?: string | null;
  created_at?: string;
  updated_at?: string;
}

/** `GET /api/<resource>/:id/workflow` */
export interface WorkflowInfo {
  stage: string;
  next: NextMove[];
  pending: ApprovalRecord[];
  /** The pending approvals with those already given for the same moves. */
  inFlight?: ApprovalRecord[];
}

/** `GET /api/me` */
export interface SalesUser {
  id: Identifier;
  roles: string[];
  teamId?: Identifier | null;
  /** The user's name (their salesperson record's representation), when the server knows it. */
  fullName?: string | null;
}

export type { SearchHit } from '@ra-sales/schema';

export interface SalesApi {
  getWorkflow(resource: string, params: { id: Identifier }): Promise<{ data: WorkflowInfo }>;
  /** `GET /api/reports/<name>?<params as JSON-encoded query values>` */
  getReport<T = unknown>(name: string, params?: Record<string, unknown>): Promise<{ data: T }>;
  getMe(): Promise<{ data: SalesUser }>;
  /** `GET /api/search?q=…`: the best matches across entities within the user's read scope, each resource's together. */
  search(q: string, params?: { limit?: number }): Promise<{ data: SearchHit[] }>;
  /** `POST /api/<resource>/import[?dryRun=1]` with the file as the body: all rows or none. */
  importFile(resource: string, file: Blob & { name?: string }, params?: { dryRun?: boolean }): Promise<{ data: ImportResult }>;
}

/** What an import answers: records created (0 on a dry run or a refusal) and the refused rows. */
export interface ImportResult {
  /** Records created; on a dry run, the rows that would be. */
  created: number;
  dryRun: boolean;
  errors: { row: number; field?: string; column?: string; message: string }[];
  truncated?: boolean;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileType = (file: Blob & { name?: string }) => (file.name?.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : file.type || 'text/csv');

export type SalesDataProvider = DataProvider & SalesApi;

type HttpClient = typeof fetchUtils.fetchJson;

/** `?a=1&b=…` of the defined params, a value that is not a string JSON-encoded. */
export function query(params: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function salesApiMethods(apiUrl: string, httpClient: HttpClient = fetchUtils.fetchJson): SalesApi {
  const base = apiUrl.replace(/\/$/, '');
  return {
    getWorkflow: (resource, { id }) =>
      httpClient(`${base}/${resource}/${encodeURIComponent(String(id))}/workflow`).then(({ json }) => ({ data: json })),
    getReport: <T>(name: string, params?: Record<string, unknown>) =>
      httpClient(`${base}/reports/${name}${query(params)}`).then(({ json }) => ({
        data: (json && typeof json === 'object' && !Array.isArray(json) && 'data' in json ? json.data : json) as T,
      })),
    getMe: () => httpClient(`${base}/me`).then(({ json }) => ({ data: json })),
    importFile: (resource, file, params = {}) =>
      httpClient(`${base}/${resource}/import${params.dryRun ? '?dryRun=1' : ''}`, {
        method: 'POST',
        body: file,
        headers: new Headers({ 'Content-Type': fileType(file), Accept: 'application/json' }),
      }).then(
        ({ json }) => ({ data: json as ImportResult }),
        // A refused file answers 422 with its rows: that is a result to show, not a failure.
        (error: { status?: number; body?: ImportResult }) => {
          if (error?.status === 422 && error.body?.errors) return { data: error.body };
          throw error;
        },
      ),
    search: (q, params = {}) => httpClient(`${base}/search${query({ q, limit: params.limit })}`).then(({ json }) => ({ data: json ?? [] })),
  };
}

/** The data provider with the sales methods; a clear error when the host forgot to add them. */
export function useSalesApi(): SalesDataProvider {
  const dataProvider = useDataProvider() as DataProvider & Partial<SalesApi>;
  for (const method of ['getWorkflow', 'getReport', 'getMe'] as const) {
    if (typeof dataProvider[method] !== 'function') {
      throw new Error(`ra-sales: the data provider has no ${method}() method; spread salesApiMethods(apiUrl) into it.`);
    }
  }
  return dataProvider as SalesDataProvider;
}
