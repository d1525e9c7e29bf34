/**
 * The notification hook: called after the write's transaction commits, with the right recipients
 * — approvers who may read the record, the requester of a decision, a task's new assignee — and
 * never for a refused or rolled-back write. The standalone server's webhook posts them as JSON.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotificationOutbox, type SalesNotification } from '../../src/router/activities/index.js';
import { webhookNotifier } from '../../src/standalone/webhook.js';
import { forEachDatabase } from '../support/databases.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';
import { defaultDomain } from './support/model.js';
import { startTestServer, type TestServer, type UserName } from './support/server.js';

forEachDatabase('router notifications', (database) => {
  let server: TestServer;
  let customer: Record<string, any>;
  const received: SalesNotification[] = [];
  /** Whether the approval a notification names was already committed when the hook ran. */
  const committed: boolean[] = [];
  let failNext = false;

  const request = (method: string, path: string, as: UserName, body?: unknown) => server.request(method, path, { as, body });
  /** The notifications that arrive within a moment of the request. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  beforeAll(async () => {
    server = await startTestServer(database.db, {
      notify: async (notification) => {
        if (notification.type !== 'task_assigned') {
          const row = await database.db('sales_approvals').where('id', notification.approval.id).first();
          committed.push(Boolean(row));
        }
        received.push(notification);
        if (failNext) {
          failNext = false;
          throw new Error('mail server down');
        }
      },
    });
    customer = (await request('POST', '/customers', 'repA', { name: 'Acme Steel', grade: 'A' })).json;
  }, 120_000);
  afterAll(() => server?.close());

  it('tells the approvers who may read the record of a request, and the requester of the decision', async () => {
    const created = (await request('POST', '/opportunities', 'repA', { name: 'ERP', customer_id: customer.id })).json;
    const refused = await request('PUT', `/opportunities/${created.id}`, 'repA', { ...created, stage: 'initiation' });
    expect(refused.status).toBe(422);
    const moved = (await request('PUT', `/opportunities/${created.id}`, 'repA', { ...created, ...DEVELOPMENT_GATE, stage: 'initiation' }))
      .json;
    await settle();
    expect(received).toEqual([]);

    const held = await request('PUT', `/opportunities/${created.id}`, 'repA', { ...moved, ...INITIATION_GATE, stage: 'proposal' });
    expect(held.status).toBe(202);
    await settle();
    expect(received).toHaveLength(1);
    const [requested] = received;
    expect(requested).toMatchObject({
      type: 'approval_requested',
      // managerSouth holds the role too, but may not read a north record.
      recipients: [{ id: server.users.managerNorth, name: 'managerNorth' }],
      actor: { id: server.users.repA, name: 'repA' },
      resource: 'opportunities',
      recordId: created.id,
      title: 'ERP',
      path: `#/opportunities/${created.id}/show`,
      approval: { role: 'sales_manager', from: 'initiation', to: 'proposal', label: { en: 'Pre-sales initiation approval' } },
    });

    const decided = await request('PUT', `/approvals/${(requested as any).approval.id}`, 'managerNorth', {
      status: 'approved',
      comment: 'go',
    });
    expect(decided.status).toBe(200);
    await settle();
    expect(received[1]).toMatchObject({
      type: 'approval_decided',
      recipients: [{ id: server.users.repA, name: 'repA' }],
      actor: { id: server.users.managerNorth },
      approval: { status: 'approved', comment: 'go' },
      recordId: created.id,
    });
    expect(committed).toEqual([true, true]);
  });

  it('tells a task’s assignee when it is assigned or handed on, not its creator assigning themselves', async () => {
    received.length = 0;
    const own = (await request('POST', '/tasks', 'repA', { resource: 'customers', record_id: customer.id, title: 'Mine' })).json;
    const refused = await request('POST', '/tasks', 'repA', {
      resource: 'customers',
      record_id: customer.id,
      title: 'Not theirs to see',
      assignee_id: server.users.repB,
    });
    expect(refused.status).toBe(422);
    await settle();
    expect(received).toEqual([]);

    const handedOn = await request('PUT', `/tasks/${own.id}`, 'repA', { assignee_id: server.users.managerNorth, due_date: '2026-05-01' });
    expect(handedOn.status).toBe(200);
    await settle();
    expect(received).toEqual([
      expect.objectContaining({
        type: 'task_assigned',
        recipients: [{ id: server.users.managerNorth, name: 'managerNorth' }],
        actor: { id: server.users.repA, name: 'repA' },
        title: 'Acme Steel',
        path: `#/customers/${customer.id}/show`,
        task: { id: own.id, title: 'Mine', description: null, due_date: '2026-05-01' },
      }),
    ]);
    await request('PUT', `/tasks/${own.id}`, 'managerNorth', { done: true });
    await settle();
    expect(received).toHaveLength(1);
  });

  it('answers the request even when the hook fails, and logs the failure', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      failNext = true;
      const task = await request('POST', '/tasks', 'repA', {
        resource: 'customers',
        record_id: customer.id,
        title: 'For the manager',
        assignee_id: server.users.managerNorth,
      });
      expect(task.status).toBe(201);
      await settle();
      expect(log).toHaveBeenCalledWith(expect.stringContaining('The notification hook failed on task_assigned'), expect.any(Error));
    } finally {
      log.mockRestore();
    }
  });

  it('sends nothing for a transaction rolled back, even after its savepoint was released', async () => {
    const { model } = defaultDomain();
    const sent: SalesNotification[] = [];
    const outbox = new NotificationOutbox(database.db, model, (n) => void sent.push(n));
    const event = {
      type: 'task_assigned' as const,
      resource: 'customers',
      recordId: customer.id,
      actorId: server.users.repA,
      assigneeId: server.users.repB,
      task: { id: 1, title: 'x', description: null, due_date: null },
    };
    await expect(
      database.db.transaction(async (trx) => {
        await trx.transaction(async (savepoint) => outbox.add(savepoint, event));
        throw new Error('refused later in the same request');
      }),
    ).rejects.toThrow('refused later');
    await database.db.transaction(async (trx) => outbox.add(trx, { ...event, recordId: customer.id }));
    await settle();
    expect(sent.map((n) => n.recipients)).toEqual([[{ id: server.users.repB, name: 'repB' }]]);
  });
});

describe('webhookNotifier', () => {
  it('posts each notification as JSON, and logs a receiver that fails or hangs', async () => {
    const bodies: unknown[] = [];
    let answer = 204;
    const receiver = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        bodies.push({ type: req.headers['content-type'], body: JSON.parse(text) });
        if (answer === 0) return; // never answers
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const log = vi.fn();
    const notify = webhookNotifier(url, { timeoutMs: 300, log });
    const notification = {
      type: 'task_assigned',
      recipients: [{ id: 2, name: '李雷' }],
      actor: { id: 1, name: '张伟' },
      resource: 'customers',
      recordId: 7,
      title: '华东钢铁',
      path: '#/customers/7/show',
      task: { id: 3, title: '回访', description: null, due_date: '2026-05-01' },
    } satisfies SalesNotification;
    try {
      await notify(notification);
      expect(bodies).toEqual([{ type: 'application/json', body: notification }]);
      expect(log).not.toHaveBeenCalled();
      answer = 500;
      await notify(notification);
      expect(log).toHaveBeenLastCalledWith(`The webhook ${url} answered 500 to task_assigned`);
      answer = 0;
      const started = Date.now();
      await notify(notification);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(log).toHaveBeenLastCalledWith(expect.stringContaining(`The webhook ${url} could not be reached for task_assigned`));
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
