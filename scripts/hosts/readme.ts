/**
 * README.md's drop-in section shows the host apps' code as it is: a fenced block right after
 * `<!-- host: <file> -->` must equal that file, or with `#<name>` its `// #region <name>` … `// #endregion`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARK = /<!-- host: ([^#\s]+)(?:#(\S+))? -->\n```[a-z]*\n([\s\S]*?)```/g;

function region(text: string, name: string, file: string): string {
  const start = text.split('\n').findIndex((line) => line.trim().startsWith(`// #region ${name}`));
  if (start < 0) throw new Error(`${file} has no "// #region ${name}"`);
  const lines = text.split('\n').slice(start + 1);
  const end = lines.findIndex((line) => line.trim() === '// #endregion');
  if (end < 0) throw new Error(`${file}: the region "${name}" has no "// #endregion"`);
  return `${lines.slice(0, end).join('\n')}\n`;
}

/** Every block that differs from its file, as a message; an empty list when the README is exact. */
export function readmeDifferences(repo: string): { blocks: number; lines: number; problems: string[] } {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const problems: string[] = [];
  let blocks = 0;
  let lines = 0;
  for (const [, file, name, shown] of readme.matchAll(MARK)) {
    blocks += 1;
    lines += shown!.split('\n').length - 1;
    const text = readFileSync(join(repo, 'scripts/hosts', file!), 'utf8');
    const expected = name ? region(text, name, file!) : text;
    if (shown !== expected) {
      const shownLines = shown!.split('\n');
      const at = expected.split('\n').findIndex((line, i) => line !== shownLines[i]);
      problems.push(
        `README.md shows ${file}${name ? `#${name}` : ''} differently from line ${at + 1}: "${shownLines[at] ?? ''}" instead of "${expected.split('\n')[at] ?? ''}"`,
      );
    }
  }
  if (blocks === 0) problems.push('README.md marks no host code (<!-- host: … -->)');
  return { blocks, lines, problems };
}
