/**
 * "Create …" in a reference picker: a dialog with the target entity's required fields (the
 * model's inputs), the typed text in its representation field; the record is created through the
 * data provider — the server's rules and refusals as on its own create page — and selected.
 */
import { useState } from 'react';
import { Dialog, DialogTitle } from '@mui/material';
import { useCreateSuggestionContext, useDataProvider, useLocaleState, useNotify } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { formFields } from '../resources/entity.js';
import { readRefusal, type Refusal } from '../workflow/refusal.js';
import { FieldsDialogForm } from './FieldsDialogForm.js';

/** The fields a new record cannot do without: required and written by the user. */
export const quickCreateFields = (entity: ClientEntityModel) => formFields(entity).filter((f) => f.required && f.computed === undefined);

export function QuickCreateDialog({ entity }: { entity: ClientEntityModel }) {
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const ui = useUiTranslate();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const name = labelIn(entity.label, locale);
  const create = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    try {
      const { data } = await dataProvider.create(entity.resource, { data: values });
      notify(ui('quick_create.created', { entity: name }), { type: 'success' });
      onCreate(data);
    } catch (error) {
      setRefusal(readRefusal(error, entity, locale));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm" data-testid="quick-create-dialog" data-resource={entity.resource}>
      <DialogTitle>{ui('quick_create.title', { entity: name })}</DialogTitle>
      <FieldsDialogForm
        entity={entity}
        fields={quickCreateFields(entity)}
        record={filter ? { [entity.recordRepresentation]: filter } : {}}
        onSubmit={create}
        onCancel={onCancel}
        submitLabel={ui('quick_create.save')}
        cancelLabel={ui('quick_create.cancel')}
        refusal={refusal}
        submitting={submitting}
      />
    </Dialog>
  );
}
