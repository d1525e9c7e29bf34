import type { ReactElement } from 'react';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';

/** What every renderer of the kind registry receives. */
export interface KindProps {
  entity: ClientEntityModel;
  field: ClientFieldModel;
  /** Defaults to the field's name. */
  source?: string;
  /** Only for item fields of a `lines` field; top-level labels come from `resources.<res>.fields.<field>`. */
  label?: string;
  /** Set when the field is an item field of this `lines` field. */
  linesField?: string;
  /** Inputs only: shown but not editable (a computed value, a right the user lacks, a locked stage). */
  readOnly?: boolean;
  /** Inputs only: why the field is read-only, shown as its helper text. */
  hint?: string;
}

/** One row of the kind registry: how a field of that kind is shown, edited and filtered. */
export interface KindRenderer {
  /** A Datagrid column. */
  list(props: KindProps): ReactElement;
  /** A Show page field. */
  show(props: KindProps): ReactElement;
  /** An Edit/Create input carrying the schema's validation. */
  input(props: KindProps): ReactElement;
  /** List filter inputs for a field marked `filter` (none for kinds that cannot be filtered). */
  filters(props: KindProps): ReactElement[];
}
