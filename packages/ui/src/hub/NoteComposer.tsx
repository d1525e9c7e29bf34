/** Writes a note, a call or a visit on the record: its kind as chips (the model's kinds), what happened, and when. */
import { useState } from 'react';
import { Box, Button, Chip, TextField } from '@mui/material';
import { useCreate, useLocale, useNotify, type Identifier } from 'react-admin';
import { activityKindsOf, type ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { iconFor } from '../resources/icons.js';
import { useActivityRefresh } from './useActivityRefresh.js';

/** `YYYY-MM-DDTHH:mm` of the browser's clock, what a datetime-local input holds. */
export function localMinute(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface NoteComposerProps {
  model: ClientSalesModel;
  resource: string;
  recordId: Identifier;
}

export function NoteComposer({ model, resource, recordId }: NoteComposerProps) {
  const t = useUiTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useActivityRefresh(resource, recordId);
  const kinds = activityKindsOf(model);
  const [kind, setKind] = useState(kinds[0]?.id ?? 'note');
  const [body, setBody] = useState('');
  const [when, setWhen] = useState(localMinute);
  const [create, { isPending }] = useCreate();
  const kindLabel = (id: string) => labelIn(kinds.find((k) => k.id === id)?.label ?? { en: id }, locale);

  const submit = () => {
    const occurred = new Date(when);
    create(
      'notes',
      {
        data: {
          resource,
          record_id: recordId,
          kind,
          body: body.trim(),
          ...(Number.isNaN(occurred.getTime()) ? {} : { occurred_at: occurred.toISOString() }),
        },
      },
      {
        onSuccess: () => {
          setBody('');
          setWhen(localMinute());
          refresh();
          notify(t('activities.note_added', { kind: kindLabel(kind) }), { type: 'success' });
        },
        onError: (error) => notify(t('activities.failed', { message: (error as Error).message }), { type: 'error' }),
      },
    );
  };

  return (
    <Box
      component="form"
      data-testid="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) submit();
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Box role="radiogroup" aria-label={t('activities.note_kinds')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {kinds.map((option) => {
          const Icon = iconFor(option.icon);
          const selected = option.id === kind;
          return (
            <Chip
              key={option.id}
              role="radio"
              aria-checked={selected}
              data-kind={option.id}
              icon={<Icon />}
              label={labelIn(option.label, locale)}
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'filled' : 'outlined'}
              onClick={() => setKind(option.id)}
            />
          );
        })}
      </Box>
      <TextField
        label={t('activities.body')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        multiline
        minRows={2}
        size="small"
        fullWidth
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <TextField
          type="datetime-local"
          label={t('activities.occurred_at')}
          value={when}
          onChange={(event) => setWhen(event.target.value)}
          size="small"
          sx={{ flex: '1 1 12rem' }}
        />
        <Button type="submit" variant="contained" disabled={isPending || !body.trim()}>
          {t('activities.add_note')}
        </Button>
      </Box>
    </Box>
  );
}
