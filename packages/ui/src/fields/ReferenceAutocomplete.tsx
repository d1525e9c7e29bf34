/**
 * The autocomplete of a reference picker. It offers "Create …" when the target is a sales entity
 * (its `<Resource>` carries the entity model, see `salesResources`) with a create screen, and the
 * user may create its records (the model's access rules, as the list's Create button decides).
 */
import { AutocompleteInput, useResourceDefinition, type AutocompleteInputProps } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { onDemand } from '../lazy/onDemand.js';
import { useMayCreate } from '../rules/useMayCreate.js';

// Loaded when asked for: the dialog draws the target's inputs, which draw reference pickers in turn.
const LazyQuickCreateDialog = onDemand('QuickCreateDialog', () => import('./QuickCreateDialog.js').then((m) => m.QuickCreateDialog), null);

export type ReferenceAutocompleteProps = AutocompleteInputProps & { reference: string };

function QuickCreatable({ entity, ...props }: AutocompleteInputProps & { entity: ClientEntityModel }) {
  const mayCreate = useMayCreate(entity);
  if (!mayCreate || props.readOnly || props.disabled) return <AutocompleteInput {...props} />;
  return (
    <AutocompleteInput
      {...props}
      create={<LazyQuickCreateDialog entity={entity} />}
      // A create option makes the autocomplete free text, which hides its open button: kept, as on every picker.
      forcePopupIcon
      // Offered for the text typed: `Create "Harbour Logistics"`.
      createItemLabel="ra_sales.quick_create.create"
    />
  );
}

export function ReferenceAutocomplete({ reference, ...props }: ReferenceAutocompleteProps) {
  const definition = useResourceDefinition({ resource: reference });
  const entity = (definition.options as { entity?: ClientEntityModel } | undefined)?.entity;
  return entity && definition.hasCreate ? <QuickCreatable entity={entity} {...props} /> : <AutocompleteInput {...props} />;
}
