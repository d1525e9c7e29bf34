/**
 * The API of the default domain in a process of its own, on DATABASE_URL (already migrated) and
 * PORT, for tests that kill the process; prints `ready` once it listens.
 */
import express from 'express';
import { connectDatabase } from '../../../src/db/connect.js';
import { createSalesRouter } from '../../../src/index.js';
import { defaultDomain } from '../../router/support/model.js';

const { model, validators } = defaultDomain();
const knex = connectDatabase({ url: process.env.DATABASE_URL, poolMax: 8 });
const app = express();
app.use('/api', createSalesRouter({ knex, model, validators, auth: () => null, demoUsers: true }));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
