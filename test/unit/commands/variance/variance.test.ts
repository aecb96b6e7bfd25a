// bpm variance end to end in-process: the hand-computed fixture (test/fixtures/variance/hand,
// arithmetic in its README.md), the GBK twin of its CSV, --increments, --period, formats.
import { expect } from 'chai';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fixture, ROOT, runCli } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

const HAND = fixture('variance', 'hand');

interface Json {
  tool: string;
  command: string;
  projects: { code: string; periods: { period: string; flags: { message?: string }[]; budget: Record<string, unknown> }[] }[];
  diagnostics: { message?: string; code: string; line: number }[];
  summary?: unknown;
}

function withoutMessages(j: Json): unknown {
  const copy = JSON.parse(JSON.stringify(j)) as Json;
  for (const p of copy.projects) for (const per of p.periods) for (const f of per.flags) delete f.message;
  for (const d of copy.diagnostics) delete d.message;
  return { projects: copy.projects, summary: copy.summary, diagnostics: copy.diagnostics };
}

/** A temporary copy of the hand fixture's dossiers with `csv` (bytes) as data.csv. */
function twin(csv: Buffer): string {
  const dir = tempDir('bpm-variance-');
  for (const f of ['cal.yaml', 'even.yaml']) copyFileSync(join(HAND, f), join(dir, f));
  writeFileSync(join(dir, 'data.csv'), csv);
  return dir;
}

describe('bpm variance', () => {
  it('matches the hand-computed numbers of the fixture exactly (json)', async () => {
    const r = await runCli(['variance', '.', '--format', 'json'], { cwd: HAND });
    const json = JSON.parse(r.stdout) as Json;
    expect(json.tool).to.equal('bpm');
    expect(json.command).to.equal('variance');
    const expected = JSON.parse(readFileSync(join(HAND, 'expected.json'), 'utf8'));
    expect(withoutMessages(json)).to.deep.equal(expected);
    // Rows were excluded (data problems are errors): the report is incomplete, exit 1.
    expect(r.code).to.equal(1);
    expect(r.stderr).to.equal('');
  });

  it('writes json that is exactly JSON.stringify(report, null, 2), every message rendered', async () => {
    const r = await runCli(['variance', '.', '--format', 'json', '--lang', 'zh'], { cwd: HAND });
    const json = JSON.parse(r.stdout) as Json;
    expect(r.stdout).to.equal(JSON.stringify(json, null, 2) + '\n');
    for (const d of json.diagnostics) expect(d.message).to.be.a('string').and.not.equal(d.code);
    for (const p of json.projects) for (const per of p.periods) for (const f of per.flags) expect(f.message).to.match(/[\u4e00-\u9fff]/);
    // A period without data: every project of the run is there, 未报送 (no-data), with no periods.
    const empty = await runCli(['variance', '.', '--format', 'json', '--period', '2024-Q1'], { cwd: HAND });
    expect(JSON.parse(empty.stdout).projects.map((p: { code: string; status: string; periods: unknown[] }) => [p.code, p.status, p.periods.length])).to.deep.equal([['FX-CAL', 'no-data', 0], ['FX-EVEN', 'no-data', 0]]);
    expect(empty.stdout).to.equal(JSON.stringify(JSON.parse(empty.stdout), null, 2) + '\n');
  });

  it('gives the same result for the GBK-encoded twin of the Chinese-header CSV', async () => {
    const utf8 = readFileSync(join(HAND, 'data.csv'));
    const gbk = iconv.encode(utf8.toString('utf8'), 'gbk');
    expect(gbk.equals(utf8)).to.equal(false);
    const a = await runCli(['variance', '.', '--format', 'json'], { cwd: twin(utf8) });
    const b = await runCli(['variance', '.', '--format', 'json'], { cwd: twin(gbk) });
    expect(b.stdout).to.equal(a.stdout);
    expect(b.code).to.equal(a.code);
    // and with the encoding forced
    const c = await runCli(['variance', '.', '--format', 'json', '--encoding', 'gbk'], { cwd: twin(gbk) });
    expect(c.stdout).to.equal(a.stdout);
  });

  it('accumulates per-period amounts with --increments', async () => {
    const cumulative = ['project,period,metric,value', 'FX-CAL,Q1,spend,50', 'FX-CAL,Q2,spend,170', 'FX-CAL,Q3,spend,300', 'FX-CAL,Q1,OUT-1,4', 'FX-CAL,Q2,OUT-1,21', 'FX-CAL,Q3,OUT-1,24', 'FX-CAL,Q1,SAT-1,88', 'FX-CAL,Q3,SAT-1,85', ''].join('\n');
    const increments = ['project,period,metric,value', 'FX-CAL,Q3,spend,130', 'FX-CAL,Q1,spend,50', 'FX-CAL,Q2,spend,120', 'FX-CAL,Q1,OUT-1,4', 'FX-CAL,Q2,OUT-1,17', 'FX-CAL,Q3,OUT-1,3', 'FX-CAL,Q1,SAT-1,88', 'FX-CAL,Q3,SAT-1,85', ''].join('\n');
    const a = await runCli(['variance', 'cal.yaml', 'even.yaml', 'data.csv', '--format', 'json'], { cwd: twin(Buffer.from(cumulative)) });
    const b = await runCli(['variance', 'cal.yaml', 'even.yaml', 'data.csv', '--format', 'json', '--increments'], { cwd: twin(Buffer.from(increments)) });
    expect(a.code).to.equal(0);
    expect(b.code).to.equal(0);
    expect(b.stdout).to.equal(a.stdout);
    // Without --increments the falling "cumulative" values are data problems.
    const c = await runCli(['variance', '.', '--format', 'json'], { cwd: twin(Buffer.from(increments)) });
    const codes = (JSON.parse(c.stdout) as Json).diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).to.deep.equal(['cumulative-decrease@7']); // OUT-1: 4, 17, then 3
  });

  it('reports only the period asked for (--period 2025-Q2 or Q2)', async () => {
    for (const period of ['2025-Q2', 'Q2', '2025-q2']) {
      const r = await runCli(['variance', '.', '--format', 'json', '--period', period], { cwd: HAND });
      const json = JSON.parse(r.stdout) as Json;
      // FX-EVEN reports months: nothing for 2025-Q2, so it is there as no-data (未报送).
      expect(json.projects.map((p) => `${p.code} ${p.periods.map((x) => x.period).join(',')}`)).to.deep.equal(['FX-CAL 2025-Q2', 'FX-EVEN ']);
      expect(json.summary).to.deep.include({ period: '2025-Q2' });
    }
    const m = await runCli(['variance', '.', '--format', 'json', '--period', '2025-08'], { cwd: HAND });
    expect((JSON.parse(m.stdout) as Json).projects.map((p) => `${p.code} ${p.periods[0]?.period ?? 'no-data'}`)).to.deep.equal(['FX-CAL no-data', 'FX-EVEN 2025-08']);
  });

  it('prints a value of more digits than a double holds as written (table, csv, markdown)', async () => {
    const dir = tempDir('bpm-variance-digits-');
    copyFileSync(join(HAND, 'cal.yaml'), join(dir, 'cal.yaml'));
    writeFileSync(join(dir, 'data.csv'), 'project,period,metric,value\nFX-CAL,2025-Q1,spend,50\nFX-CAL,2025-Q1,OUT-2,1234567890123456.78\n');
    const csv = await runCli(['variance', '.', '--data', 'data.csv', '--format', 'csv', '--lang', 'en'], { cwd: dir });
    expect(csv.stdout).to.include(',1234567890123456.78,');
    const table = await runCli(['variance', '.', '--data', 'data.csv', '--lang', 'en', '--no-color'], { cwd: dir });
    expect(table.stdout).to.include('1234567890123456.78');
    const md = await runCli(['variance', '.', '--data', 'data.csv', '--format', 'markdown', '--lang', 'en'], { cwd: dir });
    expect(md.stdout).to.include('1234567890123456.78');
    // Computed figures are numbers (doubles, as in the json): 15 significant digits.
    expect(csv.stdout).to.include(',1234567890123406.8,');
  });

  it('says which periods the data has when --period matches none (a warning, not silence)', async () => {
    const r = await runCli(['variance', '.', '--format', 'json', '--period', '2024-Q3', '--lang', 'en'], { cwd: HAND });
    const json = JSON.parse(r.stdout) as { projects: { periods: unknown[] }[]; diagnostics: { code: string; severity: string; message: string }[] };
    expect(json.projects.map((p) => p.periods.length)).to.deep.equal([0, 0]);
    const d = json.diagnostics.find((x) => x.code === 'period-no-data');
    expect(d?.severity).to.equal('warning');
    expect(d?.message).to.include('2024-Q3').and.include('2025-Q2');
    const ok = await runCli(['variance', '.', '--format', 'json', '--period', '2025-Q2'], { cwd: HAND });
    expect((JSON.parse(ok.stdout) as typeof json).diagnostics.map((x) => x.code)).not.to.include('period-no-data');
  });

  it('a budget pace flag quotes the spend row\'s note as the reason instead of asking for one (both engines)', async () => {
    const dir = tempDir('bpm-variance-note-');
    copyFileSync(join(ROOT, 'examples', 'old-neighbourhood-renovation', 'dossier.yaml'), join(dir, 'dossier.yaml'));
    const rows = ['project,period,metric,value,note', 'DL-2025-ZJ-001,2025-Q1,spend,100,', 'DL-2025-ZJ-001,2025-Q2,spend,818.6,居民意见征询未完成'];
    writeFileSync(join(dir, 'data.csv'), rows.join('\n') + '\n');
    const messages = async (period: string, env: Record<string, string> = {}) => {
      const r = await runCli(['variance', '.', '--format', 'json', '--period', period, '--lang', 'en'], { cwd: dir, env: { ...process.env, ...env } });
      const j = JSON.parse(r.stdout) as Json;
      return j.projects[0].periods[0].flags.map((f) => f.message ?? '').filter((m) => m.startsWith('Budget execution'));
    };
    for (const env of [{}, { BPM_EXACT: '1' }] as Record<string, string>[]) {
      expect(await messages('2025-Q2', env)).to.deep.equal(['Budget execution 30.88% at time progress 50% (pace 0.62, yellow): spending lags the plan; reason given: 居民意见征询未完成']);
      expect(await messages('2025-Q1', env)).to.deep.equal([
        'Budget execution 3.77% at time progress 25% (pace 0.15, red): give the reason and the measures, or apply for a budget adjustment',
      ]);
    }
  });

  it('lists a dossier\'s problems under "Input problems", its warnings with its errors', async () => {
    const dir = tempDir('bpm-variance-input-');
    for (const f of ['dossier.yaml', 'monitoring.csv']) copyFileSync(join(ROOT, 'examples', 'culture-community-events', f), join(dir, f));
    const file = join(dir, 'dossier.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^goal: .*$/m, 'goal: 提高群众满意度').replace('weight: 15\n    basis: plan\n    baseline: 42', 'weight: 14\n    basis: plan\n    baseline: 42'));
    const r = await runCli(['variance', '.', '--lang', 'en', '--no-color'], { cwd: dir });
    expect(r.code).to.equal(1);
    const section = r.stdout.slice(r.stdout.indexOf('Input problems'));
    expect(section.split('\n').map((l) => l.replace(/^( {2}\S+) {2}.* {2}(\S+)$/, '$1 $2'))).to.deep.equal([
      'Input problems (3)',
      '  dossier.yaml:23:7 goal-no-number',
      '  dossier.yaml:23:7 vague-goal',
      '  dossier.yaml:32:13 weights-sum',
      '',
    ]);
    expect(section).to.include('⚠ the goal is vague').and.include('✖ the output indicators weigh 49 points');
    const zh = await runCli(['variance', '.', '--lang', 'zh', '--no-color'], { cwd: dir });
    expect(zh.stdout).to.include('输入问题（3 个）');
    const quiet = await runCli(['variance', '.', '--lang', 'en', '--no-color', '-q'], { cwd: dir });
    expect(quiet.stdout).to.include('Input problems (1)');
  });

  it('markdown charts fit mermaid\'s default width and are left out for a single period (a one-point line draws nothing)', async () => {
    // The title in mermaid's 20-pixel font: about 11 pixels a Latin character, 20 a Chinese one;
    // the chart is 700 pixels wide. A code of 21 characters (a Sichuan 项目编码) must fit too.
    const width = (title: string) => [...title].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 20 : 11), 0);
    for (const lang of ['en', 'zh'] as const) {
      const r = await runCli(['variance', '.', '--format', 'markdown', '--lang', lang], { cwd: HAND });
      const titles = [...r.stdout.matchAll(/^ {4}title "(.*)"$/gm)].map((m) => m[1]);
      expect(titles, lang).to.have.length(2);
      for (const title of titles) expect(width(title.replace(/^FX-\w+/, '51000021R000000019951')), title).to.be.at.most(640);
      const one = await runCli(['variance', '.', '--format', 'markdown', '--lang', lang, '--period', '2025-Q2'], { cwd: HAND });
      expect(one.stdout, lang).to.include('| 2025-Q2 |').and.not.include('```mermaid');
    }
    const en = await runCli(['variance', '.', '--format', 'markdown', '--lang', 'en'], { cwd: HAND });
    expect(en.stdout).to.include('    title "FX-CAL: plan (bars) and spend (line), 万元"');
  });

  it('exits 2 for a bad --period, an unknown --fail-on level, a missing --data file and no dossier', async () => {
    expect((await runCli(['variance', '.', '--period', '2025-Q5'], { cwd: HAND })).code).to.equal(2);
    expect((await runCli(['variance', '.', '--fail-on', 'orange'], { cwd: HAND })).code).to.equal(2);
    expect((await runCli(['variance', '.', '--data', 'nope.csv'], { cwd: HAND })).code).to.equal(2);
    // (the message is checked by the e2e test: in-process, errors cross a tsx module boundary)
    expect((await runCli(['variance', 'data.csv'], { cwd: HAND })).code).to.equal(2);
  });

  it('reads --data once when the same file is also found beside the dossiers', async () => {
    const a = await runCli(['variance', '.', '--format', 'json'], { cwd: HAND });
    const b = await runCli(['variance', '.', '--data', 'data.csv', '--format', 'json'], { cwd: HAND });
    expect(b.stdout).to.equal(a.stdout);
  });

  it('writes csv with a BOM, CRLF and one row per project × period × metric', async () => {
    const r = await runCli(['variance', '.', '--format', 'csv'], { cwd: HAND });
    expect(r.stdout.startsWith('\ufeffproject,name,period,')).to.equal(true);
    const lines = r.stdout.slice(1).split('\r\n');
    expect(lines.pop()).to.equal('');
    // FX-CAL: 4 periods × (spend + 3 numeric indicators); FX-EVEN: 2 × (spend + 4).
    expect(lines.length - 1).to.equal(4 * 4 + 2 * 5);
    expect(lines).to.include('FX-CAL,社区体育赛事活动,2025-Q3,0.75,spend,Cumulative spend,万元,440,330,300,-30,-9.09,68.18,0.91,green,,,设备到货');
    expect(lines).to.include('FX-EVEN,健康讲座进社区,2025-05,0.3,SAT-1,居民满意度,%,90,90,,,,,,,,,');
    const zh = await runCli(['variance', '.', '--format', 'csv', '--lang', 'zh'], { cwd: HAND });
    expect(zh.stdout.startsWith('\ufeff项目编码,项目名称,期间,')).to.equal(true);
    expect(zh.stdout).to.include(',红,');
  });

  it('shows control characters of names in the table as escapes and keeps each name on one line', async () => {
    const dir = twin(readFileSync(join(HAND, 'data.csv')));
    const file = join(dir, 'cal.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 社区体育赛事活动', 'name: "社区体育\\u0007赛事\\n活动\\u009b"').replace('department: 测试局', 'department: "测试\\t局"'));
    const r = await runCli(['variance', '.'], { cwd: dir });
    expect(r.stdout).to.include('FX-CAL  社区体育\\u0007赛事 活动\\u009b  测试 局 · ');
    expect(r.stdout).not.to.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // Names without any are written as they are.
    expect(r.stdout).to.include('FX-EVEN  健康讲座进社区  ');
  });

  it('writes markdown with tables, a mermaid xychart per project and the data problems with file:line', async () => {
    const r = await runCli(['variance', '.', '--format', 'markdown'], { cwd: HAND });
    expect(r.stdout.match(/```mermaid\nxychart-beta/g)).to.have.length(2);
    expect(r.stdout).to.include('    bar [60, 160, 330, 440]');
    expect(r.stdout).to.include('    line [50, 170, 300, 460]');
    expect(r.stdout).to.include('| data.csv:18:22 |');
    expect(r.stdout).to.include('| data.csv:31 |');
  });

  it('prints a table per project with a sparkline and the data problems; colour only when asked', async () => {
    const r = await runCli(['variance', '.'], { cwd: HAND });
    expect(r.stdout).to.include('FX-CAL');
    expect(r.stdout).to.match(/spend [▁▂▃▄▅▆▇█]{4} {2}plan [▁▂▃▄▅▆▇█]{4}/);
    expect(r.stdout).to.include('data.csv:24');
    expect(r.stdout).not.to.match(/\u001b\[/);
    const coloured = await runCli(['variance', '.'], { cwd: HAND, env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).to.match(/\u001b\[31m/);
    const zh = await runCli(['variance', '.', '--lang', 'zh'], { cwd: HAND });
    expect(zh.stdout).to.include('有可能');
    expect(zh.stdout).to.include('绿');
    expect(zh.stdout).to.include('输入问题');
  });

  it('--fail-on red and yellow set exit 1 by the worst status', async () => {
    const clean = twin(Buffer.from('project,period,metric,value\nFX-CAL,Q2,spend,170\nFX-CAL,Q2,OUT-1,21\nFX-CAL,Q3,spend,240\n'));
    // Q3 pace: 240/440 = 54.5 % at 75 % = 0.73: yellow, no red anywhere.
    const cal = ['variance', 'cal.yaml', 'data.csv'];
    expect((await runCli(cal, { cwd: clean })).code).to.equal(0);
    expect((await runCli([...cal, '--fail-on', 'red'], { cwd: clean })).code).to.equal(0);
    expect((await runCli([...cal, '--fail-on', 'yellow'], { cwd: clean })).code).to.equal(1);
    // With FX-EVEN in the run and no row for it: 未报送 (no-data) counts as red (v1.1 §2.4).
    expect((await runCli(['variance', '.'], { cwd: clean })).code).to.equal(0);
    expect((await runCli(['variance', '.', '--fail-on', 'red'], { cwd: clean })).code).to.equal(1);
    expect((await runCli(['variance', '.', '--fail-on', 'red', '--project', 'FX-CAL'], { cwd: clean })).code).to.equal(0);
  });

  it('validate reports the same data problems as variance', async () => {
    const v = await runCli(['validate', '.', '--format', 'json'], { cwd: HAND });
    const files = JSON.parse(v.stdout).files as { file: string; diagnostics: { code: string; line: number }[] }[];
    const data = files.find((f) => f.file === 'data.csv')!;
    const r = JSON.parse((await runCli(['variance', '.', '--format', 'json'], { cwd: HAND })).stdout) as Json;
    // …except for rows of projects outside the run: in validate the CSV is itself under check
    // (unknown-project, an error); variance ignores them with one info line (FORMATS.md v1.1 §2.4).
    const swap = (code: string) => (code === 'ignored-projects' ? 'unknown-project' : code);
    expect(data.diagnostics.map((d) => `${d.code}@${d.line}`)).to.deep.equal(r.diagnostics.map((d) => `${swap(d.code)}@${d.line}`));
    const strict = JSON.parse((await runCli(['variance', '.', '--format', 'json', '--strict-data'], { cwd: HAND })).stdout) as Json;
    expect(data.diagnostics.map((d) => `${d.code}@${d.line}`)).to.deep.equal(strict.diagnostics.map((d) => `${d.code}@${d.line}`));
  });
});

describe('bpm variance: FORMATS.md v1.1 (test/fixtures/variance/v11, arithmetic in its README.md)', () => {
  const V11 = fixture('variance', 'v11');

  it('matches the hand-computed projects, summary and diagnostics exactly (json)', async () => {
    const r = await runCli(['variance', '.', '--format', 'json'], { cwd: V11 });
    const expected = JSON.parse(readFileSync(join(V11, 'expected.json'), 'utf8'));
    expect(withoutMessages(JSON.parse(r.stdout) as Json)).to.deep.equal(expected);
    expect(r.stdout).to.equal(JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
    expect(r.code).to.equal(1); // executed-scale left a row out
  });

  it('--strict-data makes each row of a project outside the run an unknown-project error', async () => {
    const r = JSON.parse((await runCli(['variance', '.', '--format', 'json', '--strict-data'], { cwd: V11 })).stdout) as Json;
    expect(r.diagnostics.map((d) => `${d.code}@${d.line}`)).to.deep.equal(['unknown-project@7', 'unknown-project@16', 'unknown-project@17', 'executed-scale@18']);
  });

  it('--project narrows the run: other projects and their rows are left out without a word', async () => {
    const r = await runCli(['variance', '.', '--format', 'json', '--project', 'fx-ms', '--project', 'FX-NONE'], { cwd: V11 });
    const j = JSON.parse(r.stdout) as Json & { summary: { projects: { code: string }[]; ignoredProjects: string[] } };
    expect(j.projects.map((p) => p.code)).to.deep.equal(['FX-MS', 'FX-NONE']);
    expect(j.summary.projects.map((p) => p.code)).to.deep.equal(['FX-MS', 'FX-NONE']);
    // FX-SCALE's rows (with its executed-scale) are not this run's; OTHER-1 and FX-MZ still are ignored.
    expect(j.diagnostics.map((d) => d.code)).to.deep.equal(['ignored-projects']);
    expect(j.summary.ignoredProjects).to.deep.equal(['FX-MZ', 'OTHER-1']);
    expect(r.code).to.equal(0);
    expect((await runCli(['variance', '.', '--fail-on', 'red', '--project', 'FX-NONE'], { cwd: V11 })).code).to.equal(1);
    const bad = await runCli(['variance', '.', '--project', 'FX-MX'], { cwd: V11 });
    expect(bad.code).to.equal(2);
  });

  it('table and markdown open with the summary, one line per project, 未报送 included; csv says no-data too', async () => {
    const table = (await runCli(['variance', '.', '--lang', 'zh', '--no-color'], { cwd: V11 })).stdout;
    expect(table.startsWith('2025-Q3 监控汇总\n')).to.equal(true);
    expect(table).to.match(/\n {2}FX-MS +智慧教室建设 +绿 +OUT-2 +83\.19% +⚠ 是\n {2}FX-NONE +未报送的项目 +未报送 +— +— +—\n/);
    expect(table.indexOf('FX-NONE  未报送的项目  测试局')).to.be.greaterThan(table.indexOf('监控汇总'));
    // The terminal table has the goal progress / dual gap / earned value line of the markdown.
    expect(table).to.include('目标完成进度 83.19% · 双监控偏差 -14.44 个百分点 · CPI 1.21 · SPI 1.11 · EAC 396.66');
    const md = (await runCli(['variance', '.', '--format', 'markdown', '--lang', 'en'], { cwd: V11 })).stdout;
    expect(md).to.include('## Summary at 2025-Q3\n\n| Project | Name | Status | Worst indicator | Goal progress | Dual gap |\n| --- | --- | --- | --- | ---: | --- |\n| FX-MS | 智慧教室建设 | 🟢 green | OUT-2 | 83.19% | ⚠ yes |\n| FX-NONE | 未报送的项目 | ⚪ no data | — | — | — |\n');
    expect(md.indexOf('## Summary')).to.be.lessThan(md.indexOf('## FX-MS'));
    const csv = (await runCli(['variance', '.', '--format', 'csv', '--lang', 'en'], { cwd: V11 })).stdout;
    expect(csv).to.include('\r\nFX-NONE,未报送的项目,2025-Q3,,,,万元,,,,,,,,no data,,,\r\n');
  });
});
