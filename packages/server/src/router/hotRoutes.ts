/**
 * The most frequent requests — a list, a record, a create — dispatched from one middleware ahead of
 * the router's other layers, so that Express does not match each of them against some thirty
 * routes first. A path goes this way only when the normal order would end at the same handler: its
 * first segment names a resource and no route with a literal first segment (`/me`, `/search`,
 * `/reports/:name`, `/notes` …) claims it. Everything else walks the layers as before, where the
 * same handlers are mounted.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { ResourceInfo } from './resources.js';

type Handler<A extends unknown[]> = (req: Request, res: Response, ...args: A) => Promise<void>;

export interface HotHandlers {
  list: Handler<[ResourceInfo]>;
  getOne: Handler<[ResourceInfo, string]>;
  create: Handler<[ResourceInfo]>;
}

/** First segments of the router's routes that start with a literal, lower-cased (Express matches them case-insensitively). */
function claimedSegments(router: Router): Set<string> {
  const claimed = new Set<string>();
  for (const layer of router.stack) {
    const path = (layer.route as { path?: unknown } | undefined)?.path;
    if (typeof path !== 'string') continue;
    const first = path.split('/')[1] ?? '';
    if (first && !first.startsWith(':')) claimed.add(first.toLowerCase());
  }
  return claimed;
}

export function hotRoutes(router: Router, resources: Map<string, ResourceInfo>, handlers: HotHandlers): RequestHandler {
  // Read once the router is complete: every route is mounted before the first request.
  let claimed: Set<string> | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'POST') return next();
    const path = req.path;
    // Anything percent-encoded or with more segments is left to Express's own matching and decoding.
    if (path.includes('%')) return next();
    const slash = path.indexOf('/', 1);
    const name = slash < 0 ? path.slice(1) : path.slice(1, slash);
    const id = slash < 0 ? undefined : path.slice(slash + 1);
    if (id !== undefined && (id === '' || id.includes('/'))) return next();
    const resource = resources.get(name);
    if (!resource) return next();
    claimed ??= claimedSegments(router);
    if (claimed.has(name.toLowerCase())) return next();
    let handled: Promise<void>;
    if (method === 'GET') handled = id === undefined ? handlers.list(req, res, resource) : handlers.getOne(req, res, resource, id);
    else if (id === undefined && resource.entity) handled = handlers.create(req, res, resource);
    else return next();
    handled.catch(next);
  };
}
