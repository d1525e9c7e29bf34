/** The UI's wiring of the schema's rule helpers, without rendering: reasons, record access, live computing, payloads, refusals. */
import { describe, expect, it, vi } from 'vitest';
import type { AuthProvider } from 'react-admin';
import type { EntityModel, FieldModel } from '@ra-sales/schema';
import { isRuleRefusal, keepSessionOnRuleRefusals } from '../../src/data/index.js';
import { linePayload, toPayload } from '../../src/resources/payload.js';
import { frozenFields } from '../../src/rules/approvalFreezes.js';
import { readOnlyReasons } from '../../src/rules/fieldAccess.js';
import { liveComputedValue, serverComputedFields } from '../../src/rules/liveCompute.js';
import { recordAccess, writeScopeOf } from '../../src/rules/recordAccess.js';
import { UNKNOWN_USER } from '../../src/user/unknownUser.js';
import { dealRecord, deals, users } from '../screens/fixture.js';

const rep = users.rep;
const manager = users.manager;
const deal = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(dealRecord), ...changes });

describe('readOnlyReasons', () => {
  it('names the roles of an x-write field the user lacks, and computed fields', () => {
    const reasons = readOnlyReasons(deals, rep, deal());
    expect(reasons.get('probability')).toEqual({ kind: 'right', roles: ['sales_manager'] });
    expect(reasons.get('total')).toEqual({ kind: 'computed' });
    expect(reasons.has('name')).toBe(false);
    expect(readOnlyReasons(deals, manager, deal()).has('probability')).toBe(false);
  });

  it('on a new record, the creator counts as its owner', () => {
    const ownerless: EntityModel = {
      ...deals,
      fields: deals.fields.map((f) => (f.name === 'grade' ? { ...f, write: { roles: ['sales_manager'], owner: false } } : f)),
    };
    // A manager may set the grade of others' deals, not of their own — and a new deal is their own.
    expect(readOnlyReasons(ownerless, manager, deal({ owner_id: 99 })).has('grade')).toBe(false);
    expect(readOnlyReasons(ownerless, manager, deal({ owner_id: manager.id })).get('grade')).toEqual({ kind: 'own-record' });
    expect(readOnlyReasons(ownerless, manager).get('grade')).toEqual({ kind: 'own-record' });
  });

  it('in a locked stage, every field but the exceptions, for every user', () => {
    for (const user of [rep, manager, users.admin, UNKNOWN_USER]) {
      const reasons = readOnlyReasons(deals, user, deal({ stage: 'lost' }));
      expect(reasons.get('name')).toMatchObject({ kind: 'lock', stage: { id: 'lost' } });
      expect(reasons.has('notes')).toBe(false);
    }
  });

  it('restricts nothing by right for a user the UI does not know', () => {
    expect([...readOnlyReasons(deals, UNKNOWN_USER, deal()).keys()]).toEqual(['total']);
  });
});

describe('frozenFields', () => {
  const row = {
    id: 4,
    resource: 'deals',
    record_id: 1,
    from_stage: 'open',
    to_stage: 'won',
    role: 'sales_manager',
    rule_index: 0,
  } as const;

  it('freezes what the rule of a pending approval decides', () => {
    expect([...frozenFields(deals.workflow, [{ ...row, status: 'pending' }])]).toEqual([['amount', ['sales_manager']]]);
    expect(readOnlyReasons(deals, rep, deal(), frozenFields(deals.workflow, [{ ...row, status: 'pending' }])).get('amount')).toEqual({
      kind: 'frozen',
      roles: ['sales_manager'],
    });
  });

  it('not once the request is decided, nor by a row of no rule', () => {
    expect(frozenFields(deals.workflow, [{ ...row, status: 'approved' }]).size).toBe(0);
    expect(frozenFields(deals.workflow, [{ ...row, rule_index: 9, status: 'pending' }]).size).toBe(0);
  });

  it('an approval already given stays frozen while another of the same request is pending', () => {
    const other = { ...row, id: 5, role: 'general_manager', rule_index: 9, status: 'pending' as const };
    expect([...frozenFields(deals.workflow, [{ ...row, status: 'approved' }, other])]).toEqual([['amount', ['sales_manager']]]);
  });
});

describe('recordAccess', () => {
  it('follows the widest write scope of the roles; unlisted roles use the default', () => {
    expect(writeScopeOf(deals, rep)).toBe('own');
    expect(writeScopeOf(deals, { id: 3, roles: ['sales_rep', 'sales_manager'] })).toBe('all');
    expect(writeScopeOf(deals, users.viewer)).toBe('none');
  });

  it('lets a rep edit and delete their own open deal only', () => {
    expect(recordAccess(deals, rep, deal())).toEqual({ edit: true, delete: true });
    expect(recordAccess(deals, rep, deal({ owner_id: 6 }))).toEqual({ edit: false, delete: false });
    expect(recordAccess(deals, users.viewer, deal())).toEqual({ edit: false, delete: false });
  });

  it('a locked record cannot be deleted; it stays editable only through the lock’s exceptions', () => {
    expect(recordAccess(deals, manager, deal({ stage: 'won' }))).toEqual({ edit: false, delete: false });
    expect(recordAccess(deals, manager, deal({ stage: 'lost' }))).toEqual({ edit: true, delete: false });
  });

  it('leaves scopes to the server when the user is unknown', () => {
    expect(recordAccess(deals, undefined, deal({ owner_id: 6 }))).toEqual({ edit: true, delete: true });
    expect(recordAccess(deals, undefined, deal({ stage: 'won' }))).toEqual({ edit: false, delete: false });
  });
});

describe('live computed values', () => {
  const money = (name: string, computed: unknown): FieldModel => ({
    ...deals.fields.find((f) => f.name === 'total')!,
    name,
    computed,
  });
  const withLookups: EntityModel = {
    ...deals,
    fields: [
      ...deals.fields,
      money('credit_left', { '-': [{ var: 'customer.credit_limit' }, { var: 'total' }] }),
      money('credit_left_pct', { '*': [{ var: 'credit_left' }, 100] }),
    ],
    lookups: { customer: { kind: 'record', ref: 'customer_id', target: 'customers', fields: ['credit_limit'] } },
  };

  it('computes line columns first, then the record, from the form values', () => {
    const values = deal({ lines: [{ product: 'Router', quantity: 3, unit_price: 100, discount: 20 }] });
    expect(liveComputedValue(deals, values, 'lines.0.net_price')).toBe(80);
    expect(liveComputedValue(deals, values, 'total')).toBe(240);
  });

  it('keeps the stored value of fields reading lookups, and of the fields reading those', () => {
    expect([...serverComputedFields(withLookups)].sort()).toEqual(['credit_left', 'credit_left_pct']);
    const values = deal({ credit_left: 770 });
    expect(liveComputedValue(withLookups, values, 'credit_left')).toBeUndefined();
    expect(liveComputedValue(withLookups, values, 'credit_left_pct')).toBeUndefined();
    expect(liveComputedValue(withLookups, values, 'total')).toBe(230);
  });
});

describe('payload', () => {
  const lines = deals.fields.find((f) => f.name === 'lines')!;

  it('drops computed columns and empty optional cells of a line, keeps empty required ones for the server to name', () => {
    expect(linePayload(lines, { product: '', quantity: 4, unit_price: 5, discount: null, net_price: 5 })).toEqual({
      product: '',
      quantity: 4,
      unit_price: 5,
    });
  });

  it('leaves out the fields the user may not write, computed and server fields', () => {
    const payload = toPayload(deals, 'edit', new Set(['probability']))(deal({ id: 1, created_at: 'x' }));
    expect(payload).not.toHaveProperty('probability');
    expect(payload).not.toHaveProperty('total');
    expect(payload).not.toHaveProperty('id');
    expect(payload).not.toHaveProperty('created_at');
    expect(payload).toMatchObject({ name: 'Harbour upgrade', version: 3, contact_id: 11 });
    expect((payload.lines as unknown[])[1]).toEqual({ product: 'Switch', quantity: 1, unit_price: 50 });
  });
});

describe('rule refusals and the session', () => {
  const refusal = (status: number, body: unknown) => Object.assign(new Error('refused'), { status, body });

  it('tells a rule refusal from an authentication failure', () => {
    expect(isRuleRefusal(refusal(403, { message: 'no', errors: { probability: 'only Sales manager' } }))).toBe(true);
    expect(isRuleRefusal(refusal(409, { message: 'locked', lock: { stage: 'won', reversibleBy: ['sales_manager'] } }))).toBe(true);
    expect(isRuleRefusal(refusal(403, { message: 'write scope none' }))).toBe(false);
    expect(isRuleRefusal(refusal(409, { message: 'stale', errors: { version: 'stale' } }))).toBe(false);
    expect(isRuleRefusal(refusal(401, { message: 'Sign in first' }))).toBe(false);
    expect(isRuleRefusal(undefined)).toBe(false);
  });

  it("keeps the session on a rule refusal; other errors still go to the host's checkError", async () => {
    const checkError = vi.fn((error: { status?: number }) =>
      error.status === 401 || error.status === 403 ? Promise.reject() : Promise.resolve(),
    );
    const host = {
      checkError,
      checkAuth: () => Promise.resolve(),
      login: () => Promise.resolve(),
      logout: () => Promise.resolve(),
    } as AuthProvider;
    const wrapped = keepSessionOnRuleRefusals(host);
    await expect(wrapped.checkError(refusal(403, { errors: { probability: 'only Sales manager' } }))).resolves.toBeUndefined();
    expect(checkError).not.toHaveBeenCalled();
    await expect(wrapped.checkError(refusal(401, {}))).rejects.toBeUndefined();
    expect(checkError).toHaveBeenCalledTimes(1);
    expect(wrapped.login).toBe(host.login);
  });
});
