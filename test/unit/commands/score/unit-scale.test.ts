// Unit scale (FORMATS.md v1.1 §3, issue "amounts in 元 in a 万元 dossier"): an executed amount of
// 10 times the budget in force or more is an error (executed-scale) and the project is not
// ranked, whether the amount comes from the evaluation or from the monitoring spend; above the
// budget it is a warning and the project is listed under attention.
import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

describe('score: executed amounts in the wrong unit', () => {
  let out: { projects: Record<string, any>[]; ranking: { code: string }[]; attention: { code: string; reasons: string[] }[]; summary: Record<string, unknown>; diagnostics: { code: string; severity: string; file: string; line: number }[] };
  let code: number;
  before(async () => {
    const dir = tempDir('bpm-score-scale-');
    for (const name of ['culture-community-events', 'health-elderly-care', 'education-smart-classrooms']) cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const f = join(dir, file);
      const text = readFileSync(f, 'utf8');
      expect(text, file).to.include(from);
      writeFileSync(f, text.replace(from, to));
    };
    // 386.4 万元 written as 3864000 元: 10000 times the budget.
    edit('culture-community-events/evaluation.yaml', 'executed: 386.4', 'executed: 3864000');
    // 736.2 budget, 750 executed: above it, not 10 times.
    edit('health-elderly-care/evaluation.yaml', 'executed: 719.8', 'executed: 750');
    // No executed amount in the evaluation; the monitoring spend of Q3 stands in: 10416000 元.
    edit('education-smart-classrooms/evaluation.yaml', '  executed: 1229.28', '  note: 以监控数据为准');
    edit('education-smart-classrooms/monitoring.csv', 'DL-2025-JY-001,2025-Q3,spend,1041.6,', 'DL-2025-JY-001,2025-Q3,spend,10416000,');
    const r = await runCli(['score', '.', '--format', 'json'], { cwd: dir });
    out = JSON.parse(r.stdout);
    code = r.code;
  });
  const byCode = (c: string) => out.projects.find((p) => p.code === c)!;

  it('an evaluation executed amount of 10 times the budget: executed-scale, the project invalid and not ranked', () => {
    expect(byCode('DL-2025-WL-001')).to.include({ status: 'invalid', total: null });
    const d = out.diagnostics.find((x) => x.code === 'executed-scale' && x.file.startsWith('culture'));
    expect(d).to.deep.include({ severity: 'error', file: 'culture-community-events/evaluation.yaml', line: 10 });
    expect(out.ranking.map((r) => r.code)).to.not.include('DL-2025-WL-001');
    expect(code).to.equal(1);
  });

  it('a monitoring spend of 10 times the budget standing in for the executed amount: invalid, with the reason', () => {
    const p = byCode('DL-2025-JY-001');
    expect(p).to.include({ status: 'invalid' });
    // The row is reported where it is, as variance and validate report it, and among the
    // project's input problems (the reason it is not scored).
    const row = out.diagnostics.find((x) => x.code === 'executed-scale' && x.file.endsWith('monitoring.csv'));
    expect(row).to.include({ severity: 'error', line: 20 });
    const mine = p.diagnostics.find((x: { code: string }) => x.code === 'executed-scale');
    expect(mine).to.include({ file: 'education-smart-classrooms/monitoring.csv', line: 20 });
    expect(mine.message).to.include('10416000').and.include('2025-Q3').and.include('8134');
  });

  it('an executed amount above the budget but below 10 times: scored, a warning, listed under attention', () => {
    const p = byCode('DL-2025-MZ-001');
    expect(p).to.include({ status: 'scored' });
    expect(p.findings.map((x: { code: string }) => x.code)).to.include('execution-over-budget');
    expect(out.diagnostics.find((x) => x.code === 'executed-above-budget')).to.include({ severity: 'warning' });
    expect(out.attention.find((a) => a.code === 'DL-2025-MZ-001')?.reasons).to.deep.equal(['over-budget']);
    expect(out.summary).to.include({ projects: 3, scored: 1, invalid: 2 });
  });
});
