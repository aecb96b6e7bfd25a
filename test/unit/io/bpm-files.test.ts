// What a file is to bpm, from its first bytes: every CSV report bpm writes must be recognised
// as a report (so a walk leaves it out and -o may replace it), and inputs as inputs.
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bpmDocumentKind, isBpmReport } from '../../../src/io/bpm-files.js';
import { ROOT, runCli } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

describe('io/bpm-files: bpm reports and bpm documents', () => {
  const runs: [string, string[]][] = [];
  for (const lang of ['en', 'zh']) {
    runs.push([`score batch ${lang}`, ['score', 'examples', '--format', 'csv', '--lang', lang]]);
    runs.push([`score one project ${lang}`, ['score', 'examples/culture-community-events', '--format', 'csv', '--lang', lang]]);
    runs.push([`variance ${lang}`, ['variance', 'examples', '--format', 'csv', '--lang', lang]]);
  }
  for (const [name, args] of runs) {
    it(`recognises the ${name} CSV report`, async () => {
      const r = await runCli(args);
      expect(r.stdout.length).to.be.greaterThan(10);
      expect(isBpmReport(Buffer.from(r.stdout, 'utf8'))).to.equal(true);
    });
  }
  it('does not take monitoring data for a report', async () => {
    const { readFileSync } = await import('node:fs');
    for (const p of ['culture-community-events', 'old-neighbourhood-renovation']) {
      expect(isBpmReport(readFileSync(path.join(ROOT, 'examples', p, 'monitoring.csv')))).to.equal(false);
    }
  });
  it('names the kind of a bpm document, of monitoring data, and nothing for other files', async () => {
    const ex = (f: string) => path.join(ROOT, 'examples', 'culture-community-events', f);
    expect((await bpmDocumentKind(ex('dossier.yaml')))?.en).to.equal('dossier (ProjectDossier)');
    expect((await bpmDocumentKind(ex('evaluation.yaml')))?.en).to.equal('evaluation (Evaluation)');
    expect((await bpmDocumentKind(ex('monitoring.csv')))?.en).to.equal('monitoring data file');
    expect((await bpmDocumentKind(path.join(ROOT, 'examples', 'strategy.yaml')))?.en).to.equal('strategy plan (StrategyPlan)');
    expect(await bpmDocumentKind(path.join(ROOT, 'package.json'))).to.equal(null);
    expect(await bpmDocumentKind(path.join(ROOT, 'no-such-file'))).to.equal(null);
  });
  it('tells workbooks apart: a form or an unreadable workbook is kept, bpm\'s own report and other workbooks are not', async () => {
    const xlsx = (f: string) => path.join(ROOT, 'test', 'fixtures', 'xlsx', f);
    expect((await bpmDocumentKind(xlsx('self-evaluation.xlsx')))?.en).to.equal('input workbook (a 申报表, 自评表 or monitoring data)');
    expect((await bpmDocumentKind(xlsx('monitoring.xlsx')))?.en).to.equal('input workbook (a 申报表, 自评表 or monitoring data)');
    expect((await bpmDocumentKind(path.join(ROOT, 'examples', 'sports-fitness-facilities', 'dossier.xlsx')))?.zh).to.equal('输入工作簿（申报表、自评表或监控数据）');
    for (const f of ['encrypted.xlsx', 'legacy.xls', 'corrupt.xlsx']) expect((await bpmDocumentKind(xlsx(f)))?.en, f).to.match(/^workbook that bpm cannot read/);
    expect(await bpmDocumentKind(xlsx('no-form.xlsx'))).to.equal(null);
    const dir = tempDir('bpm-kind-');
    try {
      const out = path.join(dir, 'report.xlsx');
      const r = await runCli(['score', 'examples/culture-community-events', '--format', 'xlsx', '-o', out]);
      expect(r.code).to.equal(0);
      expect(await bpmDocumentKind(out)).to.equal(null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
