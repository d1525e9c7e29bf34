/** The gate of the current stage as a checklist: done items ticked, missing ones with the reason. */
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import type { StageModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import type { GateMiss } from './api.js';
import { useSalesTranslate } from './messages.js';
import { serverLabel } from './model.js';

export function GateChecklist({ stage, missing, locale }: { stage: StageModel; missing: GateMiss[]; locale: string }) {
  const t = useSalesTranslate();
  const missingByField = new Map(missing.map((item) => [item.field, item]));
  const items = stage.gateChecklist ?? [];
  const extra = missing.filter((item) => !items.some((gate) => gate.field === item.field));
  return (
    <div data-testid="gate-checklist">
      <Typography variant="subtitle2">{t('workflow.checklist_title', { stage: labelIn(stage.label, locale) })}</Typography>
      {missing.length === 0 && (
        <Typography variant="body2" sx={{ color: 'success.main' }}>
          {t('workflow.checklist_done')}
        </Typography>
      )}
      <List dense disablePadding>
        {items.map((item) => {
          const miss = missingByField.get(item.field);
          return (
            <ListItem key={item.field} data-field={item.field} data-done={!miss} disableGutters>
              <ListItemIcon sx={{ minWidth: 32 }}>
                {miss ? (
                  <RadioButtonUncheckedIcon fontSize="small" color="warning" />
                ) : (
                  <CheckCircleIcon fontSize="small" color="success" />
                )}
              </ListItemIcon>
              <ListItemText primary={labelIn(item.label, locale)} secondary={miss?.message} />
            </ListItem>
          );
        })}
        {extra.map((item) => (
          <ListItem key={item.field} data-field={item.field} data-done={false} disableGutters>
            <ListItemIcon sx={{ minWidth: 32 }}>
              <RadioButtonUncheckedIcon fontSize="small" color="warning" />
            </ListItemIcon>
            <ListItemText primary={serverLabel(item.label, locale, item.field)} secondary={item.message} />
          </ListItem>
        ))}
      </List>
    </div>
  );
}
