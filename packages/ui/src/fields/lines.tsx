import { cloneElement } from 'react';
import { Box, Typography } from '@mui/material';
import {
  ArrayField,
  ArrayInput,
  Datagrid,
  FormDataConsumer,
  FunctionField,
  SimpleFormIterator,
  useLocale,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { ComputedValueInput } from './ComputedValueInput.js';
import { useMoneyFormat } from './format.js';
import { grandTotal, lineColumns, lineTotal } from './lineTotals.js';
import { scalarKinds, type ScalarKind } from './scalarKinds.js';
import type { KindProps } from './types.js';

/** A line's column renders as its kind does elsewhere; the loader refuses lines inside lines. */
const columnKind = (item: ClientFieldModel) => scalarKinds[item.kind as ScalarKind];

/** Labels of the item fields of a `lines` field in the current locale. */
function useItemLabel(entity: ClientEntityModel, field: ClientFieldModel) {
  const translate = useTranslate();
  const locale = useLocale();
  return (item: ClientFieldModel) => translate(keys.item(entity.resource, field.name, item.name), { _: labelIn(item.label, locale) });
}

const itemProps = (entity: ClientEntityModel, field: ClientFieldModel, item: ClientFieldModel, label: string): KindProps => ({
  entity,
  field: item,
  source: item.name,
  label,
  linesField: field.name,
});

/** An item column's input: computed columns are read-only and follow the line as it is typed. */
function itemInput(
  entity: ClientEntityModel,
  field: ClientFieldModel,
  item: ClientFieldModel,
  label: string,
  readOnly: boolean | undefined,
) {
  if (item.computed !== undefined)
    return <ComputedValueInput key={item.name} entity={entity} field={item} source={item.name} label={label} />;
  return cloneElement(columnKind(item).input({ ...itemProps(entity, field, item, label), readOnly }), { key: item.name });
}

/**
 * Line items edited in place, each with its computed total, and the grand total below. Read-only
 * (`readOnly`, with `hint` saying why): no lines added or removed, no cell edited.
 */
export const LinesInput = ({ entity, field, source = field.name, readOnly, hint }: KindProps) => {
  const itemLabel = useItemLabel(entity, field);
  const translate = useTranslate();
  const money = useMoneyFormat();
  const columns = lineColumns(field);
  return (
    <Box sx={{ width: '100%' }}>
      <ArrayInput source={source} helperText={hint}>
        <SimpleFormIterator inline disabled={readOnly}>
          {(field.itemFields ?? []).map((item) => itemInput(entity, field, item, itemLabel(item), readOnly))}
          {columns.unitPrice && (
            <FormDataConsumer>
              {({ scopedFormData }) => (
                <Box sx={{ minWidth: 120, textAlign: 'right' }}>
                  <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
                    {translate('ra_sales.lines.line_total')}
                  </Typography>
                  <span data-testid="line-total">{money(lineTotal(scopedFormData, columns))}</span>
                </Box>
              )}
            </FormDataConsumer>
          )}
        </SimpleFormIterator>
      </ArrayInput>
      {columns.unitPrice && (
        <FormDataConsumer>
          {({ formData }) => (
            <Typography variant="subtitle1" align="right" data-testid="grand-total">
              {translate('ra_sales.lines.grand_total')}: {money(grandTotal(formData?.[source], columns))}
            </Typography>
          )}
        </FormDataConsumer>
      )}
    </Box>
  );
};

/** Line items as a table with line totals and the grand total (Show page). */
export const LinesField = ({ entity, field, source = field.name }: KindProps) => {
  const itemLabel = useItemLabel(entity, field);
  const translate = useTranslate();
  const money = useMoneyFormat();
  const columns = lineColumns(field);
  return (
    <Box sx={{ width: '100%' }}>
      <ArrayField source={source}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          {(field.itemFields ?? []).map((item) =>
            cloneElement(columnKind(item).list(itemProps(entity, field, item, itemLabel(item))), { key: item.name }),
          )}
          {columns.unitPrice && (
            <FunctionField
              label={translate('ra_sales.lines.line_total')}
              textAlign="right"
              render={(line: Record<string, unknown>) => money(lineTotal(line, columns))}
            />
          )}
        </Datagrid>
      </ArrayField>
      {columns.unitPrice && (
        <FunctionField
          source={source}
          render={(record: Record<string, unknown>) => (
            <Typography variant="subtitle1" align="right" data-testid="grand-total">
              {translate('ra_sales.lines.grand_total')}: {money(grandTotal(record?.[source], columns))}
            </Typography>
          )}
        />
      )}
    </Box>
  );
};

/** In a list: the grand total (or the number of lines when they have no price). */
export const LinesSummaryField = ({ schemaField: field, ...props }: FieldProps & { schemaField: ClientFieldModel }) => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const columns = lineColumns(field);
  const source = props.source ?? field.name;
  return (
    <FunctionField
      {...props}
      source={source}
      render={(record: Record<string, unknown>) => {
        const lines = record?.[source];
        if (columns.unitPrice) return money(grandTotal(lines, columns));
        return translate('ra_sales.lines.items', { smart_count: Array.isArray(lines) ? lines.length : 0 });
      }}
    />
  );
};
