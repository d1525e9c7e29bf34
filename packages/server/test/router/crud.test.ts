/**
 * The nine data-provider methods of ra-data-simple-rest, on every entity of the default domain,
 * through the real client against the real router.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProvider } from 'ra-core';
import { forEachDatabase } from '../support/databases.js';
import { defaultDomain } from './support/model.js';
import { changeableField, createValid } from './support/records.js';
import { startTestServer, type TestServer } from './support/server.js';

const { model, validators } = defaultDomain();
const entities = Object.values(model.entities);

forEachDatabase('router crud', (database) => {
  let server: TestServer;
  let admin: DataProvider;

  beforeAll(async () => {
    server = await startTestServer(database.db);
    admin = server.as('admin');
  });
  afterAll(() => server?.close());

  describe.each(entities.map((e) => [e.resource, e] as const))('%s', (resource, entity) => {
    it('create, getOne, getList, getMany, getManyReference, update, updateMany, delete, deleteMany', async () => {
      const a = await createValid(admin, model, validators, entity, 1);
      const b = await createValid(admin, model, validators, entity, 2);
      expect(a.id).toEqual(expect.any(Number));
      // A record whose facts already meet an automatic move (a collection created past its date) was moved once more.
      const moves = await database.db('sales_history').where({ resource, record_id: a.id }).pluck('to_stage');
      expect(a.version).toBe(moves.length > 1 ? 2 : 1);
      if (entity.workflow) expect(a[entity.workflow.field]).toBe(moves.at(-1) ?? entity.workflow.initial);
      if (entity.workflow) expect(moves[0]).toBe(entity.workflow.initial);
      if (entity.access.ownerField) expect(a[entity.access.ownerField]).toBe(server.users.admin);

      expect((await admin.getOne(resource, { id: a.id })).data).toEqual(a);

      const list = await admin.getList(resource, {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'DESC' },
        filter: { id_gte: a.id },
      });
      expect(list.data.map((r) => r.id)).toEqual([b.id]);
      expect(list.total).toBe(2);

      const many = await admin.getMany(resource, { ids: [a.id, b.id] });
      expect(many.data.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());

      const reference = entity.fields.find((f) => f.kind === 'reference' && a[f.name] != null);
      const target = reference?.name ?? 'id';
      const referenced = await admin.getManyReference(resource, {
        target,
        id: a[target],
        pagination: { page: 1, perPage: 25 },
        sort: entity.sort,
        filter: {},
      });
      expect(referenced.data.map((r) => r.id)).toContain(a.id);
      expect(referenced.total).toBe(referenced.data.length);

      const change = changeableField(entity);
      if (change) {
        const updated = (await admin.update(resource, { id: a.id, data: { ...a, [change.field.name]: change.value }, previousData: a }))
          .data;
        expect(updated[change.field.name]).toEqual(change.value);
        expect(updated.version).toBe(a.version + 1);
        const updatedMany = await admin.updateMany(resource, { ids: [a.id, b.id], data: { [change.field.name]: change.value } });
        expect(updatedMany.data!.sort()).toEqual([a.id, b.id].sort());
        expect((await admin.getOne(resource, { id: b.id })).data[change.field.name]).toEqual(change.value);
      }

      const deleted = await admin.delete(resource, { id: a.id, previousData: a as { id: number } });
      expect(deleted.data.id).toBe(a.id);
      await expect(admin.getOne(resource, { id: a.id })).rejects.toMatchObject({ status: 404 });
      expect((await admin.deleteMany(resource, { ids: [b.id] })).data).toEqual([b.id]);
      expect((await admin.getMany(resource, { ids: [a.id, b.id] })).data).toEqual([]);
    });
  });
});
