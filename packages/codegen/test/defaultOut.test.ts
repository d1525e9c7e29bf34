import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, scratch, runCli } from './support.js';

/** An overlay's output goes beside it, never into the default domain's folder unless asked. */
describe('where generate and check --frozen write without --out', () => {
  const schemas = copyFixture();
  const company = scratch('company-');
  const overlay = join(company, 'overlay');
  mkdirSync(join(overlay, 'entities'), { recursive: true });
  writeFileSync(
    join(overlay, 'entities/customer.schema.json'),
    JSON.stringify({ properties: { wechat_id: { type: 'string', maxLength: 60, 'x-label': { en: 'WeChat ID', 'zh-CN': '微信号' } } } }),
  );

  it('with --overlay: the folder "generated" beside the overlay', async () => {
    const { code, stdout } = await runCli(['generate', '--schemas', schemas, '--overlay', overlay]);
    expect(code).toBe(0);
    expect(stdout).toContain(`→ ${join(company, 'generated')}:`);
    expect(readFileSync(join(company, 'generated/model.js'), 'utf8')).toContain('wechat_id');
  });

  it('with several overlays: beside the last one', async () => {
    const second = join(scratch('second-'), 'overlay');
    mkdirSync(second, { recursive: true });
    const { code, stderr } = await runCli(['check', '--frozen', '--schemas', schemas, '--overlay', overlay, '--overlay', second]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Generated files in ${join(second, '..', 'generated')} are out of date`);
  });

  it('--out wins over the overlay rule', async () => {
    const out = join(scratch('out-'), 'elsewhere');
    const { code } = await runCli(['generate', '--schemas', schemas, '--overlay', overlay, '--out', out]);
    expect(code).toBe(0);
    expect(existsSync(join(out, 'model.js'))).toBe(true);
  });

  it('without --overlay: packages/domain', async () => {
    // Read only: --frozen compares the mini fixture's output with packages/domain and writes nothing.
    const { code, stderr } = await runCli(['check', '--frozen', '--schemas', schemas]);
    expect(code).toBe(1);
    expect(stderr).toContain('Generated files in packages/domain are out of date');
  });
});
