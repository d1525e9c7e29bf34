/** One stage of the board: header with count and amount, a page of cards, "load more". */
import { memo, useState, type DragEvent } from 'react';
import { Box, Button, Chip, CircularProgress, Paper, Tooltip, Typography } from '@mui/material';
import { useInfiniteGetList, type Identifier, type RaRecord } from 'react-admin';
import type { StageModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { BoardCard } from './BoardCard.js';
import { isEstimatedTotal } from '../data/totalExactness.js';
import { formatMoney, formatNumber } from '../fields/format.js';
import { useSalesTranslate } from './messages.js';
import type { WorkflowEntity } from './model.js';
import { hasProbabilities } from './reports.js';

/** Cards fetched per column and per "load more". */
export const CARDS_PER_PAGE = 20;

export interface BoardColumnProps {
  entity: WorkflowEntity;
  stage: StageModel;
  filter: Record<string, unknown>;
  locale: string;
  /** The stage's records, counted exactly by the stage-totals report (undefined until it answers). */
  count?: number;
  /** Sum of the amount field over the whole stage, from the stage-totals report; null: the server lacks the report. */
  amount: number | null | undefined;
  /** The stage's weighted amount (amount × probability), from the same report; null when unknown. */
  weighted?: number | null;
  /** While a card is dragged: whether it may be dropped here (undefined: nothing dragged). */
  accepts: boolean | undefined;
  moving: Identifier | null;
  onDragStart: (record: RaRecord) => void;
  onDragEnd: () => void;
  onDrop: (stage: string) => void;
  onMove: (record: RaRecord, to: string) => void;
  /** Takes the whole width and grows with its cards, the page scrolling (the one column of a phone). */
  fill?: boolean;
}

/** Memoised: while a card is dragged only the columns whose `accepts` changed render again. */
export const BoardColumn = memo(function BoardColumn(props: BoardColumnProps) {
  const {
    entity,
    stage,
    filter,
    locale,
    count: stageCount,
    amount,
    weighted,
    accepts,
    moving,
    onDragStart,
    onDragEnd,
    onDrop,
    onMove,
    fill,
  } = props;
  const t = useSalesTranslate();
  const [over, setOver] = useState(false);
  const { data, total, meta, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteGetList(entity.resource, {
    filter: { ...filter, [entity.workflow.field]: stage.id },
    sort: entity.sort,
    pagination: { page: 1, perPage: CARDS_PER_PAGE },
  });
  const records = data?.pages.flatMap((page) => page.data) ?? [];
  // The report's count is exact; the list's total may be the server's estimate (X-Total-Count-Exact).
  const count = stageCount ?? total ?? records.length;
  const approximate = stageCount === undefined && isEstimatedTotal(meta);

  const handleDragOver = (event: DragEvent) => {
    if (!accepts) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (accepts) onDrop(stage.id);
  };

  return (
    <Paper
      variant="outlined"
      data-testid="board-column"
      data-stage={stage.id}
      data-accepts={accepts === undefined ? undefined : String(accepts)}
      onDragOver={handleDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={handleDrop}
      sx={{
        ...(fill ? { flex: 1, minWidth: 0 } : { width: 260, minWidth: 260, maxHeight: 'calc(100vh - 150px)' }),
        display: 'flex',
        flexDirection: 'column',
        bgcolor: over ? 'action.selected' : stage.kind === 'open' ? 'background.default' : 'action.hover',
        opacity: accepts === false ? 0.45 : 1,
        transition: 'opacity 120ms',
      }}
    >
      <Box sx={{ p: 1.25, borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
          <Typography variant="subtitle2" noWrap title={labelIn(stage.label, locale)}>
            {labelIn(stage.label, locale)}
          </Typography>
          <Chip size="small" label={approximate ? `≈${formatNumber(count, locale)}` : count} data-testid="column-count" />
        </Box>
        {entity.workflow.amountField && (
          <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 1 }}>
            <Typography variant="caption" sx={{ color: 'text.secondary' }} data-testid="column-amount">
              {amount === undefined ? '…' : amount === null ? '—' : formatMoney(amount, locale)}
            </Typography>
            {hasProbabilities(entity) && weighted !== null && (
              <Tooltip title={t('workflow.weighted_help', { probability: stage.probability ?? '—' })}>
                <Typography variant="caption" sx={{ color: 'text.secondary' }} data-testid="column-weighted" noWrap>
                  {t('workflow.weighted', { amount: weighted === undefined ? '…' : formatMoney(weighted, locale) })}
                </Typography>
              </Tooltip>
            )}
          </Box>
        )}
      </Box>
      <Box sx={{ p: 1, overflowY: 'auto', flex: 1, minHeight: 80 }}>
        {isPending && <CircularProgress size={20} />}
        {!isPending && records.length === 0 && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('workflow.empty_column')}
          </Typography>
        )}
        {records.map((record) => (
          <BoardCard
            key={record.id}
            entity={entity}
            record={record}
            locale={locale}
            moving={moving === record.id}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onMove={onMove}
            opensOnTap={fill}
          />
        ))}
        {hasNextPage && (
          <Button size="small" fullWidth disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('workflow.load_more', { count: count - records.length })}
          </Button>
        )}
      </Box>
    </Paper>
  );
});
