/**
 * A refusal of the sales API keeps the session: the data provider rejects a 403 (and the rule
 * refusals) with an error a host's usual `checkError` (reject on 401/403) lets through, with the
 * server's message; a 401 still reaches it as an authentication failure. Checked on the data
 * provider alone and inside a real `<Admin>` whose authProvider logs out on 401/403.
 */
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Admin, HttpError, memoryStore, type AuthProvider } from 'react-admin';
import { createSalesDataProvider, isRuleRefusal, isSalesRefusal, keepSessionOnRuleRefusals, SalesRefusal } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { salesResources } from '../../src/resources/index.js';
import { fixtureModel } from '../screens/fixture.js';
import { API, apiHandlers, freshDb, mockApi } from '../screens/support.js';

const { server, seen } = mockApi();

/** The `checkError` of react-admin's documentation and of most auth packages. */
const typicalCheckError = (error: { status?: number }) =>
  error?.status === 401 || error?.status === 403 ? Promise.reject(new Error('auth')) : Promise.resolve();

/** `PUT /deals/1` answering `status` with `body`; the language it was asked in is recorded. */
function refusePut(status: number, body: Record<string, unknown>, languages: (string | null)[] = []) {
  return http.put(`${API}/deals/1`, ({ request }) => {
    languages.push(request.headers.get('Accept-Language'));
    return HttpResponse.json(body, { status });
  });
}

const update = (locale = 'en') =>
  createSalesDataProvider(API, { model: fixtureModel, locale: () => locale })
    .update('deals', { id: 1, data: { name: 'x' }, previousData: { id: 1, version: 3 } })
    .then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error,
    );

describe('the data provider: refusals are not authentication failures', () => {
  it('rejects a 403 with the server message (in the UI language), which the typical checkError lets through', async () => {
    const languages: (string | null)[] = [];
    server.use(refusePut(403, { message: '你无权修改此记录' }, languages));
    const error = (await update('zh-CN')) as SalesRefusal;
    expect(languages).toEqual(['zh-CN']);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(SalesRefusal);
    expect(isSalesRefusal(error)).toBe(true);
    expect(error.message).toBe('你无权修改此记录');
    expect(error.body).toEqual({ message: '你无权修改此记录' });
    expect(error.httpStatus).toBe(403);
    expect(error.status).toBeUndefined();
    await expect(typicalCheckError(error)).resolves.toBeUndefined();
  });

  it('keeps a field-rights refusal (403 naming fields) a rule refusal, its errors for the form', async () => {
    server.use(refusePut(403, { message: 'You may not set Probability', errors: { probability: 'only Sales manager' } }));
    const error = (await update()) as SalesRefusal;
    expect(isRuleRefusal(error)).toBe(true);
    expect(error.body.errors).toEqual({ probability: 'only Sales manager' });
    await expect(typicalCheckError(error)).resolves.toBeUndefined();
  });

  it('turns a lock refusal (409 lock) into a refusal too, its status kept', async () => {
    server.use(refusePut(409, { message: 'deals 1 is locked in stage Won', lock: { stage: 'won', reversibleBy: [] } }));
    const error = (await update()) as SalesRefusal;
    expect(isSalesRefusal(error)).toBe(true);
    expect(error.status).toBe(409);
    expect(isRuleRefusal(error)).toBe(true);
    await expect(typicalCheckError(error)).resolves.toBeUndefined();
  });

  it('leaves a 401 alone: the typical checkError rejects it', async () => {
    server.use(refusePut(401, { message: 'Sign in first' }));
    const error = (await update()) as HttpError;
    expect(isSalesRefusal(error)).toBe(false);
    expect(error.status).toBe(401);
    expect(error.message).toBe('Sign in first');
    await expect(typicalCheckError(error)).rejects.toThrow('auth');
  });

  it('leaves other errors alone (a stale version is a 409 for the form)', async () => {
    server.use(refusePut(409, { message: 'stale', errors: { version: 'stale' } }));
    const error = (await update()) as HttpError;
    expect(isSalesRefusal(error)).toBe(false);
    expect(error.status).toBe(409);
  });

  it('does the same on reads and on actions', async () => {
    server.use(
      http.get(`${API}/deals`, () => HttpResponse.json({ message: 'You may not read deals' }, { status: 403 })),
      http.post(`${API}/deals/1/actions/close`, () => HttpResponse.json({ message: 'Not your deal' }, { status: 403 })),
    );
    const dataProvider = createSalesDataProvider(API);
    const list = await dataProvider
      .getList('deals', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} })
      .catch((e) => e);
    const action = await dataProvider.runAction('deals', { id: 1, name: 'close' }).catch((e) => e);
    for (const error of [list, action]) {
      expect(isSalesRefusal(error)).toBe(true);
      await expect(typicalCheckError(error)).resolves.toBeUndefined();
    }
    expect(action.message).toBe('Not your deal');
  });

  it('keepSessionOnRuleRefusals lets a SalesRefusal through the host checkError', async () => {
    const checkError = vi.fn(() => Promise.reject(new Error('logout')));
    const wrapped = keepSessionOnRuleRefusals({ checkError } as unknown as AuthProvider);
    await expect(wrapped.checkError(new SalesRefusal('no', 403, { message: 'no' }))).resolves.toBeUndefined();
    expect(checkError).not.toHaveBeenCalled();
  });
});

describe('inside a host <Admin> that logs out on 401/403', () => {
  function renderHost() {
    const logout = vi.fn(() => Promise.resolve());
    const checkError = vi.fn(typicalCheckError);
    const authProvider: AuthProvider = {
      login: () => Promise.resolve(),
      logout,
      checkAuth: () => Promise.resolve(),
      checkError,
      getPermissions: () => Promise.resolve(),
    };
    const i18nProvider = createSalesI18nProvider(fixtureModel, { defaultLocale: 'zh-CN' });
    const dataProvider = createSalesDataProvider(API, { model: fixtureModel, locale: () => i18nProvider.getLocale() });
    render(
      <MemoryRouter initialEntries={['/deals/1']}>
        <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} authProvider={authProvider} store={memoryStore()}>
          {salesResources(fixtureModel)}
        </Admin>
      </MemoryRouter>,
    );
    return { logout, checkError };
  }

  async function save() {
    const name = (await screen.findByLabelText(/交易名称/)) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Harbour upgrade'));
    fireEvent.change(name, { target: { value: 'Harbour upgrade 2' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
  }

  it("a 403 on save shows the server's message and keeps the user signed in, on the form", async () => {
    const languages: (string | null)[] = [];
    server.use(...apiHandlers(freshDb(), seen, [refusePut(403, { message: '你无权修改此记录' }, languages)]));
    const { logout, checkError } = renderHost();
    await save();
    await screen.findByText('你无权修改此记录');
    await waitFor(() => expect(checkError).toHaveBeenCalledWith(expect.objectContaining({ httpStatus: 403 })));
    expect(languages).toEqual(['zh-CN']);
    expect(logout).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/交易名称/)).toBeTruthy();
  });

  it('a 401 on save still logs the user out', async () => {
    server.use(...apiHandlers(freshDb(), seen, [refusePut(401, { message: 'Sign in first' })]));
    const { logout } = renderHost();
    await save();
    await waitFor(() => expect(logout).toHaveBeenCalled());
  });
});
