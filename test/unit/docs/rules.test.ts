// docs/rules.md has one section per diagnostic code bpm can emit, headed by the code itself, so
// that `docs/rules.md#<code>` is a stable anchor (SARIF rules link there). The codes are
// collected from where bpm declares or emits them: the input layer's lists (src/io/codes.ts),
// the semantic rules (ruleCodes), the monitoring collector and flags, and the code literals of
// the review, scoring and application modules and the commands. A code without its section, or
// a section for a code bpm no longer has, fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { MONITORING_CODES } from '../../../src/core/monitoring/collector.js';
import { FLAG_CODES } from '../../../src/core/monitoring/flags.js';
import { ruleCodes } from '../../../src/core/rules/run.js';
import { INPUT_CODES } from '../../../src/io/codes.js';
import { fixture, ROOT } from '../../helpers/run.js';
import { headings } from './markdown.js';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(ROOT, dir, e.name)] : [],
  );
}

/** Code literals where diagnostics, findings and flags are made, anywhere in src/. */
function emittedCodes(): string[] {
  const found = new Set<string>();
  const made = /(?:\bcode: |\bdiag\(|\bproblem\(|PolicyLoadError\(|\bfind\()'([a-z0-9-]+)'/g;
  for (const f of sources('src')) for (const m of readFileSync(f, 'utf8').matchAll(made)) found.add(m[1]);
  // Review findings are made by `add(level, code, …)`, some through a conditional or a table.
  for (const f of sources('src/core/review')) for (const m of readFileSync(f, 'utf8').matchAll(/'(review-[a-z0-9-]+)'/g)) found.add(m[1]);
  return [...found];
}

/** Every code bpm can emit. */
function allCodes(): string[] {
  const flags = FLAG_CODES.map((c) => c.split('.')[0]);
  return [...new Set([...INPUT_CODES, ...ruleCodes(), ...MONITORING_CODES, ...flags, ...emittedCodes()])].sort();
}

/** Severities per code as the validate fixtures show them. */
function fixtureSeverities(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const dir = fixture('validate');
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const raw = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8'));
    for (const d of Array.isArray(raw) ? raw : raw.diagnostics) out.set(d.code, (out.get(d.code) ?? new Set()).add(d.severity));
  }
  return out;
}

/** The sections of docs/rules.md headed by a code (level 3), with their text. */
function sections(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  const out = new Map<string, string[]>();
  const parts = text.split(/^### /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const title = part.slice(0, nl).trim();
    const body = part.slice(nl + 1).split(/^#{1,3} /m)[0];
    out.set(title, [...(out.get(title) ?? []), body]);
  }
  return out;
}

describe('docs/rules.md: a section for every diagnostic code', () => {
  const codes = allCodes();
  const bySection = sections();

  it('collects the codes from every source (a lost source would make this test pass vacuously)', () => {
    expect(codes.length).to.be.greaterThan(150);
    for (const c of ['yaml-syntax', 'unknown-key', 'csv-stray-quote', 'weights-sum', 'unknown-project', 'dual-monitoring-gap', 'review-score-low', 'review-target-above-baseline', 'target-met', 'recommend-application', 'period-no-data']) {
      expect(codes, c).to.include(c);
    }
  });

  it('has exactly one section headed by each code', () => {
    expect(codes.filter((c) => !bySection.has(c))).to.deep.equal([]);
    expect([...bySection].filter(([, bodies]) => bodies.length > 1).map(([c]) => c)).to.deep.equal([]);
  });

  it('has no section for a code bpm does not emit', () => {
    const known = new Set(codes);
    expect([...bySection.keys()].filter((c) => !known.has(c))).to.deep.equal([]);
  });

  it('gives each code its severity, message, what it checks, why and how to fix', () => {
    const problems: string[] = [];
    for (const [code, [body]] of bySection) {
      for (const part of ['**Severity:**', '\n> ', '**Checks:**', '**Why:**', '**Fix:**']) {
        if (!body.includes(part)) problems.push(`${code}: no ${part.trim()}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('states the severity the validate fixtures show', () => {
    const problems: string[] = [];
    for (const [code, seen] of fixtureSeverities()) {
      const body = bySection.get(code)?.[0];
      if (body === undefined) continue;
      const line = /\*\*Severity:\*\*([^\n]*)/.exec(body)?.[1] ?? '';
      for (const s of seen) if (!line.includes(s)) problems.push(`${code}: ${s} in the fixtures, "${line.trim()}" in docs/rules.md`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('is headed so that each code is its own GitHub anchor', () => {
    const slugs = new Set(headings(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')).map((h) => h.slug));
    expect(codes.filter((c) => !slugs.has(c))).to.deep.equal([]);
  });
});
