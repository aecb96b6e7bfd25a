// Table-driven: every folder under test/fixtures/validate/ is one case. `expected.json` lists,
// written by hand from the fixture's lines, the diagnostics `bpm validate` must report there —
// exact code, severity, line and column — and the test fails on any other error or warning.
// `_valid/` is the baseline every case starts from: it must produce no diagnostic at all.
//
// expected.json is either a plain list of diagnostics, or an object
//   { "paths": ["dossier.yaml"], "strategy": "plans/strategy.yaml", "policy": "key",
//     "diagnostics": [...] }
// for a case that needs command-line paths or options (the default path is the folder itself).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { validate } from '../../../../src/commands/validate/run.js';
import type { Diagnostic } from '../../../../src/core/diagnostics.js';
import { ruleCodes } from '../../../../src/core/rules/run.js';
import { MAX_YAML_BYTES } from '../../../../src/io/workspace.js';
import { MAX_DIAGNOSTICS } from '../../../../src/io/csv.js';
import { MAX_RECORD } from '../../../../src/io/csv-tokenizer.js';
import { fixture } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

interface Expected {
  file: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  /** Message arguments that must be present with these values (e.g. a did-you-mean suggestion). */
  args?: Diagnostic['args'];
}

interface Case {
  name: string;
  dir: string;
  paths: string[];
  strategy?: string;
  policy?: string;
  diagnostics: Expected[];
}

const ROOT = fixture('validate');

function loadCases(): Case[] {
  return readdirSync(ROOT)
    .filter((name) => statSync(join(ROOT, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(ROOT, name);
      const raw = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected[] | (Omit<Case, 'name' | 'dir' | 'paths'> & { paths?: string[] });
      const spec = Array.isArray(raw) ? { diagnostics: raw } : raw;
      return { name, dir, paths: spec.paths ?? ['.'], strategy: spec.strategy, policy: spec.policy, diagnostics: spec.diagnostics };
    });
}

/** Every diagnostic of a run, flattened, with the file as reported. */
async function run(c: { dir: string; paths: string[]; strategy?: string; policy?: string }): Promise<Diagnostic[]> {
  const { report } = await validate({ paths: c.paths, cwd: c.dir, lang: 'en', strategy: c.strategy, policy: c.policy });
  return [...report.diagnostics, ...report.files.flatMap((f) => f.diagnostics)];
}

const show = (d: Partial<Diagnostic>) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${JSON.stringify(d.args ?? {})}`;

function assertMatches(actual: Diagnostic[], expected: Expected[]): void {
  const remaining = [...actual];
  const missing: Expected[] = [];
  for (const e of expected) {
    const i = remaining.findIndex(
      (d) =>
        d.file === e.file &&
        d.code === e.code &&
        d.severity === e.severity &&
        d.line === e.line &&
        d.column === e.column &&
        Object.entries(e.args ?? {}).every(([k, v]) => d.args?.[k] === v),
    );
    if (i < 0) missing.push(e);
    else remaining.splice(i, 1);
  }
  const extra = remaining.filter((d) => d.severity !== 'info');
  expect({ missing: missing.map(show), unexpected: extra.map(show) }, `reported:\n  ${actual.map(show).join('\n  ')}`).to.deep.equal({ missing: [], unexpected: [] });
}

const CASES = loadCases();

describe('validate fixtures (test/fixtures/validate/<case>/expected.json)', () => {
  it('has a valid baseline that yields no diagnostic at all', async () => {
    const base = CASES.find((c) => c.name === '_valid');
    expect(base, '_valid/ fixture').to.not.equal(undefined);
    expect(base!.diagnostics).to.deep.equal([]);
    expect(await run(base!)).to.deep.equal([]);
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.diagnostics.map((d) => d.code).join(', ') || 'no diagnostics'}`, async () => {
      for (const e of c.diagnostics) expect(existsSync(join(c.dir, e.file)), `${c.name}: expected file ${e.file}`).to.equal(true);
      assertMatches(await run(c), c.diagnostics);
    });
  }

  it('renders every fixture diagnostic in Chinese and English with no placeholder left unfilled', async () => {
    for (const c of CASES) {
      for (const lang of ['zh', 'en'] as const) {
        const { report } = await validate({ paths: c.paths, cwd: c.dir, lang, strategy: c.strategy, policy: c.policy });
        for (const d of [...report.diagnostics, ...report.files.flatMap((f) => f.diagnostics)]) {
          expect(d.message, `${c.name} ${lang} ${d.code}`).to.be.a('string').and.not.match(/\{\w+\}/);
          expect(d.message, `${c.name} ${lang} ${d.code}`).to.not.equal(d.code);
        }
      }
    }
  });

  it('has a fixture for every code a semantic rule can emit', () => {
    const covered = new Set(CASES.flatMap((c) => c.diagnostics.map((d) => d.code)));
    expect(ruleCodes().filter((code) => !covered.has(code))).to.deep.equal([]);
  });

  it('has a fixture for every schema error class and YAML/document problem', () => {
    const covered = new Set(CASES.flatMap((c) => c.diagnostics.map((d) => d.code)));
    const classes = [
      'unknown-key', 'missing-field', 'wrong-type', 'invalid-value', 'invalid-format', 'out-of-range', 'wrong-size', 'empty-value',
      'yaml-syntax', 'duplicate-key', 'empty-file', 'not-a-mapping', 'multiple-documents', 'yaml-alias-bomb', 'not-bpm-document', 'unknown-kind',
      'invalid-utf8', 'yaml-alias-cycle', 'invisible-character',
      'policy-unreadable', 'policy-invalid', 'policy-not-a-policy', 'policy-cycle',
    ];
    expect(classes.filter((code) => !covered.has(code))).to.deep.equal([]);
  });

  it('has a fixture for every monitoring CSV syntax problem', () => {
    const covered = new Set(CASES.flatMap((c) => c.diagnostics.map((d) => d.code)));
    const csv = [
      'csv-empty', 'csv-missing-column', 'csv-duplicate-column', 'csv-unknown-column', 'csv-column-count', 'csv-unbalanced-quote',
      'csv-stray-quote', 'csv-empty-cell', 'value-empty', 'value-not-number', 'binary-content', 'encoding-mismatch',
    ];
    expect(csv.filter((code) => !covered.has(code))).to.deep.equal([]);
  });

  // Too big to commit: generated.
  it('csv-record-too-long and csv-too-many-problems: oversized rows and floods of problems are capped', async () => {
    const dir = tempDir('bpm-csv-');
    try {
      writeFileSync(join(dir, 'long.csv'), 'project,period,metric,value\nA,2025-Q1,spend,' + '9'.repeat(MAX_RECORD + 10) + '\n');
      assertMatches(await run({ dir, paths: ['long.csv'] }), [{ file: 'long.csv', code: 'csv-record-too-long', severity: 'error', line: 2, column: 1 }]);
      // 5 rows more than the cap: the cap's worth of value-not-number, then one summary warning.
      writeFileSync(join(dir, 'many.csv'), 'project,period,metric,value\n' + 'A,2025-Q1,spend,abc\n'.repeat(MAX_DIAGNOSTICS + 5));
      const found = await run({ dir, paths: ['many.csv'] });
      expect(found.filter((d) => d.code === 'value-not-number')).to.have.length(MAX_DIAGNOSTICS);
      const summary = found.filter((d) => d.code === 'csv-too-many-problems');
      expect(summary.map((d) => [d.severity, d.line, d.column, d.args?.omitted])).to.deep.equal([['warning', MAX_DIAGNOSTICS + 1, 1, 5]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Too big to commit: generated. A bpm file over the limit is an error, named or walked; other
  // YAML over the limit is an error when named and skipped when walked.
  it('file-too-large: a YAML file over the size limit is refused without being parsed', async () => {
    const dir = tempDir('bpm-large-');
    try {
      const padding = '# padding\n'.repeat(Math.ceil(MAX_YAML_BYTES / 10) + 1);
      writeFileSync(join(dir, 'big.yaml'), 'apiVersion: bpm/v1\nkind: ProjectDossier\n' + padding);
      writeFileSync(join(dir, 'other.yml'), 'services: {}\n' + padding);
      const tooLarge = (file: string): Expected => ({ file, code: 'file-too-large', severity: 'error', line: 1, column: 1 });
      assertMatches(await run({ dir, paths: ['big.yaml'] }), [tooLarge('big.yaml')]);
      assertMatches(await run({ dir, paths: ['other.yml'] }), [tooLarge('other.yml')]);
      assertMatches(await run({ dir, paths: ['.'] }), [tooLarge('big.yaml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
