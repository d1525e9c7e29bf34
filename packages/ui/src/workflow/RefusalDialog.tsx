/** Shows why the server refused a move: its message and, per field, what is missing. */
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { useSalesTranslate } from './messages.js';
import type { Refusal } from './refusal.js';

export function RefusalDialog({ refusal, stage, onClose }: { refusal: Refusal | null; stage: string; onClose: () => void }) {
  const t = useSalesTranslate();
  return (
    <Dialog open={!!refusal} onClose={onClose} fullWidth maxWidth="sm" data-testid="refusal-dialog">
      <DialogTitle>{t('workflow.move_refused', { stage })}</DialogTitle>
      <DialogContent>
        {refusal && <Alert severity="warning">{refusal.message}</Alert>}
        <List dense>
          {refusal?.reasons.map((reason, index) => (
            <ListItem key={`${reason.field ?? ''}-${index}`} data-field={reason.field}>
              <ListItemText primary={reason.label || reason.message} secondary={reason.label ? reason.message : undefined} />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('workflow.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
