/** The calls an API test makes as a named user, and the checks it repeats on every answer. */
import { expect } from 'vitest';
import type { Knex } from 'knex';
import { tableFingerprint, type HttpAnswer, type TestServer, type UserName } from './server.js';

export function apiOf(server: () => TestServer, db: () => Knex) {
  const call = (method: string, path: string, as: UserName, body?: unknown, language = 'en') =>
    server().request(method, path, { as, body, headers: { 'Accept-Language': language } });
  const post = (resource: string, as: UserName, body: Record<string, unknown>) => call('POST', `/${resource}`, as, body);
  const put = (resource: string, record: Record<string, any>, as: UserName, changes: Record<string, unknown>, language = 'en') =>
    call('PUT', `/${resource}/${record.id}`, as, { ...record, ...changes }, language);
  const read = async (resource: string, id: number) => (await call('GET', `/${resource}/${id}`, 'admin')).json as Record<string, any>;
  const created = (answer: HttpAnswer) => {
    expect(answer.status, answer.text).toBe(201);
    return answer.json as Record<string, any>;
  };
  const ok = (answer: HttpAnswer, status = 200) => {
    expect(answer.status, answer.text).toBe(status);
    return answer.json as Record<string, any>;
  };

  /** Runs `attack` and checks it is refused with `status`, naming `fields`, with `tables` untouched. */
  async function refused(tables: string[], status: number, fields: string[], attack: () => Promise<HttpAnswer>): Promise<HttpAnswer> {
    const before = await Promise.all(tables.map((t) => tableFingerprint(db(), t)));
    const answer = await attack();
    expect(answer.status, answer.text).toBe(status);
    expect(Object.keys(answer.json.errors ?? {}).sort()).toEqual([...fields].sort());
    expect(await Promise.all(tables.map((t) => tableFingerprint(db(), t)))).toEqual(before);
    return answer;
  }

  async function pendingApprovals(resource: string, id: number) {
    return db()('sales_approvals').where({ resource, record_id: id, status: 'pending' }).orderBy('id');
  }

  async function approveAll(resource: string, id: number, deciders: Record<string, UserName>) {
    for (const approval of await pendingApprovals(resource, id)) {
      ok(await call('PUT', `/approvals/${approval.id}`, deciders[approval.role], { status: 'approved' }));
    }
  }

  return { call, post, put, read, created, ok, refused, pendingApprovals, approveAll };
}
