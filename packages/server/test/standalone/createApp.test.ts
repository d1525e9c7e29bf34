/** The standalone app's static files: hashed assets cached for good, the page itself revalidated. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStandaloneApp } from '../../src/standalone/createApp.js';
import { loadDomain } from '../../src/standalone/loadDomain.js';
import { forEachDatabase } from '../support/databases.js';

forEachDatabase('standalone app', (database) => {
  const adminDir = mkdtempSync(join(tmpdir(), 'ra-sales-admin-'));
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    mkdirSync(join(adminDir, 'assets'));
    writeFileSync(join(adminDir, 'index.html'), '<!doctype html><p>admin</p>');
    writeFileSync(join(adminDir, 'assets', 'index-abc123.js'), 'export {};');
    const domain = await loadDomain(resolve(import.meta.dirname, '../../../domain'));
    const app = createStandaloneApp({ knex: database.db, domain, adminDir });
    server = await new Promise<Server>((done) => {
      const listening = app.listen(0, () => done(listening));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    rmSync(adminDir, { recursive: true, force: true });
  });

  it('lets a browser keep the hashed assets and revalidate the page', async () => {
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/opportunities']) {
      const page = await fetch(`${origin}${path}`);
      expect([page.status, page.headers.get('cache-control')], path).toEqual([200, 'no-cache']);
    }
  });
});
