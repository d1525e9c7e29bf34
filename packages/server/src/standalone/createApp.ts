import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Knex } from 'knex';
import { createSalesRouter, type AuthHook } from '../router/index.js';
import type { NotifyHook } from '../router/activities/index.js';
import type { AttachmentOptions } from '../attachments/store.js';
import { apiReferencePage, type OpenApiDocument } from './apiReference.js';
import type { Domain } from './loadDomain.js';

export interface StandaloneOptions {
  knex: Knex;
  domain: Domain;
  /** The built admin app (index.html and assets), served at `/`. */
  adminDir?: string;
  auth?: AuthHook;
  /** Called with each notification after its write commits (`SALES_WEBHOOK_URL`: `webhookNotifier`). */
  notify?: NotifyHook;
  /** Files on records (`ATTACHMENTS_DIR` or `S3_BUCKET`: `standaloneAttachments`); without it the attachment routes answer 501. */
  attachments?: AttachmentOptions;
  /** List totals counted exactly up to this many rows (`EXACT_COUNT_LIMIT`; docs/server.md, Counting). */
  exactCountLimit?: number;
}

/** Vite names the files of `assets/` by their content: a browser may keep them for good. */
function cacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The demo user when the host supplies none: salesperson 1, the administrator of the demo data. */
const demoAuth: AuthHook = () => ({ id: 1, roles: ['admin'], teamId: null });

/** API under `/api` (with its OpenAPI document and reference page), the admin screens at `/`. */
export function createStandaloneApp({
  knex,
  domain,
  adminDir,
  auth = demoAuth,
  notify,
  attachments,
  exactCountLimit,
}: StandaloneOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const api = express.Router();
  // The compiled model, so one admin build shows whatever the schema files (and overlays) say.
  api.get('/model', (_req, res) => void res.json(domain.model));
  api.get('/docs', (_req, res) => void res.type('html').send(apiReferencePage(domain.openapi as OpenApiDocument)));
  api.use(
    createSalesRouter({
      knex,
      model: domain.model,
      validators: domain.validators,
      openapi: domain.openapi,
      auth,
      demoUsers: true,
      notify,
      attachments,
      exactCountLimit,
    }),
  );
  app.use('/api', api);
  if (adminDir && existsSync(join(adminDir, 'index.html'))) {
    app.use(express.static(adminDir, { index: 'index.html', setHeaders: cacheHeaders }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(adminDir, 'index.html'));
    });
  } else {
    app.get(
      '/',
      (_req, res) =>
        void res
          .type('html')
          .send(
            '<p>The admin app is not built yet: run <code>pnpm --filter @ra-sales/backoffice build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>',
          ),
    );
  }
  return app;
}
