/** The shape of compiled validators, whether generated standalone or compiled at run time. */
export interface ValidationError {
  /** JSON pointer into the record, e.g. `/expected_amount` or `/lines/0/quantity`. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export type ValidateFunction = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

export interface EntityValidators {
  /** The whole record (create, and an update merged over the stored record). */
  record: ValidateFunction;
  /** Per stage id: its gate (key node to leave forward). */
  gates: Record<string, ValidateFunction>;
  /** Per stage id: its entry condition. */
  entries: Record<string, ValidateFunction>;
  /** Aligned with `workflow.approvals`: the `when` condition of each rule (always true when absent). */
  approvals: ValidateFunction[];
}

/** Validators by resource name. */
export type Validators = Record<string, EntityValidators>;
