import express from 'express';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';
import type { Validators } from '@ra-sales/schema';
import { connectDatabase } from './src/db/connect.js';
import { applyMigrations } from './src/migrate/index.js';
import { createSalesRouter } from './src/router/index.js';
import { seedDemo } from './src/seed/index.js';

const db = connectDatabase({ dataDir: 'memory://' });
await applyMigrations(db, model);
await seedDemo(db, model);
const app = express();
app.use('/api', createSalesRouter({ knex: db, model, validators: validators as Validators, auth: () => null, demoUsers: true }));
const server = app.listen(0);
const port = (server.address() as any).port;
const reps = await db('salespeople').select('id', 'role').whereIn('role', ['sales_rep', 'sales_manager']).limit(2);
for (const user of [1, ...reps.map((r: any) => r.id)]) {
  for (const path of ['sales-by', 'sales-by?by=region', 'sales-by?by=product', 'sales-by?by=channel&from=2026-01', 'quota-attainment', 'plan-vs-actual', 'forecast-accuracy', 'expense-ratio', 'satisfaction-by-engineer', 'overdue-collections']) {
    const r = await fetch(`http://127.0.0.1:${port}/api/reports/${path}`, { headers: { 'X-Sales-User': String(user), 'Accept-Language': 'zh-CN' } });
    const text = await r.text();
    console.log(user, path, r.status, text.slice(0, 300));
  }
}
server.close();
await db.destroy();
