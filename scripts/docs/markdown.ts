/**
 * The commands a document prints: every line of a ```sh block, and every `code` span in the
 * first column of a table whose first header is "command". A marker on the line right before a
 * block or table keeps commands from being run, and says why:
 *
 *   <!-- run: skip (reason) -->              none of the block's commands
 *   <!-- run: skip `pnpm gen` (reason) -->   that one command of the block
 */
export interface DocCommand {
  command: string;
  /** `file:line` where it is printed. */
  at: string;
  /** The `##` section it is in. */
  section: string;
  /** Why it is not run, when a marker or the caller says so. */
  skip?: string;
}

interface Marker {
  command?: string;
  reason: string;
  line: number;
}

const MARKER = /^<!-- run: skip(?: `([^`]+)`)? \((.+)\) -->$/;
const ANY_MARKER = /^<!-- run: .* -->$/;
const FENCE = /^```(\w*)/;

/**
 * The commands of `text` (the file `file`), in the order printed. `skipSections` maps a `##`
 * title to why its commands are not run (a section being rewritten, say); `onlySection` keeps one
 * `##` section. A marker that applies to nothing is an error, so that none is silently lost.
 */
export function docCommands(
  file: string,
  text: string,
  options: { onlySection?: string; skipSections?: Record<string, string> } = {},
): DocCommand[] {
  const lines = text.split('\n');
  const commands: DocCommand[] = [];
  let section = '';
  let markers: Marker[] = [];
  const unused = (marker: Marker) => new Error(`${file}:${marker.line}: this run marker applies to no command block right below it`);

  const take = (entries: { command: string; line: number }[]) => {
    for (const marker of markers) {
      if (marker.command !== undefined && !entries.some((entry) => entry.command === marker.command)) throw unused(marker);
    }
    for (const { command, line } of entries) {
      const marker = markers.find((m) => m.command === undefined || m.command === command);
      const skip = marker?.reason ?? options.skipSections?.[section];
      if (options.onlySection === undefined || options.onlySection === section) {
        commands.push({ command, at: `${file}:${line}`, section, ...(skip === undefined ? {} : { skip }) });
      }
    }
    markers = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = MARKER.exec(line.trim());
    if (marker) {
      markers.push({ command: marker[1], reason: marker[2]!, line: i + 1 });
      continue;
    }
    // Other run markers (what a json block is for, say) are not this reader's; they keep a skip marker's block in reach.
    if (ANY_MARKER.test(line.trim())) continue;
    const fence = FENCE.exec(line);
    if (fence) {
      const start = i;
      const body: string[] = [];
      while (++i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i]!);
      if (['sh', 'bash', 'shell'].includes(fence[1]!)) take(shellCommands(body, start + 2));
      else if (markers.length) throw unused(markers[0]!);
      continue;
    }
    if (isCommandTable(line)) {
      const rows: { command: string; line: number }[] = [];
      // The header, then the |---| line, then the rows.
      for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
        const first = lines[i]!.split('|')[1] ?? '';
        for (const [, command] of first.matchAll(/`([^`]+)`/g)) rows.push({ command: command!, line: i + 1 });
      }
      i--;
      take(rows);
      continue;
    }
    if (markers.length) throw unused(markers[0]!);
    const heading = /^## (.+)$/.exec(line);
    if (heading) section = heading[1]!.trim();
  }
  if (markers.length) throw unused(markers[0]!);
  return commands;
}

function isCommandTable(line: string): boolean {
  return /^\|\s*command\s*\|/i.test(line);
}

/** One command a line; `#` lines are comments; a trailing `\` continues the command. */
function shellCommands(body: string[], firstLine: number): { command: string; line: number }[] {
  const commands: { command: string; line: number }[] = [];
  let pending = '';
  let pendingLine = 0;
  body.forEach((raw, index) => {
    // A comment after a command explains it: the command is what runs.
    const line = raw.replace(/\s+#\s.*$/, '').trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (!pending) pendingLine = firstLine + index;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      return;
    }
    commands.push({ command: pending + line, line: pendingLine });
    pending = '';
  });
  return commands;
}

/**
 * The first ```json block after the heading `heading` (any level), and the first `*.json` path
 * in backquotes between the two: "Create `my-company/overlay/entities/customer.schema.json`:".
 */
export function jsonExample(file: string, text: string, heading: string): { path: string; json: string } {
  const start = text.split('\n').findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '').trim() === heading);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const after = text.split('\n').slice(start).join('\n');
  const block = /```json\n([\s\S]*?)```/.exec(after);
  if (!block) throw new Error(`${file}: no json block after "${heading}"`);
  const path = /`([^`\s]+\.json)`/.exec(after.slice(0, block.index));
  if (!path) throw new Error(`${file}: no file name in backquotes between "${heading}" and its json block`);
  return { path: path[1]!, json: block[1]! };
}
