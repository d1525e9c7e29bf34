/**
 * A few fields of an entity asked for in a dialog, with the model's own inputs (labels, rules,
 * validation): the quick create of a reference picker and the refusal dialog's missing fields.
 * The dialog may open over another form: its submit never reaches that form.
 */
import type { ReactNode } from 'react';
import { Alert, Box, Button, CircularProgress, DialogActions, List, ListItem, ListItemText } from '@mui/material';
import { Form, ResourceContextProvider, type RaRecord } from 'react-admin';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { formInputs } from '../resources/elements.js';
import type { Refusal } from '../workflow/refusal.js';

export interface FieldsDialogFormProps {
  entity: ClientEntityModel;
  fields: readonly ClientFieldModel[];
  /** The values the inputs start from. */
  record: Partial<RaRecord>;
  onSubmit: (values: Record<string, unknown>) => Promise<void> | void;
  onCancel: () => void;
  submitLabel: string;
  cancelLabel: string;
  /** The server's refusal of the last submit, shown above the inputs. */
  refusal?: Refusal | null;
  submitting?: boolean;
  /** Shown above the inputs (what to do). */
  intro?: ReactNode;
}

export function FieldsDialogForm({
  entity,
  fields,
  record,
  onSubmit,
  onCancel,
  submitLabel,
  cancelLabel,
  refusal,
  submitting = false,
  intro,
}: FieldsDialogFormProps) {
  return (
    // React bubbles a submit through portals: stopped here, so the form under the dialog is not saved.
    <Box onSubmit={(event) => event.stopPropagation()}>
      <ResourceContextProvider value={entity.resource}>
        <Form record={record as RaRecord} onSubmit={(values: Record<string, unknown>) => onSubmit(values)} noValidate>
          <Box sx={{ px: 3, pt: 1, display: 'flex', flexDirection: 'column' }} data-testid="fields-dialog-form">
            {intro}
            {refusal && (
              <Alert severity="warning" sx={{ mb: 1 }} data-testid="fields-dialog-refusal">
                {refusal.message}
                {refusal.reasons.length > 0 && (
                  <List dense disablePadding>
                    {refusal.reasons.map((reason, index) => (
                      <ListItem key={`${reason.field ?? ''}-${index}`} data-field={reason.field} disableGutters>
                        <ListItemText primary={reason.label || reason.message} secondary={reason.label ? reason.message : undefined} />
                      </ListItem>
                    ))}
                  </List>
                )}
              </Alert>
            )}
            {formInputs(entity, fields)}
          </Box>
          <DialogActions>
            <Button onClick={onCancel}>{cancelLabel}</Button>
            <Button
              type="submit"
              variant="contained"
              disabled={submitting}
              startIcon={submitting ? <CircularProgress size={16} /> : undefined}
              data-testid="fields-dialog-submit"
            >
              {submitLabel}
            </Button>
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Box>
  );
}
