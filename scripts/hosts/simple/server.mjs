// The app's server: the built admin under /admin, the sales API under /api/sales.
//   PORT (default 3001), DATABASE_URL (PostgreSQL; default: embedded PGlite in DATA_DIR, default .data/sales)
// #region drop-in (README.md shows this region as it is)
import express from 'express';
import {
  applyMigrations, connectDatabase, createSalesRouter, ensureSalesperson, findSalesperson, readMigrationPlan,
} from '@ra-sales/server';
import { seedDemoWhenEmpty } from '@ra-sales/server/demo';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';

const knex = connectDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? '.data/sales' });
// A schema change that alters stored data runs only from the plan reviewed and committed (docs/server.md).
await applyMigrations(knex, model, { plan: readMigrationPlan('migration-plan.json') });
// To try the screens: SALES_DEMO=1 fills a database no one has used with demo data.
if (process.env.SALES_DEMO === '1') await seedDemoWhenEmpty({ knex, model, validators });
// The first user, so that somebody may sign in.
await ensureSalesperson(knex, model, { email: 'admin@example.com' }, { name: 'Administrator', role: 'admin', status: 'active' });

const app = express();
// Stands for the app's own sign-in.
app.use((req, _res, next) => {
  req.user = { email: req.get('x-user-email') ?? 'admin@example.com' };
  next();
});
app.use('/api/sales', createSalesRouter({ knex, model, validators, auth: (req) => findSalesperson(knex, model, { email: req.user.email }) }));
// #endregion

const dist = `${import.meta.dirname}/dist`;
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
