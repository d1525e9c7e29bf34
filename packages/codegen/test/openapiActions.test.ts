/** `x-actions` in the OpenAPI document: one endpoint per action, one more for a bulk action. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { FIXTURE, copyFixture, editJson } from './support.js';

async function openApiOf(dir: string): Promise<any> {
  const result = await generate({ dir }, 'test/fixtures/mini/');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return JSON.parse(result.files.get('openapi.json')!);
}

describe('OpenAPI of x-actions', async () => {
  const dir = copyFixture();
  editJson(join(dir, 'entities/deal.schema.json'), (schema) => {
    schema['x-actions'] = {
      follow_up: {
        label: { en: 'Follow-up deal', 'zh-CN': '创建跟进商机' },
        description: { en: 'Opens a new deal for the same customer.', 'zh-CN': '为同一客户创建新商机。' },
        stages: ['won'],
        roles: ['sales_manager'],
        bulk: true,
        creates: [
          { as: 'account', resource: 'customers', when: { '!': [{ var: 'customer_id' }] }, set: { name: { var: 'title' }, grade: 'C' } },
          {
            as: 'next',
            resource: 'deals',
            set: { title: { cat: ['Follow-up: ', { var: 'title' }] }, customer_id: { var: 'customer_id' } },
          },
        ],
        update: { need: { cat: ['Followed up by ', { var: 'next.title' }] } },
      },
      account: {
        label: { en: 'Open an account', 'zh-CN': '建立客户' },
        creates: [
          { as: 'account', resource: 'customers', when: { '!': [{ var: 'customer_id' }] }, set: { name: { var: 'title' }, grade: 'C' } },
        ],
      },
      copy: {
        label: { en: 'Copy', 'zh-CN': '复制' },
        creates: [{ as: 'copy', resource: 'deals', set: { title: { var: 'title' }, customer_id: { var: 'customer_id' } } }],
      },
    };
  });
  const api = await openApiOf(dir);

  it('emits POST /<resource>/{id}/actions/<name> with the label, description and what it creates', () => {
    const operation = api.paths['/deals/{id}/actions/follow_up'].post;
    expect(api.paths['/deals/{id}/actions/follow_up'].parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
    ]);
    expect(operation.operationId).toBe('action_deals_follow_up');
    expect(operation.summary).toBe('Follow-up deal');
    expect(operation.description).toBe(
      'Opens a new deal for the same customer. Offered in stages: Won. Roles: sales_manager (and admin). ' +
        'Creates: Customer (`account`, when applicable), Deal (`next`). Then sets `need` on the record.',
    );
    expect(operation.requestBody).toEqual({
      required: false,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ActionInput' } } },
    });
    expect(api.components.schemas.ActionInput.properties._comment.type).toBe('string');
  });

  it('answers 201 with the record, the records created and the one to open', () => {
    const operation = api.paths['/deals/{id}/actions/follow_up'].post;
    const schema = operation.responses['201'].content['application/json'].schema;
    expect(schema.required).toEqual(['record', 'created', 'opens']);
    expect(schema.properties.record).toEqual({ $ref: '#/components/schemas/Deal' });
    expect(schema.properties.created.items.properties).toEqual({
      as: { enum: ['account', 'next'] },
      resource: { enum: ['customers', 'deals'] },
      id: { type: 'integer' },
    });
    expect(schema.properties.opens.type).toBe('object');
    expect(schema.properties.opens.properties.resource).toEqual({ const: 'deals' });
  });

  it('lets `opens` be null when the step it names may not run', () => {
    const opens = api.paths['/deals/{id}/actions/account'].post.responses['201'].content['application/json'].schema.properties.opens;
    expect(opens.type).toEqual(['object', 'null']);
    expect(opens.properties.resource).toEqual({ enum: ['customers'] });
  });

  it('refers its refusals to the error schema', () => {
    const responses = api.paths['/deals/{id}/actions/follow_up'].post.responses;
    expect(Object.keys(responses)).toEqual(['201', '400', '403', '404', '409', '422']);
    expect(responses['403']).toEqual({ $ref: '#/components/responses/Forbidden' });
    expect(api.components.responses.Forbidden.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(responses['409'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(responses['422'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('emits POST /<resource>/actions/<name> for a bulk action only', () => {
    const bulk = api.paths['/deals/actions/follow_up'].post;
    expect(bulk.operationId).toBe('bulk_action_deals_follow_up');
    expect(bulk.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/BulkActionInput' });
    expect(api.components.schemas.BulkActionInput.required).toEqual(['ids']);
    expect(Object.keys(bulk.responses)).toEqual(['200', '400', '404']);
    expect(bulk.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/BulkActionResult' });
    expect(Object.keys(api.components.schemas.BulkActionResult.properties.results.items.properties)).toEqual([
      'id',
      'ok',
      'opens',
      'status',
      'message',
    ]);
    expect(api.paths['/deals/{id}/actions/copy'].post.description).toBe('Anyone who may change the record. Creates: Deal (`copy`).');
    expect(api.paths['/deals/actions/copy']).toBeUndefined();
  });

  it('adds nothing to a model without actions', async () => {
    const plain = await openApiOf(FIXTURE);
    expect(Object.keys(plain.paths).filter((path) => path.includes('/actions/'))).toEqual([]);
    expect(plain.components.schemas.ActionInput).toBeUndefined();
    expect(plain.components.responses.Forbidden).toBeUndefined();
  });
});
