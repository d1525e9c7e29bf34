/**
 * "My tasks": the user's tasks on every record, overdue, due today, upcoming, and the last ones
 * done; a checkbox ticks each off, a link opens its record (named by its representation).
 */
import { Box, Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, useGetList, useGetManyAggregate, useResourceDefinitions, type Identifier, type RaRecord } from 'react-admin';
import { localToday, taskDue, type ClientSalesModel, type TaskDue } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useAdminPath } from '../layout/basename.js';
import type { TaskRecord } from '../hub/activityApi.js';
import { TaskCheck } from '../hub/OpenTasks.js';
import { useSalesUser } from '../user/useSalesUser.js';

/** Open tasks shown at most, and the done ones after them. */
const OPEN_SHOWN = 200;
const DONE_SHOWN = 20;
const GROUPS: TaskDue[] = ['overdue', 'today', 'upcoming', 'done'];

type Task = TaskRecord & RaRecord;

export interface MyTasksProps {
  model: ClientSalesModel;
}

export function MyTasks({ model }: MyTasksProps) {
  const t = useUiTranslate();
  const me = useSalesUser();
  const mine = me.data?.id;
  const enabled = mine != null;
  const open = useGetList<Task>(
    'tasks',
    { filter: { assignee_id: mine, done: false }, sort: { field: 'due_date', order: 'ASC' }, pagination: { page: 1, perPage: OPEN_SHOWN } },
    { enabled },
  );
  const done = useGetList<Task>(
    'tasks',
    { filter: { assignee_id: mine, done: true }, sort: { field: 'done_at', order: 'DESC' }, pagination: { page: 1, perPage: DONE_SHOWN } },
    { enabled },
  );
  const today = localToday();
  const tasks = [...(open.data ?? []), ...(done.data ?? [])];
  return (
    <Box data-testid="my-tasks" sx={{ py: 2, display: 'grid', gap: 2 }}>
      <Title title={t('activities.my_tasks')} />
      {GROUPS.map((group) => {
        const members = tasks.filter((task) => taskDue(task, today) === group);
        return (
          <Card key={group} component="section" aria-label={t(`activities.group_${group}`)} data-group={group} variant="outlined">
            <CardContent>
              <Typography
                variant="subtitle1"
                component="h2"
                sx={{ color: group === 'overdue' && members.length ? 'error.main' : undefined }}
              >
                {t(`activities.group_${group}`)} ({members.length})
              </Typography>
              {members.length === 0 && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t('activities.no_tasks')}
                </Typography>
              )}
              {members.map((task) => (
                <TaskCheck
                  key={task.id}
                  task={task}
                  refreshOf={{ resource: task.resource, recordId: task.record_id }}
                  link={<RecordLink model={model} resource={task.resource} id={task.record_id} />}
                />
              ))}
            </CardContent>
          </Card>
        );
      })}
    </Box>
  );
}

/** The task's record by its representation; one request per resource for the whole page. */
function RecordLink({ model, resource, id }: { model: ClientSalesModel; resource: string; id: Identifier }) {
  const adminPath = useAdminPath();
  const definitions = useResourceDefinitions();
  const field = model.entities[resource]?.recordRepresentation;
  const { data } = useGetManyAggregate(resource, { ids: [id] }, { enabled: Boolean(model.entities[resource]) });
  const name = field && data?.[0]?.[field] != null ? String(data[0][field]) : `#${id}`;
  const page = definitions[resource]?.hasShow ? 'show' : undefined;
  return (
    <MuiLink
      component={Link}
      to={adminPath(`/${resource}/${encodeURIComponent(String(id))}${page ? `/${page}` : ''}`)}
      variant="body2"
      data-testid="task-record"
    >
      {name}
    </MuiLink>
  );
}
