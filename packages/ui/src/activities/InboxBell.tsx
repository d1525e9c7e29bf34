/**
 * The app bar's bell: how many approvals wait for the user's decision and how many of their tasks
 * are due today or late (`GET /me/inbox`), read every minute and after every save; its menu opens
 * the approvals inbox and "My tasks". SalesLayout loads it on demand, like the search box.
 */
import { useEffect, useState } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, type DataProvider } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useAdminPath } from '../layout/basename.js';
import { INBOX_QUERY_KEY, type ActivityApi } from '../hub/activityApi.js';
import { APPROVALS_INBOX_PATH } from '../workflow/routes.js';
import { MY_TASKS_PATH } from './paths.js';

/** How often the count is read again while the page stays open. */
export const INBOX_REFRESH_MS = 60_000;

export function InboxBell() {
  const dataProvider = useDataProvider() as DataProvider & Partial<ActivityApi>;
  const queryClient = useQueryClient();
  const t = useUiTranslate();
  const navigate = useNavigate();
  const adminPath = useAdminPath();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const canAsk = typeof dataProvider.getInbox === 'function';
  const { data } = useQuery({
    queryKey: INBOX_QUERY_KEY,
    queryFn: async () => (await dataProvider.getInbox!()).data,
    enabled: canAsk,
    refetchInterval: INBOX_REFRESH_MS,
  });
  // Any save may settle an approval or a task: the count follows.
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.mutation.state.status === 'success') {
          void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
        }
      }),
    [queryClient],
  );
  if (!canAsk) return null;
  const tasks = (data?.tasks.today ?? 0) + (data?.tasks.overdue ?? 0);
  const count = (data?.approvals ?? 0) + tasks;
  const open = (path: string) => {
    setAnchor(null);
    navigate(adminPath(path));
  };
  const label = t('activities.inbox_count', { smart_count: count });
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="menu"
          onClick={(event) => setAnchor(event.currentTarget)}
          data-testid="inbox-bell"
        >
          <Badge badgeContent={count} color="error" max={99} data-testid="inbox-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} data-testid="inbox-menu">
        <MenuItem onClick={() => open(APPROVALS_INBOX_PATH)} data-testid="inbox-approvals">
          <ListItemText primary={t('activities.inbox_approvals')} secondary={String(data?.approvals ?? 0)} />
        </MenuItem>
        <MenuItem onClick={() => open(MY_TASKS_PATH)} data-testid="inbox-tasks">
          <ListItemText primary={t('activities.inbox_tasks')} secondary={String(tasks)} />
        </MenuItem>
      </Menu>
    </>
  );
}
