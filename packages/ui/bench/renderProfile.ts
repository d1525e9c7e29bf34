/**
 * Where a first visit's rendering goes, commit by commit: the backoffice built with React's
 * profiling build (unminified, names kept), loaded once in headless Chromium, each commit's render
 * time and, per component, the time spent in it (its own, without its children) and how many
 * rendered; for the largest commits, the time of a few known subtrees (layout, menu, list, rows).
 * Render time only: the commit phase (DOM, emotion's style insertion, effects) is not in it.
 *
 *   tsx packages/ui/bench/renderProfile.ts [path] [ready expression]   (default: the 25-row list)
 *   RENDER_PROFILE_SEED=10000 tsx packages/ui/bench/renderProfile.ts /board/opportunities "document.querySelector('[data-testid=\"board-card\"]')"
 */
import { join } from 'node:path';
import { build } from 'vite';
import { launchBrowser, REPO, startServer } from '../e2e/harness.js';
import { hashUrl } from '../e2e/ui.js';
import { LIST_PATH, newContext } from './pageLoads.js';
import { ensureOpportunities } from './seed.js';

const OUT_DIR = 'examples/backoffice/dist-render-profile';
const SUBTREES = [
  'Layout',
  'SalesAppBar',
  'Sidebar',
  'LayoutMenu',
  'EntityList',
  'FilterForm',
  'TopToolbar',
  'Datagrid',
  'DatagridHeader',
  'DatagridCell',
  'Checkbox',
  'BulkActionsToolbar',
  'RowRecordActions',
  'SalesPagination',
  'WorkflowBoard',
  'BoardColumn',
  'BoardCard',
];

interface Commit {
  at: number;
  render: number;
  own: Record<string, number>;
  rendered: Record<string, number>;
  subtrees: Record<string, number>;
}

/**
 * A stand-in for React DevTools' hook: at each commit, walks the fibers that rendered (new ones, or
 * with React's PerformedWork flag; a subtree whose children were kept is skipped) and sums the
 * profiling build's `actualDuration`, less the children's, by component name. As source text: the
 * page has none of tsx's helpers.
 */
const COMMIT_HOOK = `(() => {
  const subtrees = new Set(${JSON.stringify(SUBTREES)});
  const nameOf = (type) => !type || typeof type === 'string' ? null
    : type.displayName || type.name || (type.render && (type.render.displayName || type.render.name)) || (type.type && nameOf(type.type)) || null;
  window.__commits = [];
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE() {}, onScheduleFiberRoot() {},
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_, root) {
      const commit = { at: Math.round(performance.now()), render: root.current.actualDuration, own: {}, rendered: {}, subtrees: {} };
      const stack = [root.current];
      while (stack.length) {
        const fiber = stack.pop();
        if (fiber.alternate === null || (fiber.flags & 1) === 1) {
          const name = nameOf(fiber.type) || (typeof fiber.type === 'string' ? '<' + fiber.type + '>' : 'tag ' + fiber.tag);
          let children = 0;
          for (let child = fiber.child; child; child = child.sibling) children += child.actualDuration || 0;
          commit.own[name] = (commit.own[name] || 0) + Math.max(0, fiber.actualDuration - children);
          commit.rendered[name] = (commit.rendered[name] || 0) + 1;
          if (subtrees.has(name)) commit.subtrees[name] = (commit.subtrees[name] || 0) + fiber.actualDuration;
        }
        if (fiber.alternate !== null && fiber.child === fiber.alternate.child) continue;
        for (let child = fiber.child; child; child = child.sibling) stack.push(child);
      }
      window.__commits.push(commit);
    },
  };
})()`;

/** The backoffice with react-dom's profiling build, which times every fiber's render. */
async function buildProfilingApp(): Promise<string> {
  const root = join(REPO, 'examples/backoffice');
  const outDir = join(REPO, OUT_DIR);
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir, emptyOutDir: true, minify: false },
  });
  return outDir;
}

const ms = (value: number) => value.toFixed(1).padStart(6);

function printCommit(commit: Commit) {
  const rendered = Object.values(commit.rendered).reduce((sum, count) => sum + count, 0);
  console.log(`commit at ${commit.at} ms: render ${commit.render.toFixed(1)} ms, ${rendered} fibers rendered`);
  if (commit.render < 10) return;
  const subtrees = Object.entries(commit.subtrees).sort((a, b) => b[1] - a[1]);
  if (subtrees.length) console.log(`  subtrees: ${subtrees.map(([name, time]) => `${name} ${time.toFixed(1)}`).join(', ')}`);
  for (const [name, time] of Object.entries(commit.own)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)) {
    console.log(`  ${ms(time)} ${name} ×${commit.rendered[name]}`);
  }
}

async function main() {
  const [path = LIST_PATH, ready = `document.querySelectorAll('.RaDatagrid-root tbody tr').length >= 25`] = process.argv.slice(2);
  process.env.ADMIN_DIR = await buildProfilingApp();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const seed = Number(process.env.RENDER_PROFILE_SEED ?? 0);
    if (seed) await ensureOpportunities(server.url, seed);
    const context = await newContext(browser);
    await context.addInitScript(COMMIT_HOOK);
    const page = await context.newPage();
    await page.goto(hashUrl(server.url, path));
    await page.waitForFunction(`(${ready}) && (window.__readyAt = performance.now())`, null, { polling: 'raf', timeout: 60_000 });
    // What comes right after the first screen (row buttons, the menu, references) is printed too.
    await page.waitForTimeout(1000);
    const readyAt = (await page.evaluate('window.__readyAt')) as number;
    console.log(`${path}: ready at ${readyAt.toFixed(0)} ms (page clock; the profiling build is slower than the production one)`);
    for (const commit of (await page.evaluate('window.__commits')) as Commit[]) printCommit(commit);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
