/** The board's figures: a first visit (fresh context), then "load more" and drag feedback on the loaded board. */
import type { Browser } from 'playwright-core';
import { longTasksOf, newContext, timedLoad } from './pageLoads.js';

const BOARD_PATH = '/board/opportunities';

const FIRST_CARDS = `document.querySelector('[data-testid="board-card"]') !== null`;

/** Every column has its cards, and its count and sums, or says it is empty. */
const FULL_FIRST_SCREEN = `(() => {
  const columns = [...document.querySelectorAll('[data-testid="board-column"]')];
  return columns.length > 0 && columns.every((column) => {
    const amount = column.querySelector('[data-testid="column-amount"]');
    return !column.querySelector('[role="progressbar"]') && (!amount || !amount.textContent.includes('…'));
  });
})()`;

/*
 * In-page measurements, as source text: tsx/esbuild would wrap named functions of a callback with
 * its `__name` helper, which does not exist in the page.
 */
const LOAD_MORE_SCRIPT = `(async () => {
  const button = [...document.querySelectorAll('[data-testid="board-column"] button')].find((b) => /\\d/.test(b.textContent || ''));
  if (!button) return NaN;
  const column = button.closest('[data-testid="board-column"]');
  const before = column.querySelectorAll('[data-testid="board-card"]').length;
  const t0 = performance.now();
  button.click();
  await new Promise((resolve) => {
    const check = () => (column.querySelectorAll('[data-testid="board-card"]').length > before ? resolve() : requestAnimationFrame(check));
    check();
  });
  return performance.now() - t0;
})()`;

const DRAG_FEEDBACK_SCRIPT = `(async () => {
  const card = document.querySelector('[data-testid="board-card"]');
  const t0 = performance.now();
  card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: new DataTransfer() }));
  await new Promise((resolve) => {
    // data-accepts is set on every column in the render that highlights the drop targets.
    const check = () => (document.querySelector('[data-testid="board-column"][data-accepts]') ? resolve() : requestAnimationFrame(check));
    check();
  });
  const elapsed = performance.now() - t0;
  card.dispatchEvent(new DragEvent('dragend', { bubbles: true }));
  return elapsed;
})()`;

export interface BoardFigures {
  firstCards: number;
  fullFirstScreen: number;
  cards: number;
  records: number;
  longTasks: number[];
  loadMore: number;
  dragFeedback: number;
}

export async function coldBoard(browser: Browser, base: string): Promise<BoardFigures> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const firstCards = await timedLoad(page, base, BOARD_PATH, FIRST_CARDS);
    const started = Date.now();
    await page.waitForFunction(FULL_FIRST_SCREEN, null, { polling: 'raf', timeout: 60_000 });
    const fullFirstScreen = firstCards + Date.now() - started;
    const { cards, records } = await page.evaluate(() => ({
      cards: document.querySelectorAll('[data-testid="board-card"]').length,
      records: [...document.querySelectorAll('[data-testid="column-count"]')].reduce((sum, chip) => sum + Number(chip.textContent), 0),
    }));
    const longTasks = await longTasksOf(page);
    const loadMore = (await page.evaluate(LOAD_MORE_SCRIPT)) as number;
    const dragFeedback = (await page.evaluate(DRAG_FEEDBACK_SCRIPT)) as number;
    return { firstCards, fullFirstScreen, cards, records, longTasks, loadMore, dragFeedback };
  } finally {
    await context.close();
  }
}
