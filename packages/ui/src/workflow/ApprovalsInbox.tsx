/**
 * The approvals waiting for the current user's roles (approve / reject with a comment) and the
 * recently decided ones. Pending rows are filtered by role in the browser: the server already
 * limits what a user may read, and an admin sees every pending row. On a phone the tables' rows
 * become stacked blocks.
 */
import { useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  RecordContextProvider,
  ReferenceField,
  Title,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  type RaRecord,
} from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import type { ClientSalesModel } from '@ra-sales/schema';
import { LocaleDateField } from '../fields/display.js';
import { labelIn } from '../i18n/labels.js';
import { useIsPhone } from '../layout/useIsPhone.js';
import { useSalesUser } from '../user/useSalesUser.js';
import type { ApprovalRecord, ApprovalStatus } from './api.js';
import { useSalesTranslate } from './messages.js';
import { serverLabel, stageLabel } from './model.js';
import { TextPromptDialog } from './TextPromptDialog.js';
import { UserReference } from './UserReference.js';

export interface ApprovalsInboxProps {
  model: ClientSalesModel;
  /** Where `requested_by` / `decided_by` point (default: the model's users entity, `users` in model.json). */
  userResource?: string;
  /** Roles that see every pending approval (default `admin`). */
  seeAllRoles?: string[];
}

type Decision = { approval: ApprovalRecord; status: Extract<ApprovalStatus, 'approved' | 'rejected'> };

export function ApprovalsInbox({ model, userResource = model.users?.resource, seeAllRoles = ['admin'] }: ApprovalsInboxProps) {
  const t = useSalesTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [decision, setDecision] = useState<Decision | null>(null);
  const me = useSalesUser();
  const phone = useIsPhone();
  const pending = useGetList<ApprovalRecord & RaRecord>('approvals', {
    filter: { status: 'pending' },
    sort: { field: 'created_at', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  const recent = useGetList<ApprovalRecord & RaRecord>('approvals', {
    filter: {},
    sort: { field: 'updated_at', order: 'DESC' },
    pagination: { page: 1, perPage: 50 },
  });
  const roles = me.data?.roles ?? [];
  const seeAll = roles.some((role) => seeAllRoles.includes(role));
  const mine = (pending.data ?? []).filter((row) => row.status === 'pending' && (seeAll || roles.includes(row.role)));
  const decided = (recent.data ?? []).filter((row) => row.status !== 'pending').slice(0, 20);

  const decide = async ({ approval, status }: Decision, comment: string) => {
    try {
      await dataProvider.update('approvals', { id: approval.id, data: { status, comment }, previousData: approval });
      notify(t(status === 'approved' ? 'approvals.approved' : 'approvals.rejected'), { type: 'success' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    await Promise.all(['approvals', 'history', approval.resource].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  };

  const roleLabel = (role: string) => labelIn(model.roles[role], locale) || role;
  const moveText = (row: ApprovalRecord) => {
    const workflow = model.entities[row.resource]?.workflow;
    const label = (stage: string) => (workflow ? stageLabel(workflow, stage, locale) : stage);
    return `${label(row.from_stage)} → ${label(row.to_stage)}`;
  };
  const recordCell = (row: ApprovalRecord) => {
    const entity = model.entities[row.resource];
    return (
      <>
        <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
          {entity ? labelIn(entity.label, locale) : row.resource}
        </Typography>
        <ReferenceField source="record_id" reference={row.resource} link="show" />
      </>
    );
  };

  const requester = (row: ApprovalRecord) => (
    <>
      {row.requested_by != null && <UserReference source="requested_by" resource={userResource} />}
      <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
        <LocaleDateField source="created_at" showTime />
      </Typography>
    </>
  );
  const decisionButtons = (row: ApprovalRecord & RaRecord) => (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <Button size="small" variant="contained" color="success" onClick={() => setDecision({ approval: row, status: 'approved' })}>
        {t('approvals.approve')}
      </Button>
      <Button size="small" variant="outlined" color="error" onClick={() => setDecision({ approval: row, status: 'rejected' })}>
        {t('approvals.reject')}
      </Button>
    </Stack>
  );
  const statusChip = (row: ApprovalRecord) => (
    <Chip size="small" color={row.status === 'approved' ? 'success' : 'default'} label={t(`approvals.status_${row.status}`)} />
  );

  return (
    <Box sx={{ mt: 1 }} data-testid="approvals-inbox">
      <Title title={t('approvals.title')} />
      <Card sx={{ mb: 2 }}>
        <CardHeader title={t('approvals.pending')} />
        <CardContent>
          {!pending.isPending && mine.length === 0 && (
            <Typography sx={{ color: 'text.secondary' }}>{t('approvals.none_pending')}</Typography>
          )}
          {mine.length > 0 && phone && (
            // On a phone one block per approval, the columns' contents stacked.
            <Stack divider={<Divider flexItem />} spacing={1.5}>
              {mine.map((row) => (
                <RecordContextProvider key={row.id} value={row}>
                  <Box data-testid="pending-approval" data-id={row.id}>
                    {recordCell(row)}
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      {moveText(row)}
                    </Typography>
                    <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
                      {[serverLabel(row.label, locale), roleLabel(row.role)].filter(Boolean).join(' · ')}
                    </Typography>
                    <Box
                      sx={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 1, mt: 0.5, flexWrap: 'wrap' }}
                    >
                      <Box>{requester(row)}</Box>
                      {decisionButtons(row)}
                    </Box>
                  </Box>
                </RecordContextProvider>
              ))}
            </Stack>
          )}
          {mine.length > 0 && !phone && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('approvals.record')}</TableCell>
                  <TableCell>{t('approvals.move')}</TableCell>
                  <TableCell>{t('approvals.role')}</TableCell>
                  <TableCell>{t('approvals.requested_by')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {mine.map((row) => (
                  <RecordContextProvider key={row.id} value={row}>
                    <TableRow data-testid="pending-approval" data-id={row.id}>
                      <TableCell>{recordCell(row)}</TableCell>
                      <TableCell>
                        {moveText(row)}
                        <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
                          {serverLabel(row.label, locale)}
                        </Typography>
                      </TableCell>
                      <TableCell>{roleLabel(row.role)}</TableCell>
                      <TableCell>{requester(row)}</TableCell>
                      <TableCell align="right">{decisionButtons(row)}</TableCell>
                    </TableRow>
                  </RecordContextProvider>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader title={t('approvals.recent')} />
        <CardContent>
          {!recent.isPending && decided.length === 0 && (
            <Typography sx={{ color: 'text.secondary' }}>{t('approvals.none_recent')}</Typography>
          )}
          {decided.length > 0 && phone && (
            <Stack divider={<Divider flexItem />} spacing={1.5}>
              {decided.map((row) => (
                <RecordContextProvider key={row.id} value={row}>
                  <Box data-testid="decided-approval" data-id={row.id}>
                    <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
                      <Box sx={{ minWidth: 0 }}>{recordCell(row)}</Box>
                      {statusChip(row)}
                    </Box>
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      {moveText(row)}
                    </Typography>
                    <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
                      {row.decided_by != null && <UserReference source="decided_by" resource={userResource} />}
                      {row.comment && ` · ${row.comment}`}
                    </Typography>
                  </Box>
                </RecordContextProvider>
              ))}
            </Stack>
          )}
          {decided.length > 0 && !phone && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('approvals.record')}</TableCell>
                  <TableCell>{t('approvals.move')}</TableCell>
                  <TableCell>{t('approvals.status')}</TableCell>
                  <TableCell>{t('approvals.decided_by')}</TableCell>
                  <TableCell>{t('approvals.comment')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {decided.map((row) => (
                  <RecordContextProvider key={row.id} value={row}>
                    <TableRow data-testid="decided-approval" data-id={row.id}>
                      <TableCell>{recordCell(row)}</TableCell>
                      <TableCell>{moveText(row)}</TableCell>
                      <TableCell>{statusChip(row)}</TableCell>
                      <TableCell>{row.decided_by != null && <UserReference source="decided_by" resource={userResource} />}</TableCell>
                      <TableCell>{row.comment}</TableCell>
                    </TableRow>
                  </RecordContextProvider>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <TextPromptDialog
        open={!!decision}
        title={decision ? t(decision.status === 'approved' ? 'approvals.approve_title' : 'approvals.reject_title') : ''}
        label={t('approvals.comment')}
        minLength={decision?.status === 'rejected' ? 1 : 0}
        confirmLabel={decision ? t(decision.status === 'approved' ? 'approvals.approve' : 'approvals.reject') : undefined}
        onCancel={() => setDecision(null)}
        onConfirm={(comment) => {
          const current = decision;
          setDecision(null);
          if (current) void decide(current, comment);
        }}
      />
    </Box>
  );
}
