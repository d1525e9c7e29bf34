/**
 * A record's activity, newest first (`GET /<resource>/<id>/timeline`): its field changes, stage
 * moves and approvals, each with who and when; older entries a page at a time.
 */
import { Box, Button, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, type DataProvider } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import type { TimelineApi, TimelinePage } from './timelineApi.js';
import { TimelineItem } from './TimelineItem.js';

/** Entries fetched per page. */
export const TIMELINE_PAGE = 20;

export interface ActivityTimelineProps {
  model: ClientSalesModel;
  entity: ClientEntityModel;
}

export function ActivityTimeline({ model, entity }: ActivityTimelineProps) {
  const record = useRecordContext();
  const t = useUiTranslate();
  const dataProvider = useDataProvider() as DataProvider & Partial<TimelineApi>;
  const getTimeline = dataProvider.getTimeline;
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery({
    // The record's version: a save or a move on the page shows at once.
    queryKey: [entity.resource, 'getTimeline', String(record?.id), record?.version],
    queryFn: async ({ pageParam }): Promise<TimelinePage> =>
      (await getTimeline!(entity.resource, { id: record!.id, before: pageParam, limit: TIMELINE_PAGE })).data,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: typeof getTimeline === 'function' && record?.id != null,
  });
  // A host's data provider without the method: the page simply has no timeline.
  if (typeof getTimeline !== 'function' || !record) return null;
  const entries = data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Box component="section" aria-label={t('hub.activity')} data-testid="activity-timeline">
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {t('hub.activity')}
      </Typography>
      {error ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('hub.activity_unavailable')}
        </Typography>
      ) : (
        !isPending &&
        entries.length === 0 && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('hub.activity_empty')}
          </Typography>
        )
      )}
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {entries.map((entry) => (
          <TimelineItem key={entry.id} entry={entry} entity={entity} model={model} />
        ))}
      </Box>
      {hasNextPage && (
        <Button size="small" onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {t('hub.load_more')}
        </Button>
      )}
    </Box>
  );
}
