import type { FieldKind } from '@ra-sales/schema';
import { LinesField, LinesInput, LinesSummaryField } from './lines.js';
import { fieldProps, noFilter, scalarKinds } from './scalarKinds.js';
import type { KindRenderer } from './types.js';

/**
 * The kind registry: for every field kind, its list column, Show field, input and filters.
 * `Record<FieldKind, …>` makes the compiler reject a kind added to the schema language but not here.
 */
export const kindRegistry: Record<FieldKind, KindRenderer> = {
  ...scalarKinds,
  lines: {
    list: (p) => <LinesSummaryField schemaField={p.field} {...fieldProps(p)} />,
    show: (p) => <LinesField {...p} source={p.source ?? p.field.name} />,
    input: (p) => <LinesInput {...p} />,
    filters: noFilter,
  },
};
