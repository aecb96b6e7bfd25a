// The executed amount an evaluation does not give comes from the monitoring data (FORMATS.md
// §1.2): only from a spend row the data checks accepted, with a warning when the data ends
// before the project period does; the execution messages name the policy's threshold.
import { expect } from 'chai';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, runCli } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

interface Finding {
  code: string;
  severity: string;
  message: string;
}

async function scoreWith(csv: string[], lang = 'en') {
  const dir = tempDir('bpm-score-executed-');
  cpSync(fixture('score', 'monitoring-partial'), dir, { recursive: true });
  writeFileSync(join(dir, 'monitoring.csv'), ['project,period,metric,value,note', ...csv, ''].join('\n'));
  const r = await runCli(['score', '.', '--format', 'json', '--lang', lang], { cwd: dir });
  const j = JSON.parse(r.stdout);
  return { code: r.code, project: j.projects[0], diagnostics: j.diagnostics as { code: string; line: number }[] };
}

describe('score: the executed amount from monitoring data', () => {
  it('data that ends at Q3 warns that the amount is the spend so far, naming the period, and the low-execution message names the policy threshold', async () => {
    const { project } = await scoreWith(['T-PART,2025-Q1,spend,20,', 'T-PART,2025-Q2,spend,45,', 'T-PART,2025-Q3,spend,70,']);
    expect(project.execution).to.include({ executed: 70, source: 'monitoring', rate: 70 });
    const findings = project.findings as Finding[];
    expect(findings.find((f) => f.code === 'executed-from-partial-data')).to.deep.include({
      severity: 'warning',
      message: "Executed amount 70 万元 taken from the monitoring data of 2025-Q3, which ends before the project period does (2025-12-31): the spend so far, not the year's; give budget.executed, or the spend at the end of the period",
    });
    expect(findings.find((f) => f.code === 'execution-low-no-reason')!.message).to.equal('Budget execution only 70% (70 of 100 万元), below 80%, and no reason is given (budget.note)');
  });

  it('data that reaches the end of the period is no warning', async () => {
    const { project } = await scoreWith(['T-PART,2025-Q3,spend,70,', 'T-PART,2025-Q4,spend,95,年末结余5万元']);
    const codes = (project.findings as Finding[]).map((f) => f.code);
    expect(codes).to.include('executed-from-monitoring').and.not.include('executed-from-partial-data');
    // The spend row's note is the execution's note.
    expect(project.execution).to.include({ executed: 95, note: '年末结余5万元' });
  });

  it('a spend row the checks reject (a cumulative fall) never stands in: the last accepted row does', async () => {
    const { project, diagnostics, code } = await scoreWith(['T-PART,2025-Q3,spend,70,', 'T-PART,2025-Q4,spend,65,']);
    expect(diagnostics.map((d) => `${d.code}@${d.line}`)).to.deep.equal(['cumulative-decrease@3']);
    expect(project).to.include({ status: 'scored' });
    expect(project.execution).to.include({ executed: 70, source: 'monitoring' });
    expect((project.findings as Finding[]).find((f) => f.code === 'executed-from-partial-data')!.message).to.include('2025-Q3');
    expect(code).to.equal(1);
  });

  it('an executed-scale row before the last accepted one does not make the project invalid; the last one does', async () => {
    const early = await scoreWith(['T-PART,2025-Q2,spend,450000,', 'T-PART,2025-Q4,spend,95,']);
    expect(early.project).to.include({ status: 'scored' });
    expect(early.project.execution).to.include({ executed: 95 });
    const last = await scoreWith(['T-PART,2025-Q2,spend,45,', 'T-PART,2025-Q4,spend,950000,']);
    expect(last.project).to.include({ status: 'invalid' });
    expect(last.project.diagnostics.map((d: { code: string }) => d.code)).to.deep.equal(['executed-scale']);
  });

  it('speaks Chinese', async () => {
    const { project } = await scoreWith(['T-PART,2025-Q3,spend,70,'], 'zh');
    const findings = project.findings as Finding[];
    expect(findings.find((f) => f.code === 'executed-from-partial-data')!.message).to.equal('全年执行数 70 万元 取自 2025-Q3 监控数据，而监控数据截至项目期间结束（2025-12-31）之前：这只是截至当期的执行数，不是全年执行数；请填报 budget.executed，或补充期末的执行数');
    expect(findings.find((f) => f.code === 'execution-low-no-reason')!.message).to.include('低于 80%');
  });
});
