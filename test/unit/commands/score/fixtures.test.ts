// Hand-computed scoring fixtures: each folder under test/fixtures/score/ holds a project and an
// expected.json whose numbers were worked out by hand (the arithmetic is in `_arithmetic`).
// The JSON output (FORMATS.md §5) must contain every expected value exactly.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { score } from '../../../../src/commands/score/run.js';
import { json } from '../../../../src/formats/score/json.js';
import { fixture, ROOT } from '../../../helpers/run.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every key of `expected` has the same value in `actual` (arrays: same length, element-wise). */
export function expectSubset(actual: Json | undefined, expected: Json, where: string): void {
  if (expected === null || typeof expected !== 'object') {
    expect(actual, where).to.equal(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(actual, where).to.be.an('array').with.lengthOf(expected.length);
    expected.forEach((e, i) => expectSubset((actual as Json[])[i], e, `${where}[${i}]`));
    return;
  }
  expect(actual, where).to.be.an('object');
  for (const [k, v] of Object.entries(expected)) expectSubset((actual as Record<string, Json>)[k], v, `${where}.${k}`);
}

interface Expected {
  options: { allowMissing?: boolean };
  policy?: string;
  project: ExpectedProject;
  /** A batch's summary, checked key by key (result application, counts). */
  summary?: Json;
  allowMissing?: { project: ExpectedProject };
}
interface ExpectedProject {
  code: string;
  indicators?: Record<string, Json>;
  findings?: { code: string; indicator?: string; severity?: string }[];
  absentFindings?: string[];
  [k: string]: unknown;
}

async function run(dir: string, allowMissing: boolean) {
  const { report } = await score({ paths: [dir], cwd: ROOT, lang: 'en', allowMissing });
  return JSON.parse(json(report, { lang: 'en', color: false, version: 'test' }));
}

function check(out: Record<string, Json>, exp: ExpectedProject, where: string): void {
  const projects = out.projects as Record<string, Json>[];
  const p = projects.find((x) => x.code === exp.code);
  expect(p, `${where}: project ${exp.code}`).to.not.equal(undefined);
  const { indicators, findings, absentFindings, ...rest } = exp;
  expectSubset(p as Json, rest as Json, where);
  const byCode = new Map((p!.indicators as Record<string, Json>[]).map((i) => [i.code as string, i]));
  for (const [code, e] of Object.entries(indicators ?? {})) expectSubset(byCode.get(code), e, `${where}.indicators.${code}`);
  const got = p!.findings as { code: string; indicator?: string; severity: string }[];
  for (const f of findings ?? []) {
    const hit = got.find((g) => g.code === f.code && (f.indicator === undefined || g.indicator === f.indicator) && (f.severity === undefined || g.severity === f.severity));
    expect(hit, `${where}: finding ${JSON.stringify(f)} in ${JSON.stringify(got.map((g) => `${g.code}:${g.indicator ?? ''}`))}`).to.not.equal(undefined);
  }
  for (const code of absentFindings ?? []) expect(got.map((g) => g.code), `${where}: no ${code}`).to.not.include(code);
}

describe('score: hand-computed fixtures', () => {
  const cases = readdirSync(fixture('score'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('has the fixtures the issue asks for', () => {
    expect(cases).to.include.members(['self-kinds', 'reverse-ratio', 'reverse-linear', 'qualitative-bands', 'panel-five', 'composite', 'incomplete', 'adjusted', 'custom-policy', 'recheck', 'recheck-relative', 'informational', 'application']);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = fixture('score', name);
      const exp = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Expected;
      const out = await run(dir, exp.options.allowMissing === true);
      expect(out.diagnostics.filter((d: { severity: string }) => d.severity === 'error'), 'input errors').to.deep.equal([]);
      if (exp.policy) expect(out.policy).to.equal(exp.policy);
      check(out, exp.project, name);
      if (exp.summary) expectSubset(out.summary, exp.summary, `${name}.summary`);
      if (exp.allowMissing) check(await run(dir, true), exp.allowMissing.project, `${name} --allow-missing`);
    });
  }
});
