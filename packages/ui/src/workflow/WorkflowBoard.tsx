/**
 * Kanban of a workflow entity: one column per stage in schema order.
 *
 * Scale: every column is its own paginated getList filtered by stage (CARDS_PER_PAGE cards,
 * then "load more"), so the DOM holds at most stages × 20 cards at first however many records
 * there are. A column's count is its list's Content-Range total (exact, and refreshed with the
 * list); the amount sums come from one stage-totals report (`GET /api/reports/stage-totals`),
 * computed in the browser from bounded pages until the server has it. A move is pessimistic:
 * the card stays where it is until the server accepts, then the lists are refetched.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Box, GlobalStyles } from '@mui/material';
import { Title, useDataProvider, useLocaleState, type RaRecord } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { type ClientSalesModel, pipelineView } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useIsPhone } from '../layout/useIsPhone.js';
import { BoardColumn } from './BoardColumn.js';
import { BoardStageTabs, useStageChoice, useSwipe } from './BoardStageTabs.js';
import { PipelineTabs, usePipelineChoice } from './PipelineTabs.js';
import { useSalesTranslate } from './messages.js';
import { targetsOf, workflowEntity } from './model.js';
import { retryUnlessUnavailable, stageTotals } from './reports.js';
import { useStageMove } from './useStageMove.js';

/** The page's own horizontal overscroll turns off the history gesture (Chrome, Edge; Safari's edge swipe is the system's). */
const NO_SWIPE_NAVIGATION = { 'html, body': { overscrollBehaviorX: 'none' } } as const;

export interface WorkflowBoardProps {
  model: ClientSalesModel;
  resource: string;
  /** Extra list filter applied to every column and to the totals (e.g. an owner). */
  filter?: Record<string, unknown>;
  /** Set a page title (default true; false when embedded in another page). */
  title?: boolean;
}

export function useStageTotals(model: ClientSalesModel, resource: string, filter: Record<string, unknown> = {}) {
  const dataProvider = useDataProvider();
  const entity = workflowEntity(model, resource);
  return useQuery({
    queryKey: [resource, 'stageTotals', filter],
    queryFn: () => stageTotals(dataProvider, entity, filter),
    // Without the server's report the columns show no totals: the browser does not count them.
    retry: retryUnlessUnavailable,
  });
}

const NO_FILTER = {};

export function WorkflowBoard({ model, resource, filter: given = NO_FILTER, title = true }: WorkflowBoardProps) {
  const entity = workflowEntity(model, resource);
  const [locale] = useLocaleState();
  const t = useSalesTranslate();
  const [dragged, setDragged] = useState<RaRecord | null>(null);
  const { requestMove, moving, dialogs } = useStageMove(entity);
  const [pipeline, setPipeline] = usePipelineChoice(entity.workflow);
  // With several pipelines the board shows one: its stages as columns, its records in them.
  const stages = useMemo(() => pipelineView(entity.workflow, pipeline).stages, [entity, pipeline]);
  const pipelineField = entity.workflow.pipelines?.field;
  const filter = useMemo(() => (pipelineField ? { ...given, [pipelineField]: pipeline } : given), [given, pipelineField, pipeline]);
  const totals = useStageTotals(model, resource, filter);
  const amounts = useMemo(() => new Map(totals.data?.data.map((row) => [row.stage, row.amount])), [totals.data]);
  // The server's report failed (or the server lacks it): the totals say so instead of loading on.
  const unavailable = totals.error ? null : undefined;
  const weights = useMemo(() => new Map(totals.data?.data.map((row) => [row.stage, row.weighted ?? null])), [totals.data]);
  const counts = useMemo(() => new Map(totals.data?.data.map((row) => [row.stage, row.count])), [totals.data]);
  const targets = useMemo(
    () => (dragged ? targetsOf(entity.workflow, dragged[entity.workflow.field] as string) : undefined),
    [dragged, entity],
  );
  // Stable callbacks, so that memoised columns and cards do not render again on every drag.
  const latest = useRef({ dragged, requestMove });
  latest.current = { dragged, requestMove };
  const onDragEnd = useCallback(() => setDragged(null), []);
  const onDrop = useCallback((stage: string) => {
    const { dragged: record, requestMove: move } = latest.current;
    if (record) move(record, stage);
    setDragged(null);
  }, []);
  const onMove = useCallback((record: RaRecord, to: string) => latest.current.requestMove(record, to), []);
  const name = labelIn(entity.pluralLabel, locale);
  // On a phone, one column at a time: chosen by the stage tabs or a swipe; cards move through their menu.
  const phone = useIsPhone();
  const [shownStage, showStage] = useStageChoice(stages);
  const swipe = useSwipe((direction) => {
    const next = stages[stages.findIndex((stage) => stage.id === shownStage) + direction];
    if (next) showStage(next.id);
  });
  const columns = phone ? stages.filter((stage) => stage.id === shownStage) : stages;

  return (
    <Box sx={{ mt: 1 }} data-testid="workflow-board">
      {title && <Title title={t('workflow.board_title', { name })} />}
      {entity.workflow.pipelines && (
        <PipelineTabs pipelines={entity.workflow.pipelines.list} value={pipeline} onChange={setPipeline} locale={locale} />
      )}
      {/* A sideways swipe near the edge of a phone's screen is also the browser's "back": not on the board. */}
      {phone && <GlobalStyles styles={NO_SWIPE_NAVIGATION} />}
      {phone && (
        <BoardStageTabs
          stages={stages}
          value={shownStage}
          onChange={showStage}
          totals={totals.data?.data}
          withAmount={!!entity.workflow.amountField}
          locale={locale}
        />
      )}
      {/* width 0 + min-width 100%: the columns scroll inside the content area instead of widening the layout */}
      <Box
        {...(phone ? swipe : {})}
        sx={{
          display: 'flex',
          gap: 1.5,
          overflowX: 'auto',
          pb: 2,
          alignItems: 'flex-start',
          minHeight: 400,
          width: 0,
          minWidth: '100%',
          // A sideways swipe is the board's own (the next stage), not a pan the browser may cancel it for.
          ...(phone && { touchAction: 'pan-y' }),
        }}
      >
        {columns.map((stage) => (
          <BoardColumn
            key={stage.id}
            entity={entity}
            stage={stage}
            filter={filter}
            locale={locale}
            count={totals.data ? (counts.get(stage.id) ?? 0) : undefined}
            amount={totals.data ? (amounts.get(stage.id) ?? 0) : unavailable}
            weighted={totals.data ? (weights.get(stage.id) ?? null) : unavailable}
            accepts={targets ? targets.has(stage.id) : undefined}
            moving={moving}
            onDragStart={setDragged}
            onDragEnd={onDragEnd}
            onDrop={onDrop}
            onMove={onMove}
            fill={phone}
          />
        ))}
      </Box>
      {dialogs}
    </Box>
  );
}
