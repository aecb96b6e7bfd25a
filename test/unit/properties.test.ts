// Property tests (fast-check) of what must hold for any input, not just the fixtures:
// exact budget arithmetic, deterministic output whatever the file order, `-o` never leaving a
// partial file, and (once src/core/scoring/project.ts exists) the bounds and scale invariance of scores.
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { D, sum } from '../../src/core/decimal.js';
import type { Dossier } from '../../src/core/model/model.js';
import { normaliseDossier, normaliseEvaluation } from '../../src/core/model/normalise.js';
import { builtinPolicy } from '../../src/core/model/policy.js';
import { budgetSourcesSum } from '../../src/core/rules/budget-sources-sum.js';
import type { RuleContext } from '../../src/core/rules/index.js';
import type { EvaluationDoc, ProjectDossierDoc } from '../../src/core/model/schema-types.js';
import { writeOutput } from '../../src/io/output.js';
import { checkDocument } from '../../src/io/schema.js';
import { scoreProject as scoreProjectImpl } from '../../src/core/scoring/project.js';
import { parseWithPositions } from '../../src/io/workspace.js';
import { BIN, runCli } from '../helpers/run.js';
// @ts-expect-error: a plain ES module script without types
import { dossierYaml, evaluationYaml } from '../../scripts/gen-dossiers.mjs';
import { tempDir } from '../helpers/temp.js';

const tmp = () => tempDir('bpm-prop-');

/** A decimal amount as YAML writes it: up to 9 integer digits and 0-4 decimals (<= 13 digits). */
const amount = fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 4 })).map(([i, f, places]) => {
  const frac = places === 0 ? '' : '.' + String(f).padStart(4, '0').slice(0, places);
  return new D(`${i}${frac}`).toString();
});

/** Loads a dossier text the way `bpm validate` does: parse, schema, normalise. */
function loadDossier(text: string): Dossier {
  const parsed = parseWithPositions(text, 'p.yaml');
  expect(parsed.diagnostics, text).to.deep.equal([]);
  expect(checkDocument('ProjectDossier', parsed.data, 'p.yaml').diagnostics, text).to.deep.equal([]);
  return normaliseDossier(parsed.data as unknown as ProjectDossierDoc, 'p.yaml');
}

function withSources(amounts: string[], total: string): string {
  const base = dossierYaml(1, 42) as string;
  const sources = amounts.map((a, i) => `    - {name: 来源${i + 1}, amount: ${a}}`).join('\n');
  return base
    .replace(/ {2}initial: .*\n/, '')
    .replace(/ {2}total: .*\n/, `  total: ${total}\n`)
    .replace(/ {2}sources:\n(?: {4}- .*\n)+/, `  sources:\n${sources}\n`)
    .replace(/ {2}schedule: .*\n/, '');
}

const ctx = {} as RuleContext;

describe('properties (fast-check)', function () {
  this.timeout(120_000);

  describe('budget arithmetic is exact', () => {
    it('funding sources that add up to the total never trip budget-sources-sum', () => {
      fc.assert(
        fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (amounts) => {
          const total = sum(amounts.map((a) => new D(a))).toString();
          const d = loadDossier(withSources(amounts, total));
          expect(budgetSourcesSum.check(d, ctx), `${amounts.join(' + ')} = ${total}`).to.deep.equal([]);
        }),
        { numRuns: 300, seed: 1126 },
      );
    });

    it('and any difference, however small, is caught (the property can fail)', () => {
      fc.assert(
        fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), fc.constantFrom('0.0001', '0.01', '1'), (amounts, eps) => {
          const total = sum(amounts.map((a) => new D(a))).plus(eps).toString();
          const d = loadDossier(withSources(amounts, total));
          const found = budgetSourcesSum.check(d, ctx);
          expect(found).to.have.length(1);
          expect(found[0].args?.difference).to.equal(`-${eps}`);
        }),
        { numRuns: 100, seed: 2611 },
      );
    });

    it('0.1 + 0.2 = 0.3 (and 1e-4 × 3 sources = 0.0003)', () => {
      expect(budgetSourcesSum.check(loadDossier(withSources(['0.1', '0.2'], '0.3')), ctx)).to.deep.equal([]);
      expect(budgetSourcesSum.check(loadDossier(withSources(['0.0001', '0.0001', '0.0001'], '0.0003')), ctx)).to.deep.equal([]);
      expect(budgetSourcesSum.check(loadDossier(withSources(['0.1', '0.2'], '0.30000000000000004')), ctx)).to.have.length(1);
    });
  });

  describe('json output is byte-identical across runs and file orderings', () => {
    // A batch with findings of every kind: a broken dossier, a duplicate project code (a
    // cross-file rule whose report must not depend on which file came first), evaluations.
    const FILES: [string, string][] = [];
    for (let i = 1; i <= 8; i++) {
      FILES.push([`p${i}/dossier.yaml`, dossierYaml(i, 5, { broken: i === 3 }) as string]);
      if (i % 2 === 0) FILES.push([`p${i}/evaluation.yaml`, evaluationYaml(i, 5) as string]);
    }
    FILES.push(['dup/dossier.yaml', dossierYaml(2, 5) as string]);
    FILES.push(['zz/strategy.yaml', 'apiVersion: bpm/v1\nkind: StrategyPlan\nname: s\nobjectives:\n  - {id: S1, title: t}\n']);

    let reference: string;
    before(async () => {
      const dir = tmp();
      for (const [rel, text] of FILES) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
      const r = await runCli(['validate', '.', '--format', 'json'], { cwd: dir });
      expect(r.code).to.equal(1);
      reference = r.stdout;
      const codes = (JSON.parse(reference) as { files: { diagnostics: { code: string }[] }[] }).files.flatMap((f) => f.diagnostics.map((d) => d.code));
      expect(codes).to.include.members(['weights-sum', 'project-code-duplicate', 'unknown-objective']);
      rmSync(dir, { recursive: true, force: true });
    });

    it('whatever order the files are created in and named on the command line', async () => {
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(FILES, { minLength: FILES.length, maxLength: FILES.length }), fc.shuffledSubarray(FILES.map((f) => f[0]), { minLength: FILES.length, maxLength: FILES.length }), fc.boolean(), async (created, named, walk) => {
          const dir = tmp();
          try {
            for (const [rel, text] of created) {
              mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
              writeFileSync(path.join(dir, rel), text);
            }
            const args = walk ? ['.'] : named;
            const r = await runCli(['validate', ...args, '--format', 'json'], { cwd: dir });
            expect(r.stdout).to.equal(reference);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: 25, seed: 42 },
      );
    });
  });

  describe('-o never leaves a partial file', () => {
    const content = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 5000 }));

    it('a write that fails at the last moment leaves the target as it was and no temporary file', async () => {
      await fc.assert(
        fc.asyncProperty(content, fc.option(fc.string({ maxLength: 200 }), { nil: undefined }), async (text, previous) => {
          const dir = tmp();
          try {
            const target = path.join(dir, 'out.json');
            if (previous !== undefined) writeFileSync(target, previous);
            let failed = false;
            try {
              await writeOutput(text, { output: 'out.json', cwd: dir, inputs: [], beforeRename: () => { throw new Error('disk full'); } });
            } catch {
              failed = true;
            }
            expect(failed).to.equal(true);
            if (previous === undefined) expect(existsSync(target)).to.equal(false);
            else expect(readFileSync(target, 'utf8')).to.equal(previous);
            expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
            await writeOutput(text, { output: 'out.json', cwd: dir, inputs: [] });
            expect(readFileSync(target, 'utf8')).to.equal(text);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: 60, seed: 7 },
      );
    });

    it('refuses an input as the target, however it is named (relative, absolute, ./, symlink, hard link)', async () => {
      const dir = tmp();
      try {
        const input = path.join(dir, 'dossier.yaml');
        const original = dossierYaml(1, 1) as string;
        writeFileSync(input, original);
        symlinkSync(input, path.join(dir, 'link.yaml'));
        linkSync(input, path.join(dir, 'hard.yaml'));
        for (const o of ['dossier.yaml', './dossier.yaml', input, 'sub/../dossier.yaml', 'link.yaml', 'hard.yaml']) {
          mkdirSync(path.join(dir, 'sub'), { recursive: true });
          const r = await runCli(['validate', 'dossier.yaml', '--format', 'json', '-o', o], { cwd: dir });
          expect(r.code, o).to.equal(2);
          expect(readFileSync(input, 'utf8'), o).to.equal(original);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a process killed at any moment leaves either no target or the complete output', async () => {
      const dir = tmp();
      try {
        for (let i = 1; i <= 300; i++) writeFileSync(path.join(dir, `d${i}.yaml`), dossierYaml(i, 3, { broken: i % 7 === 0 }) as string);
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 0, max: 1500 }), async (delay) => {
            rmSync(path.join(dir, 'out.json'), { force: true });
            const child = spawn(process.execPath, [BIN, 'validate', '.', '--format', 'json', '-o', 'out.json'], { cwd: dir, stdio: 'ignore' });
            const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
            await new Promise((r) => setTimeout(r, delay));
            child.kill('SIGKILL');
            await done;
            const out = path.join(dir, 'out.json');
            if (existsSync(out)) {
              const json = JSON.parse(readFileSync(out, 'utf8')) as { summary: { files: number } };
              expect(json.summary.files).to.equal(300);
            }
          }),
          { numRuns: 12, seed: 99 },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('scores (src/core/scoring/project.ts)', () => {
    const scoreProject = scoreProjectImpl;

    /** A generated project with its actuals scaled: every numeric target and actual × k. */
    function project(i: number, seed: number, k: string) {
      const dText = dossierYaml(i, seed) as string;
      const eText = evaluationYaml(i, seed) as string;
      const dd = parseWithPositions(dText, 'd.yaml').data as unknown as ProjectDossierDoc;
      const ee = parseWithPositions(eText, 'e.yaml').data as unknown as EvaluationDoc;
      const scale = (x: number) => Number(new D(String(x)).times(k).toString());
      const scaled = new Set<string>();
      for (const ind of dd.indicators) {
        const a = (ee.actuals as Record<string, unknown>)[ind.code];
        if (typeof ind.target === 'number' && typeof a === 'number' && ind.unit !== '%') {
          (ind as { target: number }).target = scale(ind.target);
          (ee.actuals as Record<string, unknown>)[ind.code] = scale(a);
          delete (ind as { milestones?: unknown }).milestones;
          delete (ind as { baseline?: unknown }).baseline;
          scaled.add(ind.code);
        }
      }
      return { dossier: normaliseDossier(dd, 'd.yaml'), evaluation: normaliseEvaluation(ee, 'e.yaml'), scaled };
    }

    const policy = builtinPolicy('self')!;

    it('every indicator score lies in [0, weight], every total in [0, 100]', function () {
      const score = scoreProject;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), (i, seed) => {
          const p = project(i, seed, '1');
          const s = score({ dossier: p.dossier, evaluation: p.evaluation, policy });
          for (const ind of s.indicators) {
            if (ind.score === null) continue;
            expect(ind.score.greaterThanOrEqualTo(0) && ind.score.lessThanOrEqualTo(ind.weight), `${ind.code} ${ind.score} / ${ind.weight}`).to.equal(true);
          }
          if (s.total !== null) expect(s.total.greaterThanOrEqualTo(0) && s.total.lessThanOrEqualTo(100), String(s.total)).to.equal(true);
        }),
        { numRuns: 200, seed: 3 },
      );
    });

    it('rescaling every target and actual by the same factor keeps every ratio-based score', function () {
      const score = scoreProject;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom('0.001', '0.5', '3', '7', '1000', '12345'), (i, seed, k) => {
          const a = project(i, seed, '1');
          const b = project(i, seed, k);
          const sa = score({ dossier: a.dossier, evaluation: a.evaluation, policy });
          const sb = score({ dossier: b.dossier, evaluation: b.evaluation, policy });
          let compared = 0;
          for (const ind of sa.indicators) {
            if (!a.scaled.has(ind.code) || ind.method !== 'ratio') continue;
            const other = sb.indicators.find((x) => x.code === ind.code)!;
            expect(String(other.score), `${ind.code} × ${k}`).to.equal(String(ind.score));
            compared++;
          }
          expect(compared).to.be.greaterThan(0);
        }),
        { numRuns: 150, seed: 4 },
      );
    });
  });
});
