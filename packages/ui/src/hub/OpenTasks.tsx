/** The record's open tasks by due date, each ticked off with its checkbox. */
import type { ReactNode } from 'react';
import { Box, Checkbox, FormControlLabel, Typography } from '@mui/material';
import { useGetList, useLocale, useNotify, useUpdate, type Identifier, type RaRecord } from 'react-admin';
import { localToday, taskDue } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import type { TaskRecord } from './activityApi.js';
import { formatDay } from './activityEntries.js';
import { useActivityRefresh } from './useActivityRefresh.js';

export interface OpenTasksProps {
  resource: string;
  recordId: Identifier;
}

export function OpenTasks({ resource, recordId }: OpenTasksProps) {
  const t = useUiTranslate();
  const { data = [], isPending } = useGetList<TaskRecord & RaRecord>('tasks', {
    filter: { resource, record_id: recordId, done: false },
    sort: { field: 'due_date', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  return (
    <Box component="section" aria-label={t('activities.open_tasks')} data-testid="open-tasks">
      <Typography variant="subtitle2" component="h4">
        {t('activities.open_tasks')}
      </Typography>
      {!isPending && data.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('activities.no_open_tasks')}
        </Typography>
      )}
      {data.map((task) => (
        <TaskCheck key={task.id} task={task} refreshOf={{ resource, recordId }} />
      ))}
    </Box>
  );
}

/** One task with its done checkbox, its due date (red when late) and, when given, a link to its record. */
export function TaskCheck({
  task,
  refreshOf,
  link,
}: {
  task: TaskRecord & RaRecord;
  refreshOf: { resource: string; recordId: Identifier };
  link?: ReactNode;
}) {
  const t = useUiTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useActivityRefresh(refreshOf.resource, refreshOf.recordId);
  const [update, { isPending }] = useUpdate();
  const due = taskDue(task, localToday());
  const toggle = () =>
    update(
      'tasks',
      { id: task.id, data: { done: !task.done }, previousData: task },
      {
        onSuccess: refresh,
        onError: (error) => notify(t('activities.failed', { message: (error as Error).message }), { type: 'error' }),
      },
    );
  return (
    <Box data-testid="task" data-due={due} sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}>
      <FormControlLabel
        sx={{ mr: 0, minWidth: 0 }}
        control={
          <Checkbox
            size="small"
            checked={task.done}
            disabled={isPending}
            onChange={toggle}
            title={t(task.done ? 'activities.mark_open' : 'activities.mark_done', { title: task.title })}
          />
        }
        label={
          <Typography variant="body2" sx={{ textDecoration: task.done ? 'line-through' : undefined }}>
            {task.title}
          </Typography>
        }
      />
      <Typography variant="caption" sx={{ color: due === 'overdue' ? 'error.main' : 'text.secondary' }}>
        {task.due_date ? formatDay(task.due_date, locale) : t('activities.no_due_date')}
      </Typography>
      {link}
    </Box>
  );
}
