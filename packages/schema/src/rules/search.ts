/** What the global search accepts and answers: the server judges the text with this rule, the search box waits for it. */

/** Chinese, Japanese and Korean letters: one of them is a word, where other text needs two characters. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isSearchable(text: string): boolean {
  const trimmed = text.trim();
  return CJK.test(trimmed) || [...trimmed.replace(/\s+/g, '')].length >= 2;
}

/** One match of `GET /search`: the record, its title (its representation) and the field that matched. */
export interface SearchHit {
  resource: string;
  id: number;
  /** The record's representation (`x-record-representation`). */
  title: string;
  /** The field that matched and the part of its text around the match. */
  match: { field: string; snippet: string };
}
