/** One entry of a record's activity: an icon for its kind, what happened, who and when, and what changed. */
import type { ComponentType } from 'react';
import { Avatar, Box, Typography } from '@mui/material';
import AddCircleOutline from '@mui/icons-material/AddCircleOutlined';
import ArrowForward from '@mui/icons-material/ArrowForward';
import AttachFile from '@mui/icons-material/AttachFile';
import Block from '@mui/icons-material/Block';
import Cancel from '@mui/icons-material/Cancel';
import CheckCircle from '@mui/icons-material/CheckCircle';
import Edit from '@mui/icons-material/Edit';
import FiberManualRecord from '@mui/icons-material/FiberManualRecord';
import PendingActions from '@mui/icons-material/PendingActions';
import { RecordContextProvider, useLocale, useTranslate } from 'react-admin';
import { formatFileSize, type ClientEntityModel, type ClientSalesModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { rendererFor } from '../resources/elements.js';
import { stageLabel } from '../workflow/model.js';
import type { FieldChange, TimelineEntry } from './timelineApi.js';
import { activityLook, activityText, isActivityEntry } from './activityEntries.js';

type Look = { icon: ComponentType<{ fontSize?: 'small' }>; color: string };

function lookOf(entry: TimelineEntry): Look {
  switch (entry.kind) {
    case 'created':
      return { icon: AddCircleOutline, color: 'success.main' };
    case 'changed':
      return { icon: Edit, color: 'info.main' };
    case 'moved':
      return { icon: ArrowForward, color: 'primary.main' };
    case 'approval_requested':
      return { icon: PendingActions, color: 'warning.main' };
    case 'approval_decided':
      if (entry.status === 'approved') return { icon: CheckCircle, color: 'success.main' };
      return entry.status === 'rejected' ? { icon: Cancel, color: 'error.main' } : { icon: Block, color: 'grey.500' };
    case 'attached':
      return { icon: AttachFile, color: 'secondary.main' };
    default:
      return { icon: FiberManualRecord, color: 'grey.500' };
  }
}

export interface TimelineItemProps {
  entry: TimelineEntry;
  entity: ClientEntityModel;
  model: ClientSalesModel;
}

export function TimelineItem({ entry, entity, model }: TimelineItemProps) {
  const t = useUiTranslate();
  const translate = useTranslate();
  const locale = useLocale();
  const { icon: Icon, color } = isActivityEntry(entry) ? activityLook(entry, model) : lookOf(entry);
  const stage = (id: string) =>
    translate(keys.stage(entity.resource, id), { _: entity.workflow ? stageLabel(entity.workflow, id, locale) : id });
  const fieldLabel = (name: string) => {
    const field = entity.fields.find((f) => f.name === name);
    return translate(keys.field(entity.resource, name), { _: field ? labelIn(field.label, locale) : name });
  };
  const approvalName = (approval: { label: Parameters<typeof labelIn>[0] | null; role: string }) =>
    approval.label
      ? labelIn(approval.label, locale)
      : translate(keys.role(approval.role), { _: model.roles[approval.role]?.en ?? approval.role });

  let title: string;
  let comment: string | null = null;
  switch (entry.kind) {
    case 'created':
      title = t('hub.created');
      break;
    case 'changed':
      title = t('hub.changed', {
        fields: listIn(
          locale,
          entry.changes.map((c) => fieldLabel(c.field)),
        ),
      });
      break;
    case 'moved':
      title =
        entry.from === entry.to
          ? t('hub.stage_note', { stage: stage(entry.to) })
          : t('hub.moved', { from: stage(entry.from), to: stage(entry.to) });
      comment = entry.comment;
      break;
    case 'approval_requested':
      title = t('hub.approval_requested', {
        approval: approvalName(entry.approval),
        from: stage(entry.approval.from),
        to: stage(entry.approval.to),
      });
      break;
    case 'approval_decided':
      title = t(`hub.approval_${entry.status}`, { approval: approvalName(entry.approval) });
      comment = entry.comment;
      break;
    case 'note':
    case 'task_created':
    case 'task_done':
      ({ title, comment } = activityText(entry, model, locale, t));
      break;
    case 'attached':
      title = t('hub.attached', { file: entry.attachment.file_name });
      comment = formatFileSize(entry.attachment.size, locale);
      break;
    default:
      title = String((entry as { kind: unknown }).kind);
  }
  const who = entry.user ? (entry.user.name ?? `#${entry.user.id}`) : t('hub.unknown_user');
  return (
    <Box component="li" data-testid="timeline-entry" data-kind={entry.kind} sx={{ display: 'flex', gap: 1.5, pb: 2 }}>
      <Avatar sx={{ width: 28, height: 28, bgcolor: color }}>
        <Icon fontSize="small" />
      </Avatar>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
          {who} · <time dateTime={entry.at}>{formatInstant(entry.at, locale)}</time>
        </Typography>
        {entry.kind === 'changed' && <ChangeList entity={entity} entryId={entry.id} changes={entry.changes} label={fieldLabel} />}
        {comment && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {comment}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

function ChangeList(props: { entity: ClientEntityModel; entryId: string; changes: FieldChange[]; label: (name: string) => string }) {
  const { entity, entryId, changes, label } = props;
  return (
    <Box component="dl" sx={{ m: 0, mt: 0.5, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1, rowGap: 0.25 }}>
      {changes.map((change) => (
        <Box key={change.field} sx={{ display: 'contents' }} data-testid="timeline-change" data-field={change.field}>
          <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
            {label(change.field)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 0.5 }}>
            <ChangeValue entity={entity} field={change.field} value={change.before} id={`${entryId}-${change.field}-before`} />
            <span aria-hidden="true">→</span>
            <ChangeValue entity={entity} field={change.field} value={change.after} id={`${entryId}-${change.field}-after`} />
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** A value as its field's kind shows it in a list: enum labels, money, dates, the referenced record's name. */
function ChangeValue({ entity, field: name, value, id }: { entity: ClientEntityModel; field: string; value: unknown; id: string }) {
  const t = useUiTranslate();
  const field = entity.fields.find((f) => f.name === name);
  if (value == null || value === '') {
    return (
      <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
        {t('hub.empty_value')}
      </Box>
    );
  }
  if (!field) return <span>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
  return <RecordContextProvider value={{ id, [name]: value }}>{rendererFor(entity, field).list({ entity, field })}</RecordContextProvider>;
}

export function formatInstant(at: string, locale: string): string {
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? at : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

function listIn(locale: string, words: string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
}
