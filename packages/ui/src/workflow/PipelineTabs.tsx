/** The board's choice of pipeline, when a workflow has several: tabs, the choice kept in the page's address (`?pipeline=`). */
import { Tab, Tabs } from '@mui/material';
import type { PipelineModel, WorkflowModel } from '@ra-sales/schema';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { labelIn } from '../i18n/labels.js';

export function usePipelineChoice(workflow: WorkflowModel): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const list = workflow.pipelines?.list;
  const asked = params.get('pipeline');
  const chosen = list ? (list.find((p) => p.id === asked) ?? list[0]!).id : undefined;
  const choose = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('pipeline', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [chosen, choose];
}

export function PipelineTabs({
  pipelines,
  value,
  onChange,
  locale,
}: {
  pipelines: PipelineModel[];
  value: string | undefined;
  onChange: (id: string) => void;
  locale: string;
}) {
  return (
    <Tabs value={value} onChange={(_event, id: string) => onChange(id)} variant="scrollable" data-testid="pipeline-tabs" sx={{ mb: 1 }}>
      {pipelines.map((p) => (
        <Tab key={p.id} value={p.id} label={labelIn(p.label, locale)} data-pipeline={p.id} />
      ))}
    </Tabs>
  );
}
