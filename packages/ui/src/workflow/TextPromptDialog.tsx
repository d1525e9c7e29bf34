/** A dialog asking for one piece of text (a lost reason, an approval comment) before acting. */
import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useSalesTranslate } from './messages.js';
import { withInputSlots } from '../fields/muiCompat.js';

export interface TextPromptDialogProps {
  open: boolean;
  title: ReactNode;
  label: string;
  /** Text is required with at least this many characters (0 = optional). */
  minLength?: number;
  confirmLabel?: string;
  onConfirm: (text: string) => void;
  onCancel: () => void;
}

export function TextPromptDialog({ open, title, label, minLength = 0, confirmLabel, onConfirm, onCancel }: TextPromptDialogProps) {
  const t = useSalesTranslate();
  const [text, setText] = useState('');
  const valid = text.trim().length >= minLength;
  const close = (action: () => void) => {
    action();
    setText('');
  };
  return (
    <Dialog open={open} onClose={() => close(onCancel)} fullWidth maxWidth="sm" data-testid="text-prompt-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          label={label}
          value={text}
          onChange={(event) => setText(event.target.value)}
          required={minLength > 0}
          helperText={minLength > 1 ? t('workflow.reason_help', { min: minLength }) : undefined}
          {...withInputSlots({}, undefined, { 'data-testid': 'text-prompt-input' })}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => close(onCancel)}>{t('workflow.cancel')}</Button>
        <Button variant="contained" disabled={!valid} onClick={() => close(() => onConfirm(text.trim()))}>
          {confirmLabel ?? t('workflow.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
