/**
 * Property-based: hundreds of invalid bodies per entity, generated from its schema, posted and
 * put. Every one is refused with a 4xx (never a 5xx) and the table is left unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { defaultDomain } from './support/model.js';
import { invalidBodies, type InvalidBody } from './support/invalidBodies.js';
import { createValid, validBody } from './support/records.js';
import { startTestServer, tableFingerprint, type TestServer } from './support/server.js';
import { describeResources, embedName } from '../../src/router/resources.js';

const { model, validators } = defaultDomain();
const resources = describeResources(model);
/** Runs per entity; each run sends its body twice (create and update). */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 100);

forEachDatabase('router bad input', (database) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(database.db);
  });
  afterAll(() => server?.close());

  describe.each(Object.values(model.entities).map((e) => [e.resource, e] as const))('%s', (resource, entity) => {
    it(`refuses ${RUNS * 2} invalid bodies with 4xx and writes nothing`, { timeout: 900_000 }, async () => {
      const admin = server.as('admin');
      const existing = await createValid(admin, model, validators, entity, 7);
      const valid = await validBody(admin, model, validators, entity, 8);
      const info = resources.get(resource)!;
      const embedKeys = new Set([...info.embeds.values()].map((e) => embedName(e.field)));
      const before = await Promise.all(
        [resource, 'sales_audit', 'sales_history', 'sales_approvals'].map((t) => tableFingerprint(database.db, t)),
      );

      const send = (method: string, path: string, input: InvalidBody) =>
        server.request(method, path, 'raw' in input ? { rawBody: input.raw } : { body: input.body });

      await fc.assert(
        fc.asyncProperty(invalidBodies(entity, valid, new Set(info.columns.keys()), embedKeys), async (input) => {
          const created = await send('POST', `/${resource}`, input);
          const updated = await send(
            'PUT',
            `/${resource}/${existing.id}`,
            'raw' in input
              ? input
              : {
                  ...input,
                  body: { ...existing, ...input.body, version: 'version' in input.body ? input.body.version : existing.version },
                },
          );
          for (const answer of [created, updated]) {
            if (answer.status < 400 || answer.status >= 500) {
              throw new Error(`${input.kind}: ${answer.status} ${answer.text.slice(0, 300)}`);
            }
          }
        }),
        { numRuns: RUNS, seed: 20261130, endOnFailure: true },
      );
      const after = await Promise.all(
        [resource, 'sales_audit', 'sales_history', 'sales_approvals'].map((t) => tableFingerprint(database.db, t)),
      );
      expect(after).toEqual(before);
    });
  });
});
