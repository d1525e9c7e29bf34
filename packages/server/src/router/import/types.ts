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
  /** More rows were refused than the errors listed. */
  truncated?: boolean;
}
