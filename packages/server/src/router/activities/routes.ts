/**
 * The routes of notes and tasks that are not plain reads (lists and single records go through the
 * router's read path with the resources' own read scope): create, update, delete, and the
 * caller's inbox. Mounted before the router's `/:resource` routes.
 */
import type { Request, Router } from 'express';
import type { RequestContext } from '../context.js';
import { parseId } from '../protocol.js';
import { NOTES, TASKS } from '../resources.js';
import { inboxOf } from './inbox.js';
import { createNote, createTask, deleteNote, deleteTask, updateNote, updateTask } from './writes.js';

type ContextOf = (req: Request) => Promise<RequestContext>;

const WRITES = {
  [NOTES]: { create: createNote, update: updateNote, remove: deleteNote },
  [TASKS]: { create: createTask, update: updateTask, remove: deleteTask },
};

export function mountActivityRoutes(router: Router, contextOf: ContextOf, readContextOf: ContextOf = contextOf): void {
  router.get('/me/inbox', async (req, res) => {
    res.json(await inboxOf(await readContextOf(req)));
  });
  for (const [name, writes] of Object.entries(WRITES)) {
    router.post(`/${name}`, async (req, res) => {
      res.status(201).json(await writes.create(await contextOf(req), req.body));
    });
    router.put(`/${name}/:id`, async (req, res) => {
      const ctx = await contextOf(req);
      res.json(await writes.update(ctx, parseId(String(req.params.id), ctx.locale), req.body));
    });
    router.delete(`/${name}/:id`, async (req, res) => {
      const ctx = await contextOf(req);
      res.json(await writes.remove(ctx, parseId(String(req.params.id), ctx.locale)));
    });
  }
}
