import { STAGE_ENTERED_FIELD, type ActionModel, type EntityModel, type JsonSchema, type SalesModel } from '@ra-sales/schema';
import { jsonWithBanner } from './banner.js';
import { activityPaths, activitySchemas } from './openapiActivities.js';

/** OpenAPI 3.1 of the CRUD API. 3.1 speaks JSON Schema 2020-12, so the entity schemas are used as they are. */
export function emitOpenApi(model: SalesModel, sources: string): string {
  const entities = Object.values(model.entities);
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = {
    Error: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' }, errors: { type: 'object', additionalProperties: { type: 'string' } } },
    },
  };
  for (const entity of entities) {
    schemas[`${entity.typeName}Input`] = withRules(entity);
    schemas[entity.typeName] = {
      allOf: [
        { $ref: `#/components/schemas/${entity.typeName}Input` },
        {
          type: 'object',
          required: ['id', 'version', 'created_at', 'updated_at', ...(entity.workflow ? [STAGE_ENTERED_FIELD] : [])],
          properties: {
            id: { type: 'integer' },
            version: { type: 'integer' },
            created_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
            ...(entity.workflow
              ? {
                  [STAGE_ENTERED_FIELD]: { type: 'string', format: 'date-time', description: 'When the record entered its current stage.' },
                }
              : {}),
          },
        },
      ],
    };
    Object.assign(paths, entityPaths(entity), actionPaths(entity, model));
  }
  paths['/search'] = {
    get: {
      tags: ['Search'],
      operationId: 'search',
      summary: 'Records of every entity matching a text, within what the user may read',
      parameters: [
        { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 100 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
      ],
      responses: {
        '200': {
          description: '`[{ resource, id, title, match: { field, snippet } }]`, best first',
          content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
        },
        '400': { $ref: '#/components/responses/BadRequest' },
      },
    },
  };
  Object.assign(paths, activityPaths());
  const attachmentId = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
  paths['/attachments/{id}/content'] = {
    parameters: [
      attachmentId,
      { name: 'inline', in: 'query', schema: { type: 'string', enum: ['1'] }, description: 'Shown in the browser (images and PDF)' },
    ],
    get: {
      tags: ['Attachments'],
      operationId: 'attachment_content',
      summary: "A file's bytes, named by `Content-Disposition` (RFC 5987 for any language); the record must be readable",
      responses: {
        '200': { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
  };
  paths['/attachments/{id}'] = {
    parameters: [attachmentId],
    delete: {
      tags: ['Attachments'],
      operationId: 'delete_attachment',
      summary: 'Remove a file: its uploader or an administrator, while the record is writable',
      responses: {
        '200': { description: 'The removed file', content: { 'application/json': { schema: { type: 'object' } } } },
        '403': { description: 'Not the uploader' },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
  };
  Object.assign(schemas, activitySchemas());
  const withActions = entities.some((entity) => Object.keys(entity.actions ?? {}).length > 0);
  if (withActions) Object.assign(schemas, actionSchemas());
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'ra-sales API',
      version: '1.0.0',
      description:
        'CRUD over every sales entity, in the protocol of ra-data-simple-rest. Lists take sort, range and filter as JSON in the query and answer with Content-Range.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/api' }],
    paths,
    components: {
      schemas,
      parameters: listParameters(),
      responses: {
        BadRequest: errorResponse('Invalid input: `errors` maps each field to what is wrong with it.'),
        NotFound: errorResponse('No such record, or not visible to the current user.'),
        Conflict: errorResponse('The record changed since it was read (stale version), or the stage move is not allowed.'),
        Unprocessable: errorResponse('The stage move is refused: `errors` names what the gate still needs.'),
        ...(withActions
          ? {
              Forbidden: errorResponse(
                'The current user may not create or change a record the action touches (their rights on its entity, field rights).',
              ),
            }
          : {}),
      },
    },
  };
  return jsonWithBanner(sources, document);
}

function entityPaths(entity: EntityModel): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const record = { description: entity.label.en, content: { 'application/json': { schema: ref(entity.typeName) } } };
  const body = { required: true, content: { 'application/json': { schema: ref(`${entity.typeName}Input`) } } };
  const tag = [entity.label.en];
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
  const errors = {
    '400': { $ref: '#/components/responses/BadRequest' },
    '404': { $ref: '#/components/responses/NotFound' },
  };
  const paths: Record<string, unknown> = {
    [`/${entity.resource}`]: {
      get: {
        tags: tag,
        operationId: `list_${entity.resource}`,
        summary: `List ${entity.pluralLabel.en}`,
        parameters: ['sort', 'range', 'filter', 'embed', 'after'].map((p) => ({ $ref: `#/components/parameters/${p}` })),
        responses: {
          '200': {
            description: 'One page of records',
            headers: { 'Content-Range': { schema: { type: 'string' }, description: `${entity.resource} 0-24/319` } },
            content: { 'application/json': { schema: { type: 'array', items: ref(entity.typeName) } } },
          },
          '400': errors['400'],
        },
      },
      post: {
        tags: tag,
        operationId: `create_${entity.resource}`,
        summary: `Create a ${entity.label.en}`,
        requestBody: body,
        responses: { '201': record, '400': errors['400'] },
      },
    },
    [`/${entity.resource}/{id}`]: {
      parameters: [idParam],
      get: { tags: tag, operationId: `get_${entity.resource}`, responses: { '200': record, '404': errors['404'] } },
      put: {
        tags: tag,
        operationId: `update_${entity.resource}`,
        description: entity.workflow ? `Changing \`${entity.workflow.field}\` is a workflow transition.` : undefined,
        requestBody: body,
        responses: {
          '200': record,
          ...errors,
          '409': { $ref: '#/components/responses/Conflict' },
          ...(entity.workflow ? { '422': { $ref: '#/components/responses/Unprocessable' } } : {}),
        },
      },
      delete: { tags: tag, operationId: `delete_${entity.resource}`, responses: { '200': record, '404': errors['404'] } },
    },
  };
  paths[`/${entity.resource}/{id}/timeline`] = {
    parameters: [
      idParam,
      { name: 'before', in: 'query', schema: { type: 'string' }, description: 'The `next` of the previous page' },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
    ],
    get: {
      tags: tag,
      operationId: `timeline_${entity.resource}`,
      summary: 'What happened to the record, newest first: field changes, stage moves, approvals',
      responses: {
        '200': { description: 'A page of entries (`TimelinePage`)', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': errors['400'],
        '404': errors['404'],
      },
    },
  };
  paths[`/${entity.resource}/{id}/attachments`] = {
    parameters: [idParam],
    get: {
      tags: tag,
      operationId: `attachments_${entity.resource}`,
      summary: "The record's files, newest first, with what the reader may do (`AttachmentList`)",
      responses: {
        '200': {
          description: '`{ files, canUpload, maxBytes, extensions }`',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        '404': errors['404'],
        '501': { description: 'The server keeps no attachments (no store configured)' },
      },
    },
    post: {
      tags: tag,
      operationId: `attach_${entity.resource}`,
      summary: 'Attach one or more files, all kept or none; the record must be writable',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } },
          },
        },
      },
      responses: {
        '201': { description: 'The stored files', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': errors['400'],
        '403': { description: 'The record is outside the write scope' },
        '404': errors['404'],
        '413': { description: 'A file is larger than the limit' },
        '415': { description: 'A file is of a type not accepted, judged by its bytes' },
      },
    },
  };
  paths[`/${entity.resource}/import`] = {
    post: {
      tags: tag,
      operationId: `import_${entity.resource}`,
      summary: `Create ${entity.pluralLabel.en} from a CSV or XLSX file, all or nothing`,
      parameters: [{ name: 'dryRun', in: 'query', schema: { type: 'string', enum: ['1'] }, description: 'Check every row, create none' }],
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        '200': { description: '`{ created, errors: [], dryRun }`', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': errors['400'],
        '422': {
          description: 'Refused rows: `{ created: 0, errors: [{ row, field, message }] }`',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  if (entity.workflow) {
    paths[`/${entity.resource}/{id}/workflow`] = {
      parameters: [idParam],
      get: {
        tags: tag,
        operationId: `workflow_${entity.resource}`,
        summary: 'Current stage, the allowed moves and what each still needs',
        responses: {
          '200': { description: 'Workflow state', content: { 'application/json': { schema: { type: 'object' } } } },
          '404': errors['404'],
        },
      },
    };
  }
  return paths;
}

/**
 * `x-actions`: `POST /<resource>/{id}/actions/<name>` for each action, and
 * `POST /<resource>/actions/<name>` for those offered on several records (`bulk`).
 */
function actionPaths(entity: EntityModel, model: SalesModel): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
  const tag = [entity.label.en];
  for (const action of Object.values(entity.actions ?? {})) {
    // The `opens` step's record, else (that step did not run) the last created, null when none was.
    const opened = action.creates.find((step) => step.as === action.opens);
    const certain = opened !== undefined && opened.when === undefined && opened.each === undefined;
    const opens: JsonSchema = certain
      ? {
          type: 'object',
          description: 'The created record the screens open next',
          required: ['resource', 'id'],
          properties: { resource: { const: opened.resource }, id: { type: 'integer' } },
        }
      : {
          type: ['object', 'null'],
          description: `The created record the screens open next: the \`${action.opens}\` step's, else the last created (null when none was)`,
          required: ['resource', 'id'],
          properties: { resource: { enum: [...new Set(action.creates.map((step) => step.resource))] }, id: { type: 'integer' } },
        };
    const created: JsonSchema = {
      type: 'array',
      description: 'Every record created, in the order of the steps',
      items: {
        type: 'object',
        required: ['as', 'resource', 'id'],
        properties: {
          as: { enum: action.creates.map((step) => step.as) },
          resource: { enum: [...new Set(action.creates.map((step) => step.resource))] },
          id: { type: 'integer' },
        },
      },
    };
    paths[`/${entity.resource}/{id}/actions/${action.name}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      post: {
        tags: tag,
        operationId: `action_${entity.resource}_${action.name}`,
        summary: action.label.en,
        description: actionDescription(entity, action, model),
        requestBody: { required: false, content: { 'application/json': { schema: ref('ActionInput') } } },
        responses: {
          '201': {
            description: 'Done, in one transaction: the records created and the record after the action',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['record', 'created', 'opens'],
                  properties: { record: ref(entity.typeName), created, opens },
                },
              },
            },
          },
          '400': response('BadRequest'),
          '403': response('Forbidden'),
          '404': response('NotFound'),
          '409': errorResponse(
            "Not offered: the record is not in one of the action's stages or the user has none of its roles; or a record changed meanwhile, or a rule of a record it touches refuses.",
          ),
          '422': errorResponse(
            'A record the action creates or updates is refused by its rules (validation, gate of a stage move): `errors` says what.',
          ),
        },
      },
    };
    if (!action.bulk) continue;
    paths[`/${entity.resource}/actions/${action.name}`] = {
      post: {
        tags: tag,
        operationId: `bulk_action_${entity.resource}_${action.name}`,
        summary: `${action.label.en} (several records)`,
        description: `Runs "${action.label.en}" on each record of \`ids\`, each in its own transaction: one refused does not stop the others. One result per id.`,
        requestBody: { required: true, content: { 'application/json': { schema: ref('BulkActionInput') } } },
        responses: {
          '200': { description: 'One result per id', content: { 'application/json': { schema: ref('BulkActionResult') } } },
          '400': response('BadRequest'),
          '404': response('NotFound'),
        },
      },
    };
  }
  return paths;
}

/** What an action does, in English: its description, when it is offered, what it creates and changes. */
function actionDescription(entity: EntityModel, action: ActionModel, model: SalesModel): string {
  const labelOf = (resource: string) => model.entities[resource]?.label.en ?? resource;
  const stageOf = (id: string) => entity.workflow?.stages.find((stage) => stage.id === id)?.label.en ?? id;
  const lines: string[] = [];
  if (action.description) lines.push(action.description.en);
  if (action.stages) lines.push(`Offered in stages: ${action.stages.map(stageOf).join(', ')}.`);
  lines.push(action.roles ? `Roles: ${action.roles.join(', ')} (and admin).` : 'Anyone who may change the record.');
  const steps = action.creates.map(
    (step) =>
      `${labelOf(step.resource)} (\`${step.as}\`${step.each ? ', one per item' : ''}${step.when !== undefined ? ', when applicable' : ''})`,
  );
  lines.push(`Creates: ${steps.join(', ')}.`);
  const updated = Object.keys(action.update);
  if (updated.length) lines.push(`Then sets ${updated.map((field) => `\`${field}\``).join(', ')} on the record.`);
  return lines.join(' ');
}

/** The bodies shared by every action endpoint. */
function actionSchemas(): Record<string, JsonSchema> {
  return {
    ActionInput: {
      type: 'object',
      properties: { _comment: { type: 'string', description: "The history comment of the record's update (default: the action's label)" } },
    },
    BulkActionInput: {
      type: 'object',
      required: ['ids'],
      properties: {
        ids: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
        _comment: { type: 'string', description: "Kept in each record's history with the action" },
      },
    },
    BulkActionResult: {
      type: 'object',
      required: ['results'],
      properties: {
        results: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'ok'],
            properties: {
              id: { type: 'integer' },
              ok: { type: 'boolean' },
              opens: {
                type: ['object', 'null'],
                required: ['resource', 'id'],
                properties: { resource: { type: 'string' }, id: { type: 'integer' } },
              },
              status: { type: 'integer', description: 'When refused: the HTTP status the single action would have answered' },
              message: { type: 'string', description: "When refused: why, in the request's language" },
            },
          },
        },
      },
    },
  };
}

/**
 * The entity schema with its rules said where a client reads them: values the server sets are
 * `readOnly`, fields only some roles may write carry `x-write`, and each says so in its description.
 */
function withRules(entity: EntityModel): JsonSchema {
  const properties = { ...(entity.schema.properties as Record<string, JsonSchema>) };
  for (const field of entity.fields) {
    const notes: string[] = [];
    const schema: JsonSchema = { ...properties[field.name] };
    if (field.computed !== undefined) notes.push('Computed by the server on every save; a different value is refused.');
    if (field.sequence) notes.push(`Numbered by the server on create (${field.sequence}).`);
    if (field.computed !== undefined || field.sequence) schema.readOnly = true;
    if (field.unique) notes.push('Unique.');
    if (field.write) {
      schema['x-write'] = field.write.roles;
      notes.push(`Only ${field.write.roles.join(', ')} (and admin) may set it${field.write.owner ? '' : ', never on their own record'}.`);
    }
    if (notes.length) properties[field.name] = { ...schema, description: notes.join(' ') };
  }
  return { ...entity.schema, properties };
}

function listParameters(): Record<string, unknown> {
  const json = (name: string, description: string, example: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
    example,
  });
  return {
    sort: json('sort', 'JSON [field, "ASC" | "DESC"]', '["id","DESC"]'),
    range: json('range', 'JSON [first, last], inclusive', '[0,24]'),
    filter: json(
      'filter',
      'JSON object: field = value, field = [values] (IN), field_gte / _lte / _gt / _lt / _neq / _q, q = full text',
      '{"stage":"bidding"}',
    ),
    embed: json('embed', 'JSON list of reference fields (without _id) to return inline', '["customer"]'),
    after: json(
      'after',
      'JSON [value of the sort field, id] of the last row of the previous page: keyset paging, the page starts right after that row (with a range for its size)',
      '[250000,1234]',
    ),
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}
