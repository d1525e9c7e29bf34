/**
 * The board on a phone shows one stage at a time: these tabs choose it, each naming its stage with
 * the stage's count and amount (from the stage-totals report); a swipe across the column moves to
 * the stage beside it. The choice is kept in the page's address (`?stage=`), so that coming back
 * from a record returns to its column.
 */
import { useCallback, useRef, type TouchEvent } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import type { StageModel } from '@ra-sales/schema';
import { useSearchParams } from 'react-router-dom';
import { formatCompactMoney } from '../fields/format.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import type { StageTotal } from './reports.js';

/** The stage shown, among `stages` (the first when the address names none of them), and how to choose another. */
export function useStageChoice(stages: readonly StageModel[]): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('stage');
  const chosen = (stages.find((stage) => stage.id === asked) ?? stages[0])?.id;
  const choose = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('stage', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [chosen, choose];
}

/** A horizontal swipe (wider than tall, at least `distance` pixels) calls `onSwipe(+1)` towards the next stage, `-1` back. */
export function useSwipe(onSwipe: (direction: 1 | -1) => void, distance = 60) {
  const start = useRef<{ x: number; y: number } | null>(null);
  return {
    onTouchStart: (event: TouchEvent) => {
      const touch = event.touches[0];
      start.current = touch ? { x: touch.clientX, y: touch.clientY } : null;
    },
    onTouchEnd: (event: TouchEvent) => {
      const touch = event.changedTouches[0];
      const from = start.current;
      start.current = null;
      if (!touch || !from) return;
      const dx = touch.clientX - from.x;
      const dy = touch.clientY - from.y;
      if (Math.abs(dx) >= distance && Math.abs(dx) > 2 * Math.abs(dy)) onSwipe(dx < 0 ? 1 : -1);
    },
  };
}

export interface BoardStageTabsProps {
  stages: readonly StageModel[];
  value: string | undefined;
  onChange: (id: string) => void;
  /** The stage-totals report's rows; absent while loading or when the server lacks the report. */
  totals?: readonly StageTotal[];
  /** Whether the workflow sums an amount field. */
  withAmount: boolean;
  locale: string;
}

export function BoardStageTabs({ stages, value, onChange, totals, withAmount, locale }: BoardStageTabsProps) {
  const ui = useUiTranslate();
  const byStage = new Map(totals?.map((row) => [row.stage, row]));
  return (
    <Tabs
      value={value ?? false}
      onChange={(_event, id: string) => onChange(id)}
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      aria-label={ui('phone.board_stage')}
      data-testid="board-stage-tabs"
      sx={{ mb: 1, width: 0, minWidth: '100%' }}
    >
      {stages.map((stage) => {
        const total = byStage.get(stage.id);
        return (
          <Tab
            key={stage.id}
            value={stage.id}
            data-stage={stage.id}
            sx={{ textTransform: 'none', px: 1.5, minWidth: 0 }}
            label={
              <Box component="span" sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', lineHeight: 1.3 }}>
                <span>{labelIn(stage.label, locale)}</span>
                {total && (
                  <Box component="span" sx={{ typography: 'caption', color: 'text.secondary' }} data-testid="stage-tab-total">
                    {withAmount ? `${total.count} · ${formatCompactMoney(total.amount, locale)}` : total.count}
                  </Box>
                )}
              </Box>
            }
          />
        );
      })}
    </Tabs>
  );
}
