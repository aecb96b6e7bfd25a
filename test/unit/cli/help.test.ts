// --help of each reporting command lists its formats, from the command's table of formats, with
// their descriptions in English and Chinese.
import { expect } from 'chai';
import { formatNames, SCORE_FORMATS, VALIDATE_FORMATS, VARIANCE_FORMATS, type FormatTable } from '../../../src/formats/names.js';
import { formats as catalog } from '../../../src/i18n/catalog/formats.js';
import { stringWidth } from '../../../src/formats/validate/width.js';
import { ROOT, runCli } from '../../helpers/run.js';

const COMMANDS: [string, FormatTable][] = [
  ['validate', VALIDATE_FORMATS],
  ['review', VALIDATE_FORMATS],
  ['score', SCORE_FORMATS],
  ['variance', VARIANCE_FORMATS],
];

describe('cli: --help lists the formats', () => {
  for (const [command, table] of COMMANDS) {
    it(`bpm ${command} --help: every format with its description in both languages`, async () => {
      const r = await runCli([command, '--help']);
      expect(r.code).to.equal(0);
      const names = formatNames(table);
      const section = r.stdout.slice(r.stdout.indexOf('Formats / 输出格式:'));
      const width = Math.max(...names.map((n) => n.length));
      const lines = section.trimEnd().split('\n');
      expect(lines[0]).to.equal('Formats / 输出格式:');
      // Each format: its name, the English line, the Chinese one below, wrapped under the description.
      for (const n of names) expect(lines.some((l) => l.startsWith(`  ${n.padEnd(width)}  ${catalog.en[table[n]].split(' ')[0]}`)), n).to.equal(true);
      const flat = (text: string) => text.replace(/\s+/g, '');
      expect(flat(section)).to.equal(flat(['Formats / 输出格式:', ...names.map((n) => `${n}${catalog.en[table[n]]}${catalog.zh[table[n]]}`)].join('')));
      for (const line of lines) expect(stringWidth(line), line).to.be.at.most(80);
      for (const line of lines.slice(1)) expect(line.startsWith(' '.repeat(2 + width + 2)) || /^ {2}\S/.test(line), line).to.equal(true);
    });
  }

  it('fits --help to the terminal, Chinese two columns a character (every command, 50 to 100 columns)', async () => {
    for (const columns of [50, 72, 100]) {
      for (const command of ['validate', 'review', 'score', 'variance', 'init', 'import', 'schema']) {
        const r = await runCli([command, '--help'], { columns });
        expect(r.code).to.equal(0);
        for (const line of r.stdout.split('\n')) expect(stringWidth(line), `${command} at ${columns}: ${line}`).to.be.at.most(columns);
      }
    }
    // Piped, as commander does: 80 columns; so too on a terminal that gives no size (0 columns).
    const piped = (await runCli(['variance', '--help'])).stdout;
    for (const line of piped.split('\n')) expect(stringWidth(line), line).to.be.at.most(80);
    expect((await runCli(['variance', '--help'], { columns: 0 })).stdout).to.equal(piped);
  });

  it('--encoding names every encoding the unknown-encoding message offers', async () => {
    const r = await runCli(['variance', '--help']);
    // commander wraps the description: from the option to the next one.
    const line = r.stdout.slice(r.stdout.indexOf('--encoding'), r.stdout.indexOf('-q, --quiet')).replace(/\s+/g, ' ');
    for (const name of ['utf8', 'gbk', 'gb18030', 'utf16le', 'utf16be']) expect(line, name).to.include(name);
    const bad = await runCli(['validate', 'examples/culture-community-events/monitoring.csv', '--encoding', 'latin1', '--lang', 'en'], { cwd: ROOT });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include('utf16be');
  });

  it('rejects a format that is not in the table (exit 2)', async () => {
    const r = await runCli(['score', '--format', 'sarif']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/argument 'sarif' is invalid.*Allowed choices are table, markdown, json, csv/);
  });
});
