/** The arithmetic of the dashboard's SVG charts: value ticks, label widths, donut slices. */

/** Round ticks from 0 to at least `max` (1, 2, 2.5 or 5 times a power of ten apart), about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
  const steps = Math.ceil(max / step - 1e-9);
  // Rounded to the step's precision, so 0.1 + 0.2 shows as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toFixed(digits)));
}

/** A CJK character is about as wide as the font is high; others about 0.6 of it. */
const isWide = (char: string) => (char.codePointAt(0) ?? 0) >= 0x2e80;

/** The width of `text` in pixels at `fontSize`, estimated (the labels are laid out before they are drawn). */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? fontSize : fontSize * 0.6;
  return width;
}

/** `text` cut to `maxWidth` pixels with an ellipsis, or whole when it fits. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', fontSize);
  let out = '';
  let width = 0;
  for (const char of text) {
    const next = width + textWidth(char, fontSize);
    if (next > room) break;
    out += char;
    width = next;
  }
  return `${out.trimEnd()}…`;
}

export interface Slice {
  /** Where the slice starts and how long it is, as fractions of the whole (0–1). */
  start: number;
  share: number;
}

/** Each value's slice of the total; values of 0 or less get none. */
export function slices(values: number[]): Slice[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  let start = 0;
  return values.map((value) => {
    const share = total > 0 ? Math.max(0, value) / total : 0;
    const slice = { start, share };
    start += share;
    return slice;
  });
}
