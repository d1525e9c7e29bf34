/**
 * The embeddable Express router: every entity of the model, `approvals` and `history`, in the
 * dialect of `ra-data-simple-rest`, plus `GET /:resource/:id/workflow`, `GET /:resource/:id/timeline`, `GET /me`,
 * `GET /reports/:name`, `GET /search` and `GET /openapi.json`. See docs/server.md.
 */
import { Router, type Request } from 'express';
import type { ReportId } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import type { SalesRouterOptions } from './types.js';
import { Counter } from './counting.js';
import { decideApproval } from './approvals.js';
import { HttpError, notFound } from './errors.js';
import { cors, errorHandler, jsonBody } from './http.js';
import { listWords, phrase, requestLocale, resourceLabel } from './locale.js';
import { contentRange, parseEmbed, parseId, parseListQuery } from './protocol.js';
import { embedReferences } from './embed.js';
import { findReadable, listRecords } from './reads.js';
import { APPROVALS, describeResources, type ResourceInfo } from './resources.js';
import { describeUser, resolveUser } from './users.js';
import { createRecord, deleteRecord, updateRecord } from './writes.js';
import { workflowStatus } from './workflowStatus.js';
import { recordTimeline } from './timeline.js';
import { REPORTS } from '../reports/reports.js';
import { actionOf, runAction, runBulkAction } from './actions.js';
import { parseSearch, searchRecords } from './search.js';
import { importBody, importFile } from './import/index.js';
import { ReadRouting } from './readRouting.js';
import { withoutPreparedStatements } from '../db/connect.js';
import { hotRoutes, type HotHandlers } from './hotRoutes.js';
import { mountActivityRoutes, NotificationOutbox } from './activities/index.js';
import { attachmentRoutes } from '../attachments/routes.js';

export const DEFAULT_EXACT_COUNT_LIMIT = 1_000;

export function createSalesRouter(options: SalesRouterOptions): Router {
  const { knex, model, validators, auth } = options;
  const resources = describeResources(model);
  const counter = new Counter(options.exactCountLimit ?? DEFAULT_EXACT_COUNT_LIMIT);
  const router = Router();
  if (options.preparedStatements === false) for (const db of [knex, options.replica]) if (db) withoutPreparedStatements(db);

  if (options.cors !== false) router.use(cors());
  router.use(jsonBody(options.bodyLimit ?? '1mb'));
  if (options.openapi) {
    const document = options.openapi;
    router.get('/openapi.json', (_req, res) => {
      res.json(document);
    });
  }

  const routing = options.replica ? new ReadRouting(knex, options.replica) : undefined;
  const notifications = options.notify ? new NotificationOutbox(knex, model, options.notify) : undefined;

  async function contextOf(req: Request): Promise<RequestContext> {
    const user = await resolveUser(req, knex, model, auth, options.demoUsers === true);
    if (routing && req.method !== 'GET' && req.method !== 'HEAD') {
      routing.writing(user.id);
      req.res?.once('finish', () => {
        routing.wrote(user.id).catch((error: unknown) => console.error('Could not read the write position of the primary:', error));
      });
    }
    return { knex, model, validators, resources, counter, user, locale: requestLocale(req, model), notifications };
  }

  /** A read's context: on the replica, unless it has not replayed the user's last write yet. */
  async function readContextOf(req: Request): Promise<RequestContext> {
    const ctx = await contextOf(req);
    return routing ? { ...ctx, knex: routing.db(await routing.source(ctx.user.id)) } : ctx;
  }

  function resourceOf(req: Request): ResourceInfo {
    const resource = resources.get(String(req.params.resource));
    if (!resource) throw notFound(phrase(requestLocale(req, model), 'unknownResource', { name: JSON.stringify(req.params.resource) }));
    return resource;
  }

  const notAllowed = (resource: ResourceInfo, method: string, locale: string) =>
    new HttpError(405, phrase(locale, 'methodNotAllowed', { method, resource: resource.name, entity: resourceLabel(resource, locale) }));

  /** GET /:resource, GET /:resource/:id and POST /:resource, reached through `hotRoutes` or the routes below. */
  const hot: HotHandlers = {
    async list(req, res, resource) {
      const ctx = await readContextOf(req);
      const query = parseListQuery(req.query as Record<string, unknown>, resource, ctx.locale);
      const { rows, start, total } = await listRecords(ctx, resource, query);
      res.setHeader('Content-Range', contentRange(resource.name, start, rows.length, total.total));
      res.setHeader('X-Total-Count', String(total.total));
      res.setHeader('X-Total-Count-Exact', String(total.exact));
      res.json(rows);
    },
    async getOne(req, res, resource, id) {
      const ctx = await readContextOf(req);
      const embed = parseEmbed(req.query as Record<string, unknown>, resource, ctx.locale);
      const record = await findReadable(ctx.knex, ctx, resource, parseId(id, ctx.locale));
      if (embed.length) await embedReferences(ctx.knex, model, resources, resource, ctx.user, [record], embed);
      res.json(record);
    },
    async create(req, res, resource) {
      const ctx = await contextOf(req);
      if (!resource.entity) throw notAllowed(resource, 'POST', ctx.locale);
      const { record, status } = await createRecord(ctx, resource, req.body);
      res.status(status).json(record);
    },
  };
  router.use(hotRoutes(router, resources, hot));

  router.get('/me', async (req, res) => {
    const ctx = await contextOf(req);
    res.json(await describeUser(knex, model, ctx.user));
  });

  router.get('/reports/:name', async (req, res) => {
    const name = String(req.params.name);
    // Own keys only: `toString` and friends are not reports.
    const report = Object.hasOwn(REPORTS, name) ? REPORTS[name as ReportId] : undefined;
    if (!report) {
      const locale = requestLocale(req, model);
      throw notFound(
        phrase(locale, 'reportUnknown', { name: JSON.stringify(req.params.name), reports: listWords(locale, Object.keys(REPORTS)) }),
      );
    }
    res.json(await report(await readContextOf(req), req.query as Record<string, unknown>));
  });

  router.get('/search', async (req, res) => {
    const ctx = await readContextOf(req);
    res.json(await searchRecords(ctx, parseSearch(req.query as Record<string, unknown>, ctx.locale)));
  });

  mountActivityRoutes(router, contextOf, readContextOf);
  attachmentRoutes(router, { options, contextOf, resourceOf });

  router.get('/:resource', (req, res) => hot.list(req, res, resourceOf(req)));

  router.get('/:resource/:id', (req, res) => hot.getOne(req, res, resourceOf(req), String(req.params.id)));

  router.get('/:resource/:id/workflow', async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await readContextOf(req);
    res.json(await workflowStatus(ctx, resource, parseId(String(req.params.id), ctx.locale)));
  });

  router.get('/:resource/:id/timeline', async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await readContextOf(req);
    res.json(await recordTimeline(ctx, resource, parseId(String(req.params.id), ctx.locale), req.query as Record<string, unknown>));
  });

  router.post('/:resource', (req, res) => hot.create(req, res, resourceOf(req)));

  router.post('/:resource/import', importBody(), async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await contextOf(req);
    if (!resource.entity) throw notAllowed(resource, 'POST', ctx.locale);
    const answer = await importFile(ctx, resource, req.get('content-type'), req.body, req.query.dryRun);
    res.status(answer.status).json(answer.body);
  });

  router.post('/:resource/:id/actions/:action', async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await contextOf(req);
    if (!resource.entity) throw notAllowed(resource, 'POST', ctx.locale);
    const id = parseId(String(req.params.id), ctx.locale);
    res.status(201).json(await runAction(ctx, resource, id, actionOf(ctx, resource, String(req.params.action)), req.body));
  });

  router.post('/:resource/actions/:action', async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await contextOf(req);
    if (!resource.entity) throw notAllowed(resource, 'POST', ctx.locale);
    const action = actionOf(ctx, resource, String(req.params.action));
    if (!action.bulk) throw notAllowed(resource, 'POST', ctx.locale);
    res.json(await runBulkAction(ctx, resource, action, req.body));
  });

  router.put('/:resource/:id', async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await contextOf(req);
    const id = parseId(String(req.params.id), ctx.locale);
    if (resource.name === APPROVALS) {
      res.json(await decideApproval(ctx, id, req.body));
      return;
    }
    if (!resource.entity) throw notAllowed(resource, 'PUT', ctx.locale);
    const { record, status } = await updateRecord(ctx, resource, id, req.body);
    res.status(status).json(record);
  });

  router.delete('/:resource/:id', async (req, res) => {
    const resource = resourceOf(req);
    const ctx = await contextOf(req);
    if (!resource.entity) throw notAllowed(resource, 'DELETE', ctx.locale);
    const { record } = await deleteRecord(ctx, resource, parseId(String(req.params.id), ctx.locale));
    res.json(record);
  });

  router.use(errorHandler(model));
  return router;
}
