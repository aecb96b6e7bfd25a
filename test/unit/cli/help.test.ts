// --help of each reporting command lists its formats, from the command's table of formats, with
// their descriptions in English and Chinese.
import { expect } from 'chai';
import { formatNames, SCORE_FORMATS, VALIDATE_FORMATS, VARIANCE_FORMATS, type FormatTable } from '../../../src/formats/names.js';
import { formats as catalog } from '../../../src/i18n/catalog/formats.js';
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
      const expected = names.flatMap((n) => [`  ${n.padEnd(width)}  ${catalog.en[table[n]]}`, `  ${' '.repeat(width)}  ${catalog.zh[table[n]]}`]);
      expect(section.trimEnd().split('\n')).to.deep.equal(['Formats / 输出格式:', ...expected]);
    });
  }

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
