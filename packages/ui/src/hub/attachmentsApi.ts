/**
 * The attachment endpoints as data provider methods: a record's files, upload (multipart),
 * download (the bytes, through the same headers as every other call) and delete.
 */
import { fetchUtils, HttpError, type Identifier } from 'react-admin';
import type { Attachment, AttachmentList } from '@ra-sales/schema';

export type { Attachment, AttachmentList } from '@ra-sales/schema';

type HttpClient = typeof fetchUtils.fetchJson;

export interface AttachmentApi {
  /** The record's files, newest first; `data` is null when the server keeps no files (501). */
  getAttachments(resource: string, params: { id: Identifier }): Promise<{ data: AttachmentList | null }>;
  /** Uploads files to the record, all kept or none: the created attachments. */
  uploadAttachments(resource: string, params: { id: Identifier; files: File[] }): Promise<{ data: Attachment[] }>;
  /** The file's bytes. */
  getAttachmentContent(params: { id: Identifier }): Promise<{ data: Blob }>;
  deleteAttachment(params: { id: Identifier }): Promise<{ data: Attachment }>;
}

/**
 * An `HttpClient` answering the body as a Blob in `json`: the wrappers of the data provider
 * (the user and language headers, refusals) then apply to downloads as to every other call.
 * Errors are react-admin's `HttpError` with the server's message, as `fetchJson` throws them.
 */
export const fetchBlob: HttpClient = async (url, options = {}) => {
  const response = await fetch(url, { ...options, headers: fetchUtils.createHeadersFromOptions(options) });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new HttpError(body?.message ?? response.statusText, response.status, body);
  }
  return { status: response.status, headers: response.headers, body: '', json: await response.blob() };
};

const isList = (json: unknown): json is AttachmentList =>
  typeof json === 'object' && json !== null && Array.isArray((json as AttachmentList).attachments);

/** The methods over `httpClient` (JSON calls) and `blobClient` (downloads), both carrying the same headers. */
export function attachmentMethods(apiUrl: string, httpClient: HttpClient, blobClient: HttpClient = fetchBlob): AttachmentApi {
  const base = apiUrl.replace(/\/$/, '');
  const recordPath = (resource: string, id: Identifier) => `${base}/${resource}/${encodeURIComponent(String(id))}/attachments`;
  const filePath = (id: Identifier) => `${base}/attachments/${encodeURIComponent(String(id))}`;
  return {
    getAttachments: (resource, { id }) =>
      httpClient(recordPath(resource, id)).then(
        ({ json }) => ({ data: isList(json) ? json : null }),
        (error: { status?: number }) => {
          if (error?.status === 501) return { data: null };
          throw error;
        },
      ),
    uploadAttachments: (resource, { id, files }) => {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      return httpClient(recordPath(resource, id), { method: 'POST', body: form }).then(({ json }) => ({
        data: Array.isArray(json) ? (json as Attachment[]) : [],
      }));
    },
    getAttachmentContent: ({ id }) => blobClient(`${filePath(id)}/content`).then(({ json }) => ({ data: json as Blob })),
    deleteAttachment: ({ id }) => httpClient(filePath(id), { method: 'DELETE' }).then(({ json }) => ({ data: json as Attachment })),
  };
}
