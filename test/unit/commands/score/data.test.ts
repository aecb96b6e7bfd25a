// `bpm score` against a bureau-wide monitoring file and a narrowed run (FORMATS.md v1.1 §2.4):
// rows of projects outside the run are ignored with one info line (errors with --strict-data);
// --project scores only the projects named.
import { expect } from 'chai';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

describe('score: data against the run, --project', () => {
  function bureau(): string {
    const dir = tempDir('bpm-score-data-');
    for (const name of ['culture-community-events', 'health-elderly-care']) cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
    // A bureau-wide file: two rows for a project of the run, three for projects that are not.
    writeFileSync(
      join(dir, 'bureau.csv'),
      ['project,period,metric,value', 'DL-2025-WL-001,2025-Q1,spend,78.5', 'DL-2025-JY-001,2025-Q1,spend,262.8', 'DL-2025-JY-001,2025-Q2,spend,628.4', 'DL-2025-WL-01,2025-Q1,spend,1', 'DL-2025-WL-001,2025-Q2,spend,186.2', ''].join('\n'),
    );
    return dir;
  }

  it('ignores rows of projects outside the run with one info line and lists them in summary.ignoredProjects', async () => {
    const dir = bureau();
    const r = await runCli(['score', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).to.equal(0);
    const j = JSON.parse(r.stdout);
    expect(j.summary.ignoredProjects).to.deep.equal(['DL-2025-JY-001', 'DL-2025-WL-01']);
    const info = j.diagnostics.filter((d: { code: string }) => d.code === 'ignored-projects');
    expect(info.map((d: { severity: string; line: number; file: string }) => [d.severity, d.file, d.line])).to.deep.equal([['info', 'bureau.csv', 3]]);
    expect(info[0].message).to.include('rows: 3').and.include('DL-2025-WL-01 (→ DL-2025-WL-001)');
    expect(j.summary).to.deep.include({ projects: 2, scored: 2 });
  });

  it('--strict-data makes them unknown-project errors (exit 1)', async () => {
    const r = await runCli(['score', '.', '--format', 'json', '--strict-data'], { cwd: bureau() });
    expect(r.code).to.equal(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; line: number }) => `${d.code}@${d.line}`)).to.deep.equal(['unknown-project@3', 'unknown-project@4', 'unknown-project@5']);
  });

  it('--project scores the projects named; problems of the others are not the run’s', async () => {
    const dir = bureau();
    // Break the elderly-care dossier: without --project its error makes the run fail.
    writeFileSync(join(dir, 'health-elderly-care', 'dossier.yaml'), 'apiVersion: bpm/v1\nkind: ProjectDossier\nproject: {code: DL-2025-MZ-001}\n');
    expect((await runCli(['score', '.', '--format', 'json'], { cwd: dir })).code).to.equal(1);
    const r = await runCli(['score', '.', '--format', 'json', '--project', 'DL-2025-WL-001'], { cwd: dir });
    expect(r.code).to.equal(0);
    const j = JSON.parse(r.stdout);
    expect(j.projects.map((p: { code: string }) => p.code)).to.deep.equal(['DL-2025-WL-001']);
    expect(j.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).to.deep.equal([]);
    expect((await runCli(['score', '.', '--project', 'DL-2025-XX-001'], { cwd: dir })).code).to.equal(2);
  });
});
