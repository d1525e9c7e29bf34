import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, editJson, runCli, scratch } from './support.js';

/** What the mini fixture warns about: unlabelled enum values, nothing that breaks at run time. */
const WARNINGS = [
  'entities/customer.schema.json#/properties/grade/enum/1: field "grade": the value "B" has no label in x-enum-labels, so it is shown as written',
  'entities/customer.schema.json#/properties/grade/enum/2: field "grade": the value "C" has no label in x-enum-labels, so it is shown as written',
  'entities/customer.schema.json#/properties/grade/enum/3: field "grade": the value "D" has no label in x-enum-labels, so it is shown as written',
  'entities/salesperson.schema.json#/properties/role/enum: field "role" has no x-enum-labels, so its values (sales_rep, sales_manager, admin) are shown as written, in every language',
];

/** The mini fixture with every enum value labelled: no warnings. */
function labelledFixture(): string {
  const dir = copyFixture();
  const labels = (values: string[]) => Object.fromEntries(values.map((v) => [v, { en: v, 'zh-CN': v }]));
  editJson(join(dir, 'entities/customer.schema.json'), (s) => (s.properties.grade['x-enum-labels'] = labels(s.properties.grade.enum)));
  editJson(join(dir, 'entities/salesperson.schema.json'), (s) => (s.properties.role['x-enum-labels'] = labels(s.properties.role.enum)));
  return dir;
}

describe('check prints the warnings after the summary', () => {
  it('without warnings: the summary alone', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--schemas', labelledFixture()]);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '3 entities, no errors.\n', stderr: '' });
  });

  it('with warnings: the count and one file#pointer line each, on stdout, and the check passes', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--schemas', copyFixture()]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`3 entities, no errors, 4 warnings:\n${WARNINGS.join('\n')}\n`);
  });

  it('says "1 warning" for one', async () => {
    const dir = labelledFixture();
    editJson(join(dir, 'entities/customer.schema.json'), (s) => delete s.properties.grade['x-enum-labels'].D);
    const { code, stdout } = await runCli(['check', '--schemas', dir]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      '3 entities, no errors, 1 warning:\nentities/customer.schema.json#/properties/grade/enum/3: field "grade": the value "D" has no label in x-enum-labels, so it is shown as written\n',
    );
  });

  it('check --frozen still passes with warnings when the generated files are up to date', async () => {
    const dir = copyFixture();
    const out = join(scratch('frozen-'), 'domain');
    expect((await runCli(['generate', '--schemas', dir, '--out', out])).code).toBe(0);
    const { code, stdout, stderr } = await runCli(['check', '--frozen', '--schemas', dir, '--out', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('3 entities, no errors, 4 warnings:\n');
  });
});

describe('check --strict', () => {
  it('fails on warnings, printing them on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--strict', '--schemas', copyFixture()]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`3 entities, no errors, 4 warnings:\n${WARNINGS.join('\n')}\n--strict: the warnings fail the check.\n`);
  });

  it('passes without warnings', async () => {
    const { code, stdout } = await runCli(['check', '--strict', '--schemas', labelledFixture()]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '3 entities, no errors.\n' });
  });

  it('still fails on errors first, with the errors', async () => {
    const dir = copyFixture();
    editJson(join(dir, 'entities/customer.schema.json'), (s) => (s['x-lable'] = { en: 'Customer' }));
    const { code, stderr } = await runCli(['check', '--strict', '--schemas', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^1 error\(s\) in the schema files:\n.*"x-lable" is not an ra-sales keyword here/);
    expect(stderr).not.toContain('warning');
  });

  it('is refused on generate: warnings never stop generation', async () => {
    const out = join(scratch('strict-'), 'domain');
    const { code, stderr } = await runCli(['generate', '--strict', '--schemas', copyFixture(), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^"--strict" applies to check only\n\nUsage:/);
    expect(existsSync(out)).toBe(false);
  });

  it('is described in the usage text', async () => {
    const { stderr } = await runCli(['check', '--strikt']);
    expect(stderr).toContain('unknown option "--strikt"');
    expect(stderr).toContain('check --strict      also fail on warnings');
  });
});

describe('generate prints the warnings too', () => {
  it('after its summary, and writes the files all the same', async () => {
    const out = join(scratch('generate-'), 'domain');
    const { code, stdout, stderr } = await runCli(['generate', '--schemas', copyFixture(), '--out', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^3 entities → .*domain: \d+ written, 0 unchanged \(\d+ ms\)\n4 warnings:\n/);
    expect(stdout.endsWith(`${WARNINGS.join('\n')}\n`)).toBe(true);
    expect(existsSync(join(out, 'model.js'))).toBe(true);
  });
});
