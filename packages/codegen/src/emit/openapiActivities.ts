/** The OpenAPI paths of notes, tasks and the caller's inbox (docs/server.md, Notes and tasks). */
import type { JsonSchema } from '@ra-sales/schema';

const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const list = ['sort', 'range', 'filter'].map((name) => ({ $ref: `#/components/parameters/${name}` }));
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const row = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const target = {
  resource: { type: 'string', description: 'The entity the record belongs to, e.g. "customers"; fixed once created' },
  record_id: { type: 'integer', minimum: 1, description: 'The record; the user must be able to read it' },
};
const server = {
  id: { type: 'integer', readOnly: true },
  version: { type: 'integer', description: 'Sent back on update; a stale one answers 409' },
  created_at: { type: 'string', format: 'date-time', readOnly: true },
  updated_at: { type: 'string', format: 'date-time', readOnly: true },
};

export function activitySchemas(): Record<string, JsonSchema> {
  return {
    Note: {
      type: 'object',
      required: ['resource', 'record_id', 'kind', 'body'],
      properties: {
        ...server,
        ...target,
        kind: { type: 'string', description: 'A kind of model.json `activities` (note, call, visit by default)' },
        body: { type: 'string', minLength: 1, maxLength: 20000 },
        occurred_at: { type: 'string', format: 'date-time', description: 'When it happened (default: now)' },
        author_id: { type: ['integer', 'null'], readOnly: true, description: 'Set by the server: the user who wrote it' },
      },
    },
    Task: {
      type: 'object',
      required: ['resource', 'record_id', 'title'],
      properties: {
        ...server,
        ...target,
        title: { type: 'string', minLength: 1, maxLength: 200 },
        description: { type: ['string', 'null'], maxLength: 20000 },
        due_date: { type: ['string', 'null'], format: 'date' },
        assignee_id: {
          type: ['integer', 'null'],
          description: 'Who is to do it (default: the creator); must be able to read the record, else 422',
        },
        done: { type: 'boolean' },
        done_at: { type: ['string', 'null'], format: 'date-time', readOnly: true },
        done_by: { type: ['integer', 'null'], readOnly: true },
        created_by: { type: ['integer', 'null'], readOnly: true },
      },
    },
    Inbox: {
      type: 'object',
      required: ['approvals', 'tasks'],
      properties: {
        approvals: { type: 'integer', description: 'Pending approvals the user may decide' },
        tasks: {
          type: 'object',
          required: ['today', 'overdue'],
          properties: { today: { type: 'integer' }, overdue: { type: 'integer' } },
          description: "The user's open tasks due today and before today (the server's date)",
        },
      },
    },
  };
}

function crud(resource: string, schema: string, who: string): Record<string, unknown> {
  const tag = [schema === 'Note' ? 'Notes' : 'Tasks'];
  return {
    [`/${resource}`]: {
      get: {
        tags: tag,
        operationId: `list_${resource}`,
        summary: `${schema}s of the records the user may read (filter by resource, record_id, …)`,
        parameters: list,
        responses: { '200': { description: 'A page', content: json({ type: 'array', items: row(schema) }) } },
      },
      post: {
        tags: tag,
        operationId: `create_${resource}`,
        summary: `Adds a ${schema.toLowerCase()} to a record the user may read`,
        requestBody: { required: true, content: json(row(schema)) },
        responses: {
          '201': { description: 'Created', content: json(row(schema)) },
          '400': { $ref: '#/components/responses/BadRequest' },
          '404': { $ref: '#/components/responses/NotFound' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    [`/${resource}/{id}`]: {
      parameters: [id],
      get: {
        tags: tag,
        operationId: `get_${resource}`,
        responses: { '200': { description: 'OK', content: json(row(schema)) }, '404': { $ref: '#/components/responses/NotFound' } },
      },
      put: {
        tags: tag,
        operationId: `update_${resource}`,
        summary: `Changes it (${who})`,
        requestBody: { required: true, content: json(row(schema)) },
        responses: {
          '200': { description: 'Stored', content: json(row(schema)) },
          '400': { $ref: '#/components/responses/BadRequest' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
      delete: {
        tags: tag,
        operationId: `delete_${resource}`,
        responses: { '200': { description: 'Deleted', content: json(row(schema)) }, '404': { $ref: '#/components/responses/NotFound' } },
      },
    },
  };
}

export function activityPaths(): Record<string, unknown> {
  return {
    ...crud('notes', 'Note', 'its author or an admin'),
    ...crud('tasks', 'Task', 'its creator, its assignee or an admin; delete: its creator or an admin'),
    '/me/inbox': {
      get: {
        tags: ['Tasks'],
        operationId: 'inbox',
        summary: 'What waits for the user: approvals to decide, tasks due today and overdue',
        responses: { '200': { description: 'The counts', content: json(row('Inbox')) } },
      },
    },
  };
}
