/** One problem in a schema file: where it is and what is wrong, in a plain sentence. */
export interface SchemaError {
  /** The file, relative to the folder it was loaded from (overlay files are prefixed with their folder). */
  file: string;
  /** JSON pointer into that file, `""` for the whole file. */
  pointer: string;
  message: string;
}

/** One line per error: `file#pointer: message`, sorted by file and pointer for stable output. */
export function formatSchemaErrors(errors: readonly SchemaError[]): string {
  return sortErrors(errors)
    .map((e) => `${e.file}${e.pointer ? `#${e.pointer}` : ''}: ${e.message}`)
    .join('\n');
}

export function sortErrors(errors: readonly SchemaError[]): SchemaError[] {
  return [...errors].sort(
    (a, b) => a.file.localeCompare(b.file) || a.pointer.localeCompare(b.pointer) || a.message.localeCompare(b.message),
  );
}

export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
