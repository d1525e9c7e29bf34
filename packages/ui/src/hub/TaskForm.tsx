/** Adds a task on the record: a title, a due date (today by default) and whom it is for (the user by default). */
import { useState } from 'react';
import { Box, Button, MenuItem, TextField } from '@mui/material';
import { useCreate, useGetList, useNotify, type Identifier } from 'react-admin';
import { localToday, type ClientSalesModel } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useSalesUser } from '../user/useSalesUser.js';
import { useActivityRefresh } from './useActivityRefresh.js';

/** Users offered as assignees: the users entity's records the user may read, by name. */
const ASSIGNEES_SHOWN = 200;

export interface TaskFormProps {
  model: ClientSalesModel;
  resource: string;
  recordId: Identifier;
}

export function TaskForm({ model, resource, recordId }: TaskFormProps) {
  const t = useUiTranslate();
  const notify = useNotify();
  const refresh = useActivityRefresh(resource, recordId);
  const me = useSalesUser().data;
  const users = model.users?.resource;
  const nameField = (users && model.entities[users]?.recordRepresentation) || 'id';
  const { data: people = [] } = useGetList(
    users ?? 'salespeople',
    { pagination: { page: 1, perPage: ASSIGNEES_SHOWN }, sort: { field: nameField, order: 'ASC' } },
    { enabled: Boolean(users), staleTime: 60_000 },
  );
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(localToday);
  const [assignee, setAssignee] = useState<string>('');
  const [create, { isPending }] = useCreate();
  const chosen = assignee || (me?.id != null ? String(me.id) : '');

  const submit = () =>
    create(
      'tasks',
      {
        data: {
          resource,
          record_id: recordId,
          title: title.trim(),
          due_date: due || null,
          ...(chosen ? { assignee_id: Number(chosen) } : {}),
        },
      },
      {
        onSuccess: () => {
          setTitle('');
          refresh();
          notify(t('activities.task_added'), { type: 'success' });
        },
        onError: (error) => notify(t('activities.failed', { message: (error as Error).message }), { type: 'error' }),
      },
    );

  return (
    <Box
      component="form"
      data-testid="task-form"
      aria-label={t('activities.new_task')}
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim()) submit();
      }}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
    >
      <TextField
        label={t('activities.task_title')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        size="small"
        sx={{ flex: '2 1 14rem' }}
      />
      <TextField
        type="date"
        label={t('activities.due_date')}
        value={due}
        onChange={(event) => setDue(event.target.value)}
        size="small"
        sx={{ flex: '1 1 9rem' }}
      />
      {users && (
        <TextField
          select
          label={t('activities.assignee')}
          value={people.some((p) => String(p.id) === chosen) ? chosen : ''}
          onChange={(event) => setAssignee(event.target.value)}
          size="small"
          sx={{ flex: '1 1 10rem' }}
        >
          {people.map((person) => (
            <MenuItem key={person.id} value={String(person.id)}>
              {String(person[nameField] ?? `#${person.id}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Button type="submit" variant="outlined" disabled={isPending || !title.trim()}>
        {t('activities.add_task')}
      </Button>
    </Box>
  );
}
