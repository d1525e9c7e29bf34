/** Edit distance between two words (Levenshtein: insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length];
}

/**
 * The candidates nearest to a misspelt word: those at the smallest edit distance, if that distance
 * is small enough to be a typo (at most 3, and less than half the word). Sorted, at most 3.
 */
export function closestNames(word: string, candidates: Iterable<string>): string[] {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 2)));
  let best = Infinity;
  let names: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate);
    if (distance > limit || distance > best) continue;
    if (distance < best) (best = distance), (names = []);
    names.push(candidate);
  }
  return names.sort().slice(0, 3);
}

/** `did you mean "a"?` / `did you mean "a" or "b"?`, or `undefined` when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>, show = (name: string) => `"${name}"`): string | undefined {
  const names = closestNames(word, candidates).map(show);
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `did you mean ${list}?`;
}

/** The end of an "unknown name" message: `: did you mean "a"?` when a name is close, else ` (<what>: a, b, c)`. */
export function unknownTail(word: string, known: Iterable<string>, what: string): string {
  const hint = didYouMean(word, known);
  return hint ? `: ${hint}` : ` (${what}: ${[...known].sort().join(', ')})`;
}
