/**
 * Shows why the server refused a move: its message and, per field, what is missing. When the
 * missing fields are the user's to fill, the dialog asks for them (the model's inputs) and
 * "Save and move" saves them and asks for the move again; a new refusal shows here again.
 */
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { RaRecord } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { onDemand } from '../lazy/onDemand.js';
import { formFields } from '../resources/entity.js';
import { useSalesTranslate } from './messages.js';
import type { Refusal } from './refusal.js';

// Loaded when a refusal names fields to fill: the inputs of every field kind stay out of the board's chunk.
const FieldsDialogForm = onDemand('FieldsDialogForm', () => import('../fields/FieldsDialogForm.js').then((m) => m.FieldsDialogForm), null);

/** The fields a refusal names that a form could fill: written by the user, not computed. */
export function fillableFields(entity: ClientEntityModel, refusal: Refusal) {
  const named = new Set(refusal.reasons.map((reason) => reason.field));
  return formFields(entity).filter((field) => named.has(field.name) && field.computed === undefined && !field.readOnly);
}

export interface RefusalDialogProps {
  refusal: Refusal | null;
  stage: string;
  onClose: () => void;
  /** With `record` and `onSaveAndMove`: the missing fields are asked for. */
  entity?: ClientEntityModel;
  /** The record as the move sent it (on an edit page, with the unsaved values). */
  record?: RaRecord;
  onSaveAndMove?: (values: Record<string, unknown>) => Promise<void>;
  busy?: boolean;
}

function Reasons({ refusal }: { refusal: Refusal }) {
  return (
    <List dense>
      {refusal.reasons.map((reason, index) => (
        <ListItem key={`${reason.field ?? ''}-${index}`} data-field={reason.field}>
          <ListItemText primary={reason.label || reason.message} secondary={reason.label ? reason.message : undefined} />
        </ListItem>
      ))}
    </List>
  );
}

export function RefusalDialog({ refusal, stage, onClose, entity, record, onSaveAndMove, busy = false }: RefusalDialogProps) {
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  const fields = refusal && entity && record && onSaveAndMove ? fillableFields(entity, refusal) : [];
  return (
    <Dialog open={!!refusal} onClose={onClose} fullWidth maxWidth="sm" data-testid="refusal-dialog">
      <DialogTitle>{t('workflow.move_refused', { stage })}</DialogTitle>
      {fields.length > 0 && refusal && entity && record && onSaveAndMove ? (
        <>
          <DialogContent sx={{ pb: 0 }}>
            <Alert severity="warning">{refusal.message}</Alert>
            <Reasons refusal={refusal} />
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {ui('refusal_fix.intro')}
            </Typography>
          </DialogContent>
          {/* Keyed by the record's version: after a save, the inputs start from the saved record. */}
          <FieldsDialogForm
            key={String(record.version ?? '')}
            entity={entity}
            fields={fields}
            record={record}
            onSubmit={onSaveAndMove}
            onCancel={onClose}
            submitLabel={busy ? ui('refusal_fix.saving') : ui('refusal_fix.save_and_move')}
            cancelLabel={t('workflow.close')}
            submitting={busy}
          />
        </>
      ) : (
        <>
          <DialogContent>
            {refusal && <Alert severity="warning">{refusal.message}</Alert>}
            {refusal && <Reasons refusal={refusal} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('workflow.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
