// On a terminal (stdout is a TTY, its width from the CLI environment), the human formats fit
// its width: validate's messages wrap in their column, the boxed tables of score and variance
// wrap their text columns, the lists (ranking, summaries) shorten their names; numbers are never
// cut. Piped, or on a terminal wide enough, the output is byte for byte what it always was.
import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hanging, stringWidth, wrapStyled, wrapWidth } from '../../../src/formats/validate/width.js';
import { catalogKeys, message } from '../../../src/i18n/index.js';
import { ROOT, runCli } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const widest = (text: string) => Math.max(...text.replace(ANSI, '').split('\n').map(stringWidth));
/** The words of a text, however it is wrapped or padded (box borders and the … of shortened names aside). */
const words = (text: string) => text.replace(ANSI, '').replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').replace(/\s+/g, ' ').trim();

/** A copy of the culture example with a dossier that breaks two rules and warns twice. */
function broken(): string {
  const dir = tempDir('bpm-width-');
  cpSync(join(ROOT, 'examples', 'culture-community-events'), dir, { recursive: true });
  const file = join(dir, 'dossier.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^goal: .*$/m, 'goal: 提高群众满意度').replace(/weight: 15$/m, 'weight: 14'));
  return dir;
}

describe('formats: the terminal\'s width', () => {
  it('wraps text by display width: at spaces, between Chinese characters, never before closing or after opening punctuation', () => {
    expect(wrapWidth('the output indicators weigh 49 points in all', 20)).to.deep.equal(['the output', 'indicators weigh 49', 'points in all']);
    expect(wrapWidth('请调整分值，使其合计为 50', 10)).to.deep.equal(['请调整分', '值，使其合', '计为 50']);
    expect(wrapWidth('合计为五十分，请调整', 12)).to.deep.equal(['合计为五十', '分，请调整']);
    expect(wrapWidth('abcdefghijkl', 5)).to.deep.equal(['abcde', 'fghij', 'kl']);
    // Narrower than a wide character: one per line, never a loop that does not advance.
    expect(wrapWidth('中文（一）', 1)).to.deep.equal(['中', '文', '（', '一', '）']);
    // An opening bracket or quote goes down with what it opens (低于 Q2（57000）, not 低于 Q2（ / 57000）).
    expect(wrapWidth('目标（52000）低于 Q2（57000）；不能下降', 20)).to.deep.equal(['目标（52000）低于 Q2', '（57000）；不能下降']);
    expect(wrapWidth('表述模糊：“进一步提高”没有量化数值', 12)).to.deep.equal(['表述模糊：', '“进一步提高”', '没有量化数值']);
    // Colour stays on each line of a wrapped coloured text.
    expect(wrapStyled('\u001b[31mred words here\u001b[39m', 9)).to.deep.equal(['\u001b[31mred words\u001b[0m', '\u001b[31mhere\u001b[39m']);
  });

  it('validate stylish: messages wrap in their column on a narrow terminal; every word is kept', async () => {
    const dir = broken();
    const piped = await runCli(['validate', '.', '--lang', 'en'], { cwd: dir });
    expect(widest(piped.stdout)).to.be.greaterThan(120);
    const tty = await runCli(['validate', '.', '--lang', 'en'], { cwd: dir, columns: 80 });
    expect(widest(tty.stdout)).to.be.at.most(80);
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    const lines = tty.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('32:13'));
    expect(lines[at]).to.match(/^ {2}32:13 {2}error {4}the output indicators weigh 49 points in all,\s+weights-sum$/);
    expect(words(lines.slice(at, at + 3).join(' ').replace('weights-sum', ''))).to.include('the output indicators weigh 49 points in all, but policy "self" gives the output section 50; change their weights so they add up to 50');
    // Wide enough, or piped: unchanged.
    expect((await runCli(['validate', '.', '--lang', 'en'], { cwd: dir, columns: 400 })).stdout).to.equal(piped.stdout);
    const zh = await runCli(['validate', '.', '--lang', 'zh'], { cwd: dir, columns: 70 });
    expect(widest(zh.stdout)).to.be.at.most(70);
  });

  it('score: the indicator table wraps its text columns to the terminal, the numbers stay whole', async () => {
    const args = ['score', 'examples/culture-community-events', '--lang', 'en'];
    const piped = await runCli(args);
    expect(widest(piped.stdout.slice(piped.stdout.indexOf('Indicators'), piped.stdout.indexOf('  EFF-2: expert')))).to.be.greaterThan(120);
    const tty = await runCli(args, { columns: 100 });
    const table = tty.stdout.slice(tty.stdout.indexOf('Indicators'), tty.stdout.indexOf('  EFF-2: expert'));
    expect(widest(table)).to.be.at.most(100);
    expect(table).to.match(/│ OUT-1 {2}│ Output +│ Quantity +│ 举办社区文 *│ ≥50 场 +│ 53 场 +│ +15 │ 15\.00 │/);
    expect(table).to.include('│ Total ').and.include('│    100 │ 98.30 │');
    expect((await runCli(args, { columns: 300 })).stdout).to.equal(piped.stdout);
  });

  it('score batch: the ranking shortens names and departments, never codes or numbers', async () => {
    const piped = await runCli(['score', 'examples', '--lang', 'en']);
    expect(widest(piped.stdout.slice(piped.stdout.indexOf('Ranking'), piped.stdout.indexOf('Grade distribution')))).to.be.greaterThan(110);
    const tty = await runCli(['score', 'examples', '--lang', 'en'], { columns: 100 });
    const ranking = tty.stdout.slice(tty.stdout.indexOf('Ranking'), tty.stdout.indexOf('Grade distribution'));
    expect(widest(ranking)).to.be.at.most(100);
    expect(ranking).to.match(/ {5}1 {2}DL-2025-WL-001 {2}社区文化惠民工… +大连市文化和旅… +98\.30/);
    expect(ranking).to.include('98.30').and.include('100.00%');
    expect(piped.stdout).to.include('社区文化惠民工程');
  });

  it('variance: the project table wraps indicator names and statuses to the terminal; the summary shortens names', async () => {
    const args = ['variance', 'examples/old-neighbourhood-renovation', '--period', '2025-Q2', '--lang', 'zh'];
    const piped = await runCli(args);
    expect(widest(piped.stdout)).to.be.greaterThan(110);
    const tty = await runCli(args, { columns: 100 });
    // Too wide for 100 columns as one table: the periods and the indicators in a table each.
    const table = tty.stdout.slice(tty.stdout.indexOf('┌'), tty.stdout.lastIndexOf('┘') + 1);
    expect(table.match(/┌/g)).to.have.length(2);
    expect(table).to.include('┘\n2025-Q2 绩效指标\n┌');
    expect(widest(table)).to.be.at.most(100);
    expect(table).to.include('-281.65 (-25.60%)').and.include('1100.25');
    expect(table.replace(/[│ ]/g, '')).to.include('OUT-1完');
    expect((await runCli(args, { columns: 200 })).stdout).to.equal(piped.stdout);
  });

  it('validate --cache keeps the output per width: a narrow terminal never gets the piped text, nor a pipe the wrapped one', async () => {
    const dir = broken();
    const args = ['validate', '.', '--lang', 'en', '--cache'];
    const wrapped = await runCli(args, { cwd: dir, columns: 80 });
    const piped = await runCli(args, { cwd: dir });
    expect(widest(piped.stdout)).to.be.greaterThan(120);
    expect(widest((await runCli(args, { cwd: dir, columns: 80 })).stdout)).to.be.at.most(80);
    expect((await runCli(args, { cwd: dir, columns: 80 })).stdout).to.equal(wrapped.stdout);
  });

  it('no fitting when the output goes to a file (-o), however narrow the terminal', async () => {
    const dir = broken();
    await runCli(['validate', '.', '--lang', 'en', '-o', 'out.txt'], { cwd: dir, columns: 60 });
    const piped = await runCli(['validate', '.', '--lang', 'en'], { cwd: dir });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).to.equal(piped.stdout);
  });

  it('hanging: a line too wide wraps under the start of its text, colours kept; without a width it is unchanged', () => {
    expect(hanging('  ⚠ ', 'budget execution only 85%, below 90%', 20)).to.equal('  ⚠ budget execution\n    only 85%, below\n    90%');
    expect(hanging('  ⚠ ', 'budget execution only 85%, below 90%', undefined)).to.equal('  ⚠ budget execution only 85%, below 90%');
    expect(hanging('', '\u001b[2m大连市住房和城乡建设局 · 金额单位：万元\u001b[22m', 24)).to.equal('\u001b[2m大连市住房和城乡建设局 ·\u001b[0m\n\u001b[2m金额单位：万元\u001b[22m');
  });

  // The four reports of the issue: at 80 columns no line is wider, every word is still there
  // (wrapped), the numbers are whole; wide enough or piped, the bytes are those of a pipe.
  const reports: [string, string[]][] = [
    ['score batch', ['score', 'examples', '--lang', 'en']],
    ['score of one project', ['score', 'examples/old-neighbourhood-renovation', '--lang', 'en']],
    ['variance', ['variance', 'examples/old-neighbourhood-renovation', '--period', '2025-Q2', '--lang', 'en']],
    ['variance in Chinese', ['variance', 'examples/old-neighbourhood-renovation', '--period', '2025-Q2', '--lang', 'zh']],
    ['review', ['review', 'examples', '--lang', 'en']],
  ];
  for (const [name, args] of reports) {
    it(`${name}: fits 80 columns, in colour too; piped unchanged`, async () => {
      const piped = await runCli(args);
      expect(widest(piped.stdout)).to.be.greaterThan(80);
      const tty = await runCli(args, { columns: 80 });
      expect(widest(tty.stdout)).to.be.at.most(80);
      const coloured = await runCli([...args, '--color'], { columns: 80 });
      expect(coloured.stdout).to.include('\u001b[');
      expect(coloured.stdout.replace(ANSI, '')).to.equal(tty.stdout);
      expect((await runCli(args, { columns: 400 })).stdout).to.equal(piped.stdout);
    });
  }

  it('score of one project at 80 columns: the header line, the findings and the tables wrap; numbers whole, words kept', async () => {
    const out = (await runCli(['score', 'examples/old-neighbourhood-renovation', '--lang', 'en'], { columns: 80 })).stdout;
    const lines = out.split('\n');
    expect(lines[1]).to.equal('Department: 大连市住房和城乡建设局 · Implementing unit: 大连市城市建设事务服务中');
    expect(lines[2]).to.equal('心 · Year: 2025 · Policy: self');
    // The budget table: all numbers, its headings wrap.
    expect(out).to.include('│ Initial budget │      Full-year │ Executed │ Points │ Execution rate │ Score │\n│                │         budget │');
    expect(out).to.include('│        2650.75 │        2650.75 │  2253.14 │     10 │         85.00% │  8.50 │');
    // The findings: a hanging indent under the text, every word kept.
    const at = lines.findIndex((l) => l.startsWith('  ⚠ OUT-1 完成改造老旧小区数量'));
    expect(lines[at + 1]).to.match(/^ {4}\S/);
    expect(words(lines.slice(at, at + 4).join(' '))).to.include('6.67 of 10 points; reason given: 甘井子区2个小区');
    expect(out).to.include('│ Total ').and.match(/│ +100 │ 75\.38 │/);
    // A data word stays whole (Quantity), a number column's heading breaks first (Poin/ts).
    expect(out).to.match(/│ OUT-1 │ Output +│ Quantity │/);
  });

  it('score batch at 80 columns: the headings wrap or shorten, the grade and every number stay whole', async () => {
    const out = (await runCli(['score', 'examples', '--lang', 'en'], { columns: 80 })).stdout;
    const ranking = out.slice(out.indexOf('Ranking'), out.indexOf('Grade distribution'));
    expect(ranking).to.match(/Grade +Exec\. +Discr\.\n +rate\n/);
    expect(ranking).to.match(/ {5}1 {2}DL-2025-WL-001 {2}社区文… +大连市文… +98\.30 {2}excellent {2}100\.00% +0\n/);
  });

  it('variance in English at 80 columns: the periods and the indicators in a table each; a period and a status stay whole', async () => {
    const out = (await runCli(['variance', 'examples/old-neighbourhood-renovation', '--lang', 'en'], { columns: 80 })).stdout;
    expect(widest(out)).to.be.at.most(80);
    // The periods' table is as wide as its own cells: no heading breaks, no period label either.
    expect(out).to.include('│ Period  │   Time │ Planned │  Actual │   Variance │ Executed │ Pace │ Status │\n');
    for (const q of ['2025-Q1', '2025-Q2', '2025-Q3']) expect(out).to.match(new RegExp(`│ ${q} │ [^\n]*│ (red|yellow) +│\n`));
    expect(out).to.match(/│ 2025-Q2 │ 50\.00% │ 1100\.25 │ +818\.60 │ +-281\.65 │ +30\.88% │ 0\.62 │ yellow │\n│ +│ +│ +│ +│ +\(-25\.60%\) │/);
    // The indicators under their own title, in their own table: names wrap, statuses too.
    expect(out).to.include('┘\nIndicators at 2025-Q3\n┌');
    expect(out).to.match(/│ red · +│\n[^\n]*│ unlikely +│\n/).and.match(/│ green · +│\n[^\n]*│ certain +│\n/);
    // Its headings whole: the short ones, since Expected, Year-end and likelihood do not fit.
    expect(out).to.include('│ Indicator │ Target │     Due │ Actual │    Var. │ Ratio │     Y/E │ Status · │\n│           │        │         │        │         │       │         │ outlook  │\n');
    // Where the whole headings fit, they are written.
    const wider = (await runCli(['variance', 'examples/old-neighbourhood-renovation', '--lang', 'en'], { columns: 86 })).stdout;
    expect(widest(wider)).to.be.at.most(86);
    expect(wider).to.match(/│ Indicator +│ Target │ Expected │ Actual │ Variance │ Ratio │ Year-end │ Status · +│\n/);
  });

  it('variance: the Chinese short headings are the full ones (Chinese breaks between any two characters)', () => {
    const keys = catalogKeys('zh').filter((k) => k.startsWith('variance.short.'));
    expect(keys).to.have.length(8);
    for (const k of keys) expect(message('zh', k), k).to.equal(message('zh', k.replace('variance.short.', 'variance.col.')));
  });

  it('variance one period in English at 80 columns: the period row whole, the variance never cut', async () => {
    const out = (await runCli(['variance', 'examples/old-neighbourhood-renovation', '--period', '2025-Q2', '--lang', 'en'], { columns: 80 })).stdout;
    expect(widest(out)).to.be.at.most(80);
    expect(out).to.match(/│ 2025-Q2 │ 50\.00% │ 1100\.25 │ 818\.60 │ +-281\.65 │ +30\.88% │ 0\.62 │ yellow │/);
  });

  it('variance at 80 columns: the headings wrap, the variance with its percentage never cut', async () => {
    const out = (await runCli(['variance', 'examples/old-neighbourhood-renovation', '--lang', 'zh'], { columns: 80 })).stdout;
    expect(widest(out)).to.be.at.most(80);
    expect(out).to.match(/│ 2025-Q1 │ 25\.00% │ +300\.00 │ +265\.40 │ -34\.60 \(-11\.53%\) │/);
    expect(out).to.match(/│ +-281\.65 │[^\n]*\n[^\n]*│ +\(-25\.60%\) │/);
    expect(words(out)).to.include('1100.25').and.include('818.60').and.include('30.88%');
  });

  it('review at 80 columns: a long workbook location goes on a line of its own, the message and code under it', async () => {
    const out = (await runCli(['review', 'examples', '--lang', 'en'], { columns: 80 })).stdout;
    expect(out).to.include('  examples/sports-fitness-facilities/dossier.xlsx 绩效目标申报表!A6\n    warning  no quarterly spending schedule; monitoring will  review-no-schedule\n');
    const piped = (await runCli(['review', 'examples', '--lang', 'en'])).stdout;
    expect(piped).to.include('  examples/sports-fitness-facilities/dossier.xlsx 绩效目标申报表!A6  warning  no quarterly spending schedule');
  });
});
