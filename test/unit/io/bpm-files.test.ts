// What a file is to bpm, from its first bytes: every CSV report bpm writes must be recognised
// as a report (so a walk leaves it out and -o may replace it), and inputs as inputs.
import { expect } from 'chai';
import path from 'node:path';
import { bpmDocumentKind, isBpmReport } from '../../../src/io/bpm-files.js';
import { ROOT, runCli } from '../../helpers/run.js';

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
});
