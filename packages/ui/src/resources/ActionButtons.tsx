/**
 * The actions of `x-actions` on the screens: one button per action offered on the record (show
 * page), one bulk button per `bulk` action (list). Each asks for confirmation, naming what it
 * creates, then calls the data provider's `runAction` / `runBulkAction`; the server decides.
 */
import { withInputSlots } from '../fields/muiCompat.js';
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  TextField,
  Tooltip,
} from '@mui/material';
import NextPlanIcon from '@mui/icons-material/NextPlan';
import {
  Button as RaButton,
  TopToolbar,
  useDataProvider,
  useListContext,
  useLocale,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
  type HttpError,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { actionOffered, type ActionModel, type ClientEntityModel, type ClientSalesModel } from '@ra-sales/schema';
import type { BulkActionOutcome, SalesDataMethods } from '../data/dataProvider.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { ShowRecordActions } from '../rules/RecordButtons.js';
import { inWriteScope } from '../rules/recordAccess.js';
import { useRuleUser } from '../user/ruleUser.js';
import { readRefusal, type Refusal } from '../workflow/refusal.js';

type ActionsDataProvider = Pick<SalesDataMethods, 'runAction' | 'runBulkAction'>;

export interface ActionButtonsProps {
  entity: ClientEntityModel;
  /** Names the created resources in the dialog when the i18n messages do not. */
  model?: ClientSalesModel;
  /** The record (default: the record in context). */
  record?: RaRecord;
}

/** The action's label and description in the UI language (the i18n messages first, then the schema). */
function useActionText(entity: ClientEntityModel, action: ActionModel) {
  const translate = useTranslate();
  const locale = useLocale();
  return {
    label: translate(keys.action(entity.resource, action.name), { _: labelIn(action.label, locale) }),
    description: action.description
      ? translate(keys.actionHelp(entity.resource, action.name), { _: labelIn(action.description, locale) })
      : '',
  };
}

/** What the action creates, one line per step: `Customer`, `Contact (one per item)`, `Opportunity (if needed)`. */
function useStepLabels(action: ActionModel, model?: ClientSalesModel): string[] {
  const translate = useTranslate();
  const locale = useLocale();
  const t = useUiTranslate();
  return action.creates.map((step) => {
    const fallback = labelIn(model?.entities[step.resource]?.label, locale) || step.resource;
    const name = translate(keys.resourceName(step.resource), { smart_count: 1, _: fallback });
    const notes = [step.each !== undefined && t('actions.one_per_item'), step.when !== undefined && t('actions.if_needed')].filter(Boolean);
    return notes.length ? `${name} (${notes.join(', ')})` : name;
  });
}

/** Whether the user's roles may run the action at all, whatever the record's stage (the list's bulk buttons). */
export function actionOfferedToRoles(entity: ClientEntityModel, action: ActionModel, roles: readonly string[]): boolean {
  const { stages: _anyStage, ...anyStage } = action;
  return actionOffered(entity, anyStage, {}, roles);
}

/**
 * One button per action of the entity offered on the record (its stage, the user's roles — the
 * shared `actionOffered` rule). An action on a record the user may not write shows disabled,
 * saying why. Nothing while the user is being fetched.
 */
export function ActionButtons({ entity, model, record: recordProp }: ActionButtonsProps) {
  const contextRecord = useRecordContext();
  const record = recordProp ?? contextRecord;
  const { user, known, isPending } = useRuleUser();
  const t = useUiTranslate();
  const actions = Object.values(entity.actions ?? {});
  if (!record || isPending || actions.length === 0) return null;
  const offered = actions.filter((action) => actionOffered(entity, action, record, user.roles));
  const blocked = known && !inWriteScope(entity, user, record, model?.users?.resource) ? t('actions.not_writable') : undefined;
  return (
    <>
      {offered.map((action) => (
        <ActionButton key={action.name} entity={entity} action={action} record={record} model={model} disabledReason={blocked} />
      ))}
    </>
  );
}

interface ActionButtonProps {
  entity: ClientEntityModel;
  action: ActionModel;
  record: RaRecord;
  model?: ClientSalesModel;
  disabledReason?: string;
}

function ActionButton({ entity, action, record, model, disabledReason }: ActionButtonProps) {
  const dataProvider = useDataProvider() as unknown as ActionsDataProvider;
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const locale = useLocale();
  const t = useUiTranslate();
  const { label, description } = useActionText(entity, action);
  const steps = useStepLabels(action, model);
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const run = async (comment: string) => {
    setRunning(true);
    try {
      const { data } = await dataProvider.runAction(entity.resource, { id: record.id, name: action.name, ...(comment && { comment }) });
      setOpen(false);
      notify(t('actions.done', { action: label }), { type: 'success' });
      if (data.opens) redirect('show', data.opens.resource, data.opens.id);
      refresh();
    } catch (error) {
      setOpen(false);
      setRefusal(readRefusal(error, entity, locale));
    } finally {
      setRunning(false);
    }
  };

  const button = (
    <MuiButton
      size="small"
      startIcon={<NextPlanIcon />}
      disabled={!!disabledReason || running}
      onClick={() => setOpen(true)}
      data-testid={`action-${action.name}`}
    >
      {label}
    </MuiButton>
  );
  const tip = disabledReason ?? description;
  return (
    <>
      {tip ? (
        <Tooltip title={tip}>
          {/* A disabled button fires no events: the span carries the tooltip. */}
          <span data-testid={`action-${action.name}-tip`}>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <ActionDialog
        open={open}
        title={t('actions.confirm_title', { action: label })}
        description={description}
        steps={steps}
        updates={Object.keys(action.update).length > 0}
        confirmLabel={label}
        running={running}
        withComment
        onCancel={() => setOpen(false)}
        onConfirm={(comment) => void run(comment)}
      />
      <ActionRefusalDialog refusal={refusal} title={t('actions.refused', { action: label })} onClose={() => setRefusal(null)} />
    </>
  );
}

export interface ActionDialogProps {
  open: boolean;
  title: string;
  description?: string;
  /** The records created, named. */
  steps: string[];
  /** The action also changes the record it runs on. */
  updates?: boolean;
  confirmLabel: string;
  running?: boolean;
  /** Offers an optional comment, passed to `onConfirm`. */
  withComment?: boolean;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

/** Asks before running an action, naming what it creates. */
export function ActionDialog({
  open,
  title,
  description,
  steps,
  updates,
  confirmLabel,
  running,
  withComment,
  onConfirm,
  onCancel,
}: ActionDialogProps) {
  const t = useUiTranslate();
  const [comment, setComment] = useState('');
  const close = (action: () => void) => {
    action();
    setComment('');
  };
  return (
    <Dialog open={open} onClose={() => !running && close(onCancel)} fullWidth maxWidth="sm" data-testid="action-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {description && <DialogContentText>{description}</DialogContentText>}
        <DialogContentText sx={{ mt: 1 }}>{t('actions.creates')}</DialogContentText>
        <List dense data-testid="action-creates">
          {steps.map((step, index) => (
            <ListItem key={`${step}-${index}`}>
              <ListItemText primary={step} />
            </ListItem>
          ))}
        </List>
        {updates && <DialogContentText>{t('actions.updates')}</DialogContentText>}
        {withComment && (
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={t('actions.comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            {...withInputSlots({}, undefined, { 'data-testid': 'action-comment' })}
          />
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={() => close(onCancel)} disabled={running}>
          {t('actions.cancel')}
        </MuiButton>
        <MuiButton
          variant="contained"
          disabled={running}
          onClick={() => close(() => onConfirm(comment.trim()))}
          data-testid="action-confirm"
        >
          {confirmLabel}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/** The server's refusal: its message (already in the UI language) and, per field, what is wrong. */
export function ActionRefusalDialog({ refusal, title, onClose }: { refusal: Refusal | null; title: ReactNode; onClose: () => void }) {
  const t = useUiTranslate();
  return (
    <Dialog open={!!refusal} onClose={onClose} fullWidth maxWidth="sm" data-testid="action-refusal-dialog">
      <DialogTitle>{title}</DialogTitle>
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
        <MuiButton onClick={onClose}>{t('actions.close')}</MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The show page's top toolbar: the entity's action buttons beside Edit and Delete
 * (`ShowRecordActions`), wrapping on a narrow screen. A toolbar with nothing to offer (no
 * action, a locked record) takes no room of its own.
 */
export function ShowActionsToolbar({ entity, model }: { entity: ClientEntityModel; model?: ClientSalesModel }) {
  const hasActions = Object.keys(entity.actions ?? {}).length > 0;
  return (
    <Box
      sx={{
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'flex-end',
        flexWrap: 'wrap',
        // Side by side while they fit (react-admin gives each a whole row on small screens).
        '& > .MuiToolbar-root': { flex: '0 1 auto' },
        '& .MuiToolbar-root:empty': { minHeight: 0, p: 0 },
      }}
    >
      {hasActions && (
        <TopToolbar data-testid="action-buttons" sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          <ActionButtons entity={entity} model={model} />
        </TopToolbar>
      )}
      <ShowRecordActions entity={entity} model={model} />
    </Box>
  );
}

/** The actions of the entity offered on the list for the selected records (`bulk: true`). */
export const bulkActionsOf = (entity: ClientEntityModel): ActionModel[] =>
  Object.values(entity.actions ?? {}).filter((action) => action.bulk);

export interface BulkActionButtonProps {
  entity: ClientEntityModel;
  action: ActionModel;
  model?: ClientSalesModel;
}

/** `"12: message; 13: message"`, the refused records of a bulk action. */
function refusedText(refused: BulkActionOutcome[]): string {
  return refused.map((outcome) => (outcome.message ? `${outcome.id}: ${outcome.message}` : String(outcome.id))).join('; ');
}

/**
 * A bulk action on the selected records: one request, each record in its own transaction on the
 * server; the report says how many were done and why the others were refused. Hidden from a user
 * whose roles may not run it.
 */
export function BulkActionButton({ entity, action, model }: BulkActionButtonProps) {
  const { selectedIds, data, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider() as unknown as ActionsDataProvider;
  const notify = useNotify();
  const refresh = useRefresh();
  const t = useUiTranslate();
  const { user, isPending } = useRuleUser();
  const { label, description } = useActionText(entity, action);
  const steps = useStepLabels(action, model);
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  if (isPending || !actionOfferedToRoles(entity, action, user.roles)) return null;
  // Selected records on this page whose stage does not offer the action are left out before asking
  // (those selected on other pages are the server's to judge).
  const shown = new Map((data ?? []).map((record) => [record.id, record]));
  const skipped = selectedIds.filter((id) => shown.has(id) && !actionOffered(entity, action, shown.get(id)!, user.roles));
  const ids = selectedIds.filter((id) => !skipped.includes(id));

  const run = async (ids: Identifier[], comment: string) => {
    setRunning(true);
    try {
      const { data: results } = await dataProvider.runBulkAction(entity.resource, { ids, name: action.name, ...(comment && { comment }) });
      const done = results.filter((outcome) => outcome.ok).length;
      const refused = results.filter((outcome) => !outcome.ok);
      if (refused.length === 0) notify(t('actions.bulk_done', { action: label, done }), { type: 'success' });
      else {
        const message = t('actions.bulk_report', { action: label, done, refused: refused.length, messages: refusedText(refused) });
        notify(message, { type: done ? 'warning' : 'error', multiLine: true, autoHideDuration: 10_000 });
      }
      onUnselectItems();
    } catch (error) {
      const err = error as HttpError;
      notify((err?.body as { message?: string } | undefined)?.message ?? err?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setRunning(false);
      setOpen(false);
      refresh();
    }
  };

  return (
    <>
      <RaButton
        label={label}
        title={(ids.length === 0 && selectedIds.length > 0 ? t('actions.bulk_none_offered') : description) || undefined}
        disabled={running || ids.length === 0}
        onClick={() => setOpen(true)}
        data-testid={`bulk-action-${action.name}`}
      >
        <NextPlanIcon />
      </RaButton>
      <ActionDialog
        open={open}
        title={t('actions.bulk_confirm', { action: label, smart_count: ids.length })}
        description={[description, skipped.length ? t('actions.bulk_skipped', { smart_count: skipped.length }) : '']
          .filter(Boolean)
          .join(' ')}
        steps={steps}
        updates={Object.keys(action.update).length > 0}
        confirmLabel={label}
        running={running}
        withComment
        onCancel={() => setOpen(false)}
        onConfirm={(comment) => void run(ids, comment)}
      />
    </>
  );
}
