/** One refusal of an import: the spreadsheet row (1 is the header), the field and column when known. */
export interface ImportError {
  row: number;
  field?: string;
  column?: string;
  message: string;
}

export interface ImportResult {
  /** Rows created, or that would be created by a dry run; 0 when refused. */
  created: number;
  errors: ImportError[];
  dryRun: boolean;
  /**
   * How the rows were written: a chunk of rows at a time, or one by one for an entity whose creates
   * are followed by writes of their own or read each other (docs/server.md#import).
   */
  mode: 'batched' | 'row by row';
  /** More rows were refused than the errors listed. */
  truncated?: boolean;
}
