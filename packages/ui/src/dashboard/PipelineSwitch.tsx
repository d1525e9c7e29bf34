/** The pipeline a stage chart shows, chosen in its card's header: one pipeline's stages at a time. */
import { MenuItem, TextField } from '@mui/material';
import type { PipelineModel } from '@ra-sales/schema';
import { withInputSlots } from '../fields/muiCompat.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';

export function PipelineSwitch({
  pipelines,
  value,
  onChange,
  locale,
}: {
  pipelines: PipelineModel[];
  value: string;
  onChange: (id: string) => void;
  locale: string;
}) {
  const ui = useUiTranslate();
  return (
    <TextField
      select
      size="small"
      label={ui('axes.pipeline')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 140, maxWidth: 220 }}
      {...withInputSlots({}, undefined, { 'data-testid': 'stage-chart-pipeline' })}
    >
      {pipelines.map((p) => (
        <MenuItem key={p.id} value={p.id} data-pipeline={p.id}>
          {labelIn(p.label, locale)}
        </MenuItem>
      ))}
    </TextField>
  );
}
