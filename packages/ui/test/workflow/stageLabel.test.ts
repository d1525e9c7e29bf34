import { describe, expect, it } from 'vitest';
import { stageLabel } from '../../src/workflow/model.js';
import { testModel } from './support.js';

describe('stageLabel', () => {
  const workflow = () => testModel().entities.opportunities!.workflow!;

  it('names a stage of the workflow in the UI language, a retired one as it was named, an unknown one by its id', () => {
    const retired = { ...workflow(), retired: [{ id: 'abandoned_old', into: 'lost', label: { en: 'Abandoned', 'zh-CN': '已放弃' } }] };
    const first = retired.stages[0]!;
    expect(stageLabel(retired, first.id, 'zh-CN')).toBe(first.label['zh-CN']);
    expect(stageLabel(retired, 'abandoned_old', 'zh-CN')).toBe('已放弃');
    expect(stageLabel(retired, 'abandoned_old', 'en')).toBe('Abandoned');
    expect(stageLabel(workflow(), 'abandoned_old', 'en')).toBe('abandoned_old');
  });
});
