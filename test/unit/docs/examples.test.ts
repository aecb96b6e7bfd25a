// The documentation shows what bpm really does:
// - every `console` block of the README and docs/ is run: each `$ bpm …` line is a command (run
//   in the repository root), and the lines after it are its output, trimmed where a line reads
//   `…`; every other line must appear in the real output, in order;
// - the example documents of docs/formats.md (its YAML documents and its CSV file) form one
//   project folder that passes `bpm validate` without a problem;
// - a JSON block after `<!-- output of: bpm … -->` is part of that command's real output (every
//   field shown has the value shown; arrays may be trimmed). With "(in a folder holding this
//   page's examples)" the command runs in that folder, else in the repository root.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ROOT, runCli } from '../../helpers/run.js';
import { docPages, type Fence, fences } from './markdown.js';
import { tempDir } from '../../helpers/temp.js';

const pages = docPages();
const ELLIPSIS = '…';

/** Splits a console block into commands and the output shown for each. */
function sessions(body: string): { args: string[]; shown: string[] }[] {
  const out: { args: string[]; shown: string[] }[] = [];
  for (const line of body.split('\n')) {
    const m = /^\$ bpm(?: (.*))?$/.exec(line);
    if (m) out.push({ args: words(m[1] ?? ''), shown: [] });
    else if (out.length) out[out.length - 1].shown.push(line);
  }
  return out;
}

function words(s: string): string[] {
  return [...s.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The shown lines that are missing from the actual output, or out of order. */
function missingLines(shown: string[], actual: string): string[] {
  const lines = actual.split('\n').map((l) => l.trimEnd());
  while (shown.length && shown[shown.length - 1].trim() === '') shown = shown.slice(0, -1);
  const missing: string[] = [];
  let at = 0;
  for (const raw of shown) {
    const want = raw.trimEnd();
    if (want === ELLIPSIS) continue;
    const k = lines.indexOf(want, at);
    if (k < 0) missing.push(want);
    else at = k + 1;
  }
  return missing;
}

/** Where `shown` is not part of `actual`: paths of the differing values. */
function notSubset(shown: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    return shown.flatMap((item, i) => (actual.some((a) => notSubset(item, a).length === 0) ? [] : [`${path}[${i}]: no such item`]));
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: not an object`];
    return Object.entries(shown).flatMap(([k, v]) => (path === '' && k === 'version' ? [] : notSubset(v, (actual as Record<string, unknown>)[k], `${path}/${k}`)));
  }
  return shown === actual ? [] : [`${path}: ${JSON.stringify(shown)} shown, ${JSON.stringify(actual)} written`];
}

/** The usual file name of each kind in a project folder (the page's outputs show them). */
const NAMES: Record<string, string> = { ProjectDossier: 'dossier', Evaluation: 'evaluation', ScoringPolicy: 'policy', StrategyPlan: 'strategy' };

/** The example files of docs/formats.md in a fresh folder. */
function exampleFolder(): { dir: string; count: number } {
  const dir = tempDir('bpm-docs-');
  const written = new Set<string>();
  const write = (name: string, ext: string, body: string) => {
    let file = `${name}.${ext}`;
    for (let k = 2; written.has(file); k++) file = `${name}-${k}.${ext}`;
    written.add(file);
    writeFileSync(join(dir, file), body + '\n');
  };
  for (const f of fences(readFileSync(join(ROOT, 'docs/formats.md'), 'utf8'))) {
    const kind = /^kind: (\w+)/m.exec(f.body)?.[1];
    if (f.lang === 'yaml' && /^apiVersion: bpm\/v1$/m.test(f.body) && kind) write(NAMES[kind] ?? kind, 'yaml', f.body);
    else if (f.lang === 'csv') write('monitoring', 'csv', f.body);
  }
  return { dir, count: written.size };
}

const MARKER = /<!-- output of: bpm (.+?)( \(in a folder holding this page's examples\))? -->\s*$/;

function marker(f: Fence): { args: string[]; inExamples: boolean } | undefined {
  const m = MARKER.exec(f.before.trimEnd());
  return m ? { args: words(m[1]), inExamples: m[2] !== undefined } : undefined;
}

describe('documentation examples are real', () => {
  let examples: { dir: string; count: number };
  before(() => {
    examples = exampleFolder();
  });
  after(() => rmSync(examples.dir, { recursive: true, force: true }));

  for (const page of pages) {
    const blocks = fences(readFileSync(join(ROOT, page), 'utf8'));
    const consoles = blocks.filter((f) => f.lang === 'console');
    for (const block of consoles) {
      for (const { args, shown } of sessions(block.body)) {
        it(`${page}:${block.line}: bpm ${args.join(' ')}`, async () => {
          const r = await runCli(args);
          expect(missingLines(shown, r.stdout + r.stderr), `lines of ${page}:${block.line} not in the output of bpm ${args.join(' ')}`).to.deep.equal([]);
        });
      }
    }
    for (const block of blocks.filter((f) => f.lang === 'json' && marker(f))) {
      const { args, inExamples } = marker(block)!;
      it(`${page}:${block.line}: the JSON of bpm ${args.join(' ')}`, async () => {
        const r = await runCli(args, inExamples ? { cwd: examples.dir } : {});
        expect(notSubset(JSON.parse(block.body), JSON.parse(r.stdout))).to.deep.equal([]);
      });
    }
  }

  it('runs the commands of the README and docs/scoring.md', () => {
    const count = (page: string) => fences(readFileSync(join(ROOT, page), 'utf8')).filter((f) => f.lang === 'console').flatMap((f) => sessions(f.body)).length;
    expect(count('README.md')).to.be.greaterThan(5);
    expect(count('docs/scoring.md')).to.be.greaterThan(5);
  });

  it('docs/formats.md: its examples form a project folder that validates without a problem', async () => {
    expect(examples.count).to.equal(5);
    const r = await runCli(['validate', '.', '-f', 'json'], { cwd: examples.dir });
    const report = JSON.parse(r.stdout);
    expect(report.summary).to.deep.equal({ files: 5, errors: 0, warnings: 0 });
    expect(r.code).to.equal(0);
  });

  it('docs/formats.md: checks its JSON blocks against real output', () => {
    const checked = fences(readFileSync(join(ROOT, 'docs/formats.md'), 'utf8')).filter((f) => f.lang === 'json' && marker(f));
    expect(checked.length).to.equal(3);
  });

  it('would notice a line that bpm does not print, and a value it does not write', () => {
    expect(missingLines(['a', ELLIPSIS, 'c'], 'a\nb\nc\n')).to.deep.equal([]);
    expect(missingLines(['c', 'a'], 'a\nb\nc\n')).to.deep.equal(['a']);
    expect(notSubset({ a: [{ x: 1 }], b: 2 }, { a: [{ x: 1, y: 2 }], b: 3 })).to.deep.equal(['/b: 2 shown, 3 written']);
  });
});
