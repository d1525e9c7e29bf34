/**
 * The Attachments panel of a show page against a mocked API: the files with their type, size,
 * uploader and date; upload with a busy state; refusals by name and size before anything is sent,
 * and the server's own refusal; delete after confirmation, offered only where the server allows;
 * the download's bytes and headers; the timeline's entry; nothing at all when the server keeps no files.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { toClientModel, type Attachment, type AttachmentList, type ClientSalesModel } from '@ra-sales/schema';
import { createSalesDataProvider } from '../../src/data/index.js';
import { testModel, type Db } from '../workflow/support.js';
import { API, apiHandlers, mockApi, renderApp } from '../screens/support.js';

const { server, seen } = mockApi();
beforeAll(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

let model: ClientSalesModel | undefined;
const defaultModel = () => (model ??= toClientModel(testModel()));

const db = (): Db => ({
  customers: [{ id: 1, version: 3, name: 'Acme Steel', grade: 'B', status: 'intent', owner_id: 2 }],
  salespeople: [{ id: 2, name: 'Li Lei', role: 'sales_rep' }],
  contacts: [],
  opportunities: [],
  quotes: [],
  contracts: [],
  sales_orders: [],
  collections: [],
  complaints: [],
  history: [],
  approvals: [],
});

const file = (id: number, name: string, extra: Partial<Attachment> = {}): Attachment => ({
  id,
  resource: 'customers',
  record_id: 1,
  file_name: name,
  content_type: 'application/pdf',
  size: 1_572_864,
  sha256: 'ab'.repeat(32),
  uploaded_by: { id: 2, name: 'Li Lei' },
  created_at: '2026-03-02T09:30:00.000Z',
  can_delete: true,
  ...extra,
});

/** The server's side: the list (changed by uploads and deletes), and every upload's files as received. */
function attachmentsApi(initial: Attachment[], options: Partial<AttachmentList> = {}) {
  const state = { files: [...initial], received: [] as File[] };
  const list = (): AttachmentList => ({
    attachments: state.files,
    can_upload: true,
    max_bytes: 20 * 1024 * 1024,
    extensions: ['pdf', 'png', 'docx', 'xlsx'],
    ...options,
  });
  const handlers = [
    http.get(`${API}/customers/1/attachments`, () => HttpResponse.json(list())),
    http.post(`${API}/customers/1/attachments`, async ({ request }) => {
      const form = await request.formData();
      const files = form.getAll('file') as File[];
      state.received.push(...files);
      // jsdom's FormData reaches Node's fetch without the file names (the e2e checks them in Chromium): named here.
      const created = files.map((f, i) =>
        file(100 + state.files.length + i, `upload ${state.received.length - files.length + i + 1}.pdf`, { size: f.size }),
      );
      state.files = [...created, ...state.files];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.delete(`${API}/attachments/:id`, ({ params }) => {
      const gone = state.files.find((f) => String(f.id) === params.id)!;
      state.files = state.files.filter((f) => f !== gone);
      return HttpResponse.json(gone);
    }),
  ];
  return { state, handlers };
}

const choose = (files: File[]) => fireEvent.change(screen.getByTestId('attachments-input'), { target: { files } });

describe('the Attachments panel of a show page', () => {
  it('lists the files newest first with type, size, uploader and date; delete only where the server allows', async () => {
    const { handlers } = attachmentsApi([
      file(2, '合同扫描件.pdf'),
      file(1, 'site photo.png', { content_type: 'image/png', size: 2048, can_delete: false, uploaded_by: null }),
    ]);
    server.use(...apiHandlers(db(), seen, handlers));
    renderApp('/customers/1/show', { model: defaultModel() });
    const panel = await screen.findByTestId('attachments-panel');
    const rows = await within(panel).findAllByTestId('attachment');
    expect(rows.map((row) => row.dataset.id)).toEqual(['2', '1']);
    const [pdf, photo] = rows as [HTMLElement, HTMLElement];
    expect(within(pdf).getByText('合同扫描件.pdf')).toBeTruthy();
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-02T09:30:00Z'));
    expect(within(pdf).getByText(`1.5 MB · Li Lei · ${when}`)).toBeTruthy();
    expect(within(pdf).getByTestId('file-type-icon').dataset.type).toBe('application/pdf');
    expect(within(pdf).getByRole('button', { name: 'Delete 合同扫描件.pdf' })).toBeTruthy();
    expect(within(photo).getByText(`2 kB · Someone · ${when}`)).toBeTruthy();
    expect(within(photo).queryByRole('button', { name: /^Delete/ })).toBeNull();
    expect(within(photo).getByRole('button', { name: 'Download site photo.png' })).toBeTruthy();
    expect(within(panel).getByText('Or drop files here; up to 20 MB each')).toBeTruthy();
  });

  it('uploads the chosen files with a busy state, then lists them', async () => {
    const { state, handlers } = attachmentsApi([]);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      ...apiHandlers(db(), seen, [
        http.post(`${API}/customers/1/attachments`, async () => {
          await held;
          return undefined;
        }),
        ...handlers,
      ]),
    );
    renderApp('/customers/1/show', { model: defaultModel() });
    const panel = await screen.findByTestId('attachments-panel');
    expect(await within(panel).findByText('No files yet')).toBeTruthy();
    expect(screen.getByTestId('attachments-input').getAttribute('accept')).toBe('.pdf,.png,.docx,.xlsx');
    choose([new File(['%PDF-1.4 scan'], '验收报告.pdf', { type: 'application/pdf' })]);
    expect(await within(panel).findByText('Uploading…')).toBeTruthy();
    release();
    expect(await within(panel).findByText('upload 1.pdf')).toBeTruthy();
    expect(state.received).toHaveLength(1);
    expect(await state.received[0]!.text()).toBe('%PDF-1.4 scan');
    expect(within(panel).queryByText('Uploading…')).toBeNull();
    await waitFor(() => expect(seen.filter((r) => r.url.pathname === '/api/customers/1/timeline').length).toBeGreaterThan(1));
  });

  it('uploads files dropped on the panel', async () => {
    const { state, handlers } = attachmentsApi([]);
    server.use(...apiHandlers(db(), seen, handlers));
    renderApp('/customers/1/show', { model: defaultModel() });
    const panel = await screen.findByTestId('attachments-panel');
    await within(panel).findByText('No files yet');
    const dropped = [new File(['%PDF-1.4 a'], 'a.pdf'), new File(['%PDF-1.4 b'], 'b.pdf')];
    fireEvent.dragOver(panel, { dataTransfer: { files: dropped } });
    fireEvent.drop(panel, { dataTransfer: { files: dropped } });
    expect(await within(panel).findAllByTestId('attachment')).toHaveLength(2);
    expect(await Promise.all(state.received.map((f) => f.text()))).toEqual(['%PDF-1.4 a', '%PDF-1.4 b']);
  });

  it('refuses a file of another type or over the limit before sending it, in the UI’s language', async () => {
    const { state, handlers } = attachmentsApi([], { max_bytes: 10 });
    server.use(...apiHandlers(db(), seen, handlers));
    renderApp('/customers/1/show', { model: defaultModel(), locale: 'zh-CN' });
    const panel = await screen.findByTestId('attachments-panel');
    await within(panel).findByText('暂无附件');
    choose([new File(['MZ'], 'setup.exe')]);
    expect((await within(panel).findByTestId('attachments-refusal')).textContent).toContain(
      '「setup.exe」不能上传：只接受 .pdf、.png、.docx、.xlsx 文件',
    );
    choose([new File(['%PDF-1.4 far too long'], '扫描件.pdf')]);
    await waitFor(() =>
      expect(within(panel).getByTestId('attachments-refusal').textContent).toContain('「扫描件.pdf」超过 10字节，无法上传'),
    );
    expect(state.received).toEqual([]);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the server’s refusal', async () => {
    const { handlers } = attachmentsApi([]);
    server.use(
      ...apiHandlers(db(), seen, [
        http.post(`${API}/customers/1/attachments`, () =>
          HttpResponse.json({ message: '“photo.png” is not a .png file: its content does not match its name' }, { status: 415 }),
        ),
        ...handlers,
      ]),
    );
    renderApp('/customers/1/show', { model: defaultModel() });
    await screen.findByText('No files yet');
    choose([new File(['%PDF-1.4'], 'photo.png', { type: 'image/png' })]);
    expect((await screen.findByTestId('attachments-refusal')).textContent).toContain(
      '“photo.png” is not a .png file: its content does not match its name',
    );
  });

  it('deletes a file after confirmation', async () => {
    const { state, handlers } = attachmentsApi([file(7, 'old quote.pdf')]);
    server.use(...apiHandlers(db(), seen, handlers));
    renderApp('/customers/1/show', { model: defaultModel() });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete old quote.pdf' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete “old quote.pdf”?')).toBeTruthy();
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No files yet')).toBeTruthy();
    expect(state.files).toEqual([]);
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.url.pathname)).toEqual(['/api/attachments/7']);
  });

  it('downloads the bytes under the file’s name', async () => {
    const { handlers } = attachmentsApi([file(7, '合同.pdf')]);
    server.use(
      ...apiHandlers(db(), seen, [
        http.get(
          `${API}/attachments/7/content`,
          () => new HttpResponse('%PDF-1.4 bytes', { headers: { 'Content-Type': 'application/pdf' } }),
        ),
        ...handlers,
      ]),
    );
    const blobs: Blob[] = [];
    // jsdom has no object URLs: the edge the browser would take over.
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:attachment'), revokeObjectURL: () => {} });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    renderApp('/customers/1/show', { model: defaultModel() });
    fireEvent.click(await screen.findByRole('button', { name: 'Download 合同.pdf' }));
    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:attachment', download: '合同.pdf' }]));
    expect(await blobs[0]!.text()).toBe('%PDF-1.4 bytes');
  });

  it('is not shown when the server keeps no files (501), nor the upload where the record is not writable', async () => {
    server.use(
      ...apiHandlers(db(), seen, [
        http.get(`${API}/customers/1/attachments`, () => HttpResponse.json({ message: 'Attachments are not enabled' }, { status: 501 })),
      ]),
    );
    const first = renderApp('/customers/1/show', { model: defaultModel() });
    await screen.findByTestId('activity-timeline');
    await waitFor(() => expect(seen.some((r) => r.url.pathname === '/api/customers/1/attachments')).toBe(true));
    expect(screen.queryByTestId('attachments-panel')).toBeNull();
    first.unmount();

    const { handlers } = attachmentsApi([file(1, 'a.pdf', { can_delete: false })], { can_upload: false });
    server.use(...apiHandlers(db(), seen, handlers));
    renderApp('/customers/1/show', { model: defaultModel() });
    const panel = await screen.findByTestId('attachments-panel');
    await within(panel).findByText('a.pdf');
    expect(within(panel).queryByRole('button', { name: 'Upload' })).toBeNull();
    expect(screen.queryByTestId('attachments-input')).toBeNull();
  });

  it('shows an upload in the activity timeline', async () => {
    const { handlers } = attachmentsApi([]);
    const entry = {
      id: 'attached-4',
      kind: 'attached',
      at: '2026-03-02T09:30:00.000Z',
      user: { id: 2, name: 'Li Lei' },
      attachment: { id: 4, file_name: '合同扫描件.pdf', size: 1_572_864, content_type: 'application/pdf' },
    };
    server.use(
      ...apiHandlers(db(), seen, [
        http.get(`${API}/customers/1/timeline`, () => HttpResponse.json({ entries: [entry], next: null })),
        ...handlers,
      ]),
    );
    renderApp('/customers/1/show', { model: defaultModel(), locale: 'zh-CN' });
    const [item] = await screen.findAllByTestId('timeline-entry');
    expect(item!.dataset.kind).toBe('attached');
    expect(within(item!).getByText('上传了附件「合同扫描件.pdf」')).toBeTruthy();
    expect(within(item!).getByText('1.5 MB')).toBeTruthy();
  });
});

describe('the data provider’s attachment calls', () => {
  it('send the demo user and the language with every call, downloads included, and reject with the server’s message', async () => {
    const headers: { path: string; user: string | null; language: string | null }[] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        headers.push({
          path: new URL(request.url).pathname,
          user: request.headers.get('X-Sales-User'),
          language: request.headers.get('Accept-Language'),
        });
      }),
      http.get(`${API}/attachments/3/content`, () => new HttpResponse('bytes')),
      http.get(`${API}/attachments/4/content`, () => HttpResponse.json({ message: '没有编号为 4 的附件' }, { status: 404 })),
      http.get(`${API}/customers/1/attachments`, () => HttpResponse.json({ message: 'off' }, { status: 501 })),
    );
    const provider = createSalesDataProvider(API, { user: 7, locale: () => 'zh-CN' });
    expect(await (await provider.getAttachmentContent({ id: 3 })).data.text()).toBe('bytes');
    await expect(provider.getAttachmentContent({ id: 4 })).rejects.toMatchObject({ status: 404, message: '没有编号为 4 的附件' });
    expect(await provider.getAttachments('customers', { id: 1 })).toEqual({ data: null });
    expect(headers).toEqual([
      { path: '/api/attachments/3/content', user: '7', language: 'zh-CN' },
      { path: '/api/attachments/4/content', user: '7', language: 'zh-CN' },
      { path: '/api/customers/1/attachments', user: '7', language: 'zh-CN' },
    ]);
  });
});
