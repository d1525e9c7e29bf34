/**
 * HTTP load generator, run in a worker thread so that it does not share an event loop with the
 * servers under test. `connections` clients, each with its own keep-alive socket, send requests
 * back to back (closed loop): a warm-up whose answers are dropped, then a fixed measured duration.
 *
 * workerData: { origin, connections, warmupMs, durationMs, requests: [{ method, path, headers, body, vary }], tag, numBase }
 * A request with `vary` gets a fresh body for every send: in its JSON, `{{seq}}` becomes
 * `<tag>-<n>` and `"{{num}}"` the number `numBase + n`, n counting this worker's sends (unique
 * names for a create, a real change for an update).
 * posts back: { requests, errors, firstError, elapsedMs, latencies: Float64Array (ms) }
 *
 * Plain JavaScript on node:http (no TypeScript loader needed in the worker, and a lighter client
 * than fetch: on a small machine the client's own CPU would otherwise cap both servers alike).
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { origin, connections, warmupMs, durationMs, requests, tag = 'w', numBase = 0 } = workerData;
const target = new URL(origin);
const prepared = requests.map((r) => {
  const body = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
  const headers = { accept: 'application/json', ...(r.headers ?? {}) };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  return { method: r.method ?? 'GET', path: r.path, headers, body, template: r.vary && body ? body.toString('utf8') : undefined };
});

let sends = 0;

/** The request as sent: a varying body filled in for this send. */
function materialize(request) {
  if (!request.template) return request;
  const n = ++sends;
  const body = Buffer.from(request.template.replaceAll('{{seq}}', `${tag}-${n}`).replaceAll('"{{num}}"', String(numBase + n)));
  return { ...request, body, headers: { ...request.headers, 'content-length': String(body.length) } };
}

function send(agent, request) {
  return new Promise((resolve) => {
    const req = http.request(
      { hostname: target.hostname, port: target.port, agent, method: request.method, path: request.path, headers: request.headers },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: chunks.length ? Buffer.concat(chunks).toString('utf8', 0, 300) : '' }));
        res.on('error', (error) => resolve({ status: 0, body: String(error) }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: String(error) }));
    if (request.body) req.end(request.body);
    else req.end();
  });
}

let next = 0;
const latencies = [];
let errors = 0;
let firstError = null;
let measuring = false;
let stopping = false;

async function client() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  while (!stopping) {
    const request = materialize(prepared[next++ % prepared.length]);
    const started = performance.now();
    const answer = await send(agent, request);
    const elapsed = performance.now() - started;
    if (!measuring || stopping) continue;
    if (answer.status >= 200 && answer.status < 300) latencies.push(elapsed);
    else {
      errors++;
      firstError ??= `${answer.status} ${request.method} ${request.path}: ${answer.body}`;
    }
  }
  agent.destroy();
}

const running = Array.from({ length: connections }, () => client());
await new Promise((resolve) => setTimeout(resolve, warmupMs));
measuring = true;
const measuredFrom = performance.now();
await new Promise((resolve) => setTimeout(resolve, durationMs));
stopping = true;
const elapsedMs = performance.now() - measuredFrom;
await Promise.all(running);
const result = Float64Array.from(latencies);
parentPort.postMessage({ requests: result.length, errors, firstError, elapsedMs, latencies: result }, [result.buffer]);
