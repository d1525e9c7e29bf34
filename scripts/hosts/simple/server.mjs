// The app's server: the built admin under /admin, the sales API under /api/sales.
//   PORT (default 3001), DATABASE_URL (PostgreSQL; default: embedded PGlite in DATA_DIR, default .data/sales)
import express from 'express';
import { fileURLToPath } from 'node:url';
import {
  applyMigrations, connectDatabase, createSalesRouter, ensureSalesperson, findSalesperson, refreshRecords, rollupEntities, seedDemo,
} from '@ra-sales/server';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';

const knex = connectDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? '.data/sales' });
await applyMigrations(knex, model);
const { count } = await knex('salespeople').count({ count: '*' }).first();
if (Number(count) === 0) {
  // An empty database gets the demo data, then its rolled-up figures.
  await seedDemo(knex, model);
  await refreshRecords({ knex, model, validators, entities: rollupEntities(model) });
}
await ensureSalesperson(knex, model, { email: 'admin@example.com' }, { name: 'Administrator', role: 'admin', status: 'active' });

const app = express();
// Stands for the app's own sign-in.
app.use((req, _res, next) => {
  req.user = { email: req.get('x-user-email') ?? 'admin@example.com' };
  next();
});
app.use('/api/sales', createSalesRouter({ knex, model, validators, auth: (req) => findSalesperson(knex, model, { email: req.user.email }) }));

const dist = fileURLToPath(new URL('./dist', import.meta.url));
app.use('/admin', express.static(dist, { index: false }));
app.use('/admin/assets', (_req, res) => res.sendStatus(404));
app.get(['/admin', '/admin/{*path}'], (_req, res) => res.sendFile('index.html', { root: dist }));
app.get('/', (_req, res) => res.redirect('/admin'));

const port = Number(process.env.PORT ?? 3001);
const server = app.listen(port, () => console.log(`http://localhost:${port}/admin`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    void knex.destroy().then(() => process.exit(0));
  });
}
