// Property: whatever a careless edit does to a valid dossier (a line deleted or doubled, a
// character replaced by YAML punctuation, the text cut short), `validate` returns a report —
// it never throws — and every diagnostic points at a line and column that exist in the file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { validate } from '../../../../src/commands/validate/run.js';
import { fixture } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

const VALID = readFileSync(fixture('validate', '_valid', 'dossier.yaml'), 'utf8');
const PUNCTUATION = [':', '-', '[', ']', '{', '}', '"', "'", '#', '\t', '\n', '&', '*', '!', '|', '>', '%', '@', '`', ',', ' ', '0'];

type Edit =
  | { kind: 'delete-line'; at: number }
  | { kind: 'double-line'; at: number }
  | { kind: 'replace-char'; at: number; ch: string }
  | { kind: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('double-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), ch: fc.constantFrom(...PUNCTUATION) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  switch (e.kind) {
    case 'delete-line':
      lines.splice(e.at % lines.length, 1);
      return lines.join('\n');
    case 'double-line': {
      const i = e.at % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'replace-char': {
      const i = e.at % Math.max(1, text.length);
      return text.slice(0, i) + e.ch + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, e.at % Math.max(1, text.length));
  }
}

describe('validate: random edits of a valid dossier', function () {
  this.timeout(120_000);
  const dir = tempDir('bpm-mutate-');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws, and every position lies inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const text = edits.reduce(apply, VALID);
        writeFileSync(join(dir, 'dossier.yaml'), text);
        const { report } = await validate({ paths: ['dossier.yaml'], cwd: dir, lang: 'en' });
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of [...report.diagnostics, ...report.files.flatMap((f) => f.diagnostics)]) {
          const where = `${d.code} at ${d.line}:${d.column}`;
          expect(d.line, where).to.be.a('number').and.within(1, lines.length + 1);
          const line = lines[(d.line as number) - 1] ?? '';
          expect(d.column, where).to.be.a('number').and.within(1, line.length + 1);
          expect(d.message, where).to.be.a('string').and.not.match(/\{\w+\}/);
        }
      }),
      { numRuns: 300, seed: 20251126 },
    );
  });

  it('the same holds for the monitoring CSV beside it', async () => {
    writeFileSync(join(dir, 'dossier.yaml'), VALID);
    const csv = readFileSync(fixture('validate', '_valid', 'monitoring.csv'), 'utf8');
    const csvEdit = fc.oneof(edit, fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), ch: fc.constantFrom(',', '"', '\r', '\n', ';', '\t', '%', '，') }));
    await fc.assert(
      fc.asyncProperty(fc.array(csvEdit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const text = edits.reduce(apply, csv);
        writeFileSync(join(dir, 'monitoring.csv'), text);
        const { report } = await validate({ paths: ['monitoring.csv', 'dossier.yaml'], cwd: dir, lang: 'zh' });
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of report.files.flatMap((f) => f.diagnostics)) {
          const where = `${d.code} at ${d.line}:${d.column}`;
          expect(d.line, where).to.be.a('number').and.within(1, lines.length + 1);
          expect(d.column, where).to.be.a('number').and.within(1, (lines[(d.line as number) - 1] ?? '').length + 1);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
