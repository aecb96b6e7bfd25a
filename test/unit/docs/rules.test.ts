// docs/rules.md has one section per diagnostic code bpm can emit, headed by the code itself, so
// that `docs/rules.md#<code>` is a stable anchor (SARIF rules link there). The codes are
// collected from where bpm declares or emits them: the input layer's lists (src/io/codes.ts),
// the semantic rules (ruleCodes), the monitoring collector and flags, and the code literals of
// the review, scoring and application modules and the commands. A code without its section, or
// a section for a code bpm no longer has, fails. Each section explains the code in English and
// then in Chinese, bullet for bullet, so that SARIF help text can be given in either language.
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

/** A bullet of a code section: `- **Label** text`, continued on the lines indented below it. */
interface Bullet {
  label: string;
  text: string;
}

function bullets(body: string): Bullet[] {
  const out: Bullet[] = [];
  let open = false;
  for (const line of body.split('\n')) {
    const m = /^- \*\*([^*]+)\*\*(.*)$/.exec(line);
    if (m) out.push({ label: m[1], text: m[2].trim() });
    else if (open && line.startsWith('  ')) out[out.length - 1].text = `${out[out.length - 1].text} ${line.trim()}`.trim();
    open = m !== null || (open && line.startsWith('  '));
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
/** The fixed labels, English and Chinese, by which help text can be found in either language. */
const LABELS: ReadonlyArray<readonly [string, string]> = [
  ['Checks:', '检查：'],
  ['Why:', '原因：'],
  ['Fix:', '修改：'],
];

/**
 * What is wrong with the bullets of one code section: each fixed label once in each language,
 * none empty, the Chinese bullets after all the English ones and in the same order (an extra
 * English bullet such as "A comma split the value:" has its own Chinese one at the same place),
 * written in Chinese with full-width punctuation (outside code spans and link targets).
 */
function bulletProblems(code: string, body: string): string[] {
  const problems: string[] = [];
  const all = bullets(body);
  const en = all.filter((b) => !HAN.test(b.label));
  const zh = all.filter((b) => HAN.test(b.label));
  for (const [e, z] of LABELS) {
    for (const [label, list] of [[e, en], [z, zh]] as const) {
      const n = list.filter((b) => b.label === label).length;
      if (n !== 1) problems.push(`${code}: **${label}** ${n} times`);
    }
  }
  for (const b of all) if (b.text === '') problems.push(`${code}: **${b.label}** is empty`);
  const firstZh = all.findIndex((b) => HAN.test(b.label));
  if (firstZh >= 0 && all.slice(firstZh).some((b) => !HAN.test(b.label))) problems.push(`${code}: an English bullet after a Chinese one`);
  if (zh.length !== en.length) problems.push(`${code}: ${en.length} English bullets, ${zh.length} Chinese`);
  en.forEach((e, i) => {
    const z = zh[i];
    if (z === undefined) return;
    const fixed = LABELS.find(([l]) => l === e.label);
    if (fixed ? z.label !== fixed[1] : LABELS.some(([, l]) => l === z.label)) problems.push(`${code}: **${z.label}** where **${e.label}** needs its counterpart`);
  });
  for (const z of zh) {
    if (!z.label.endsWith('：')) problems.push(`${code}: **${z.label}** does not end with a full-width colon`);
    const prose = z.text.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ']');
    if (!HAN.test(prose)) problems.push(`${code}: **${z.label}** has no Chinese text`);
    const ascii = /\p{Script=Han}[,;:()"?!]|[,;:()"?!]\p{Script=Han}/u.exec(prose);
    if (ascii) problems.push(`${code}: **${z.label}** has ASCII punctuation in Chinese text: "${ascii[0]}"`);
  }
  return problems;
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

  it('gives what it checks, why and how to fix it in English, then the same bullets in Chinese', () => {
    const problems: string[] = [];
    for (const [code, [body]] of bySection) problems.push(...bulletProblems(code, body));
    expect(problems).to.deep.equal([]);
  });

  it('finds a missing, empty, misplaced or untranslated Chinese bullet', () => {
    const en = '- **Checks:** a.\n  more a.\n- **Why:** b.\n- **Fix:** c.\n';
    const zh = ['- **检查：** 甲。', '- **原因：** 乙。', '- **修改：** 丙。'];
    expect(bulletProblems('x', `${en}${zh.join('\n')}\n`)).to.deep.equal([]);
    expect(bulletProblems('x', `${en}${zh[0]}\n${zh[2]}\n`)).to.deep.equal(['x: **原因：** 0 times', 'x: 3 English bullets, 2 Chinese', 'x: **修改：** where **Why:** needs its counterpart']);
    expect(bulletProblems('x', `${en}${zh[0]}\n- **原因：**\n${zh[2]}\n`)).to.deep.equal(['x: **原因：** is empty', 'x: **原因：** has no Chinese text']);
    expect(bulletProblems('x', `${zh[0]}\n${en}${zh[1]}\n${zh[2]}\n`)).to.deep.equal(['x: an English bullet after a Chinese one']);
    expect(bulletProblems('x', `${en}${zh[0]}\n- **原因：** \`note\` (see [y](#y)).\n${zh[2]}\n`)).to.deep.equal(['x: **原因：** has no Chinese text']);
    expect(bulletProblems('x', `${en}${zh[0]}\n- **原因：** 见上文(说明);乙。\n${zh[2]}\n`)).to.deep.equal(['x: **原因：** has ASCII punctuation in Chinese text: "文("']);
    const extra = `${en}- **A comma:** d.\n${zh.join('\n')}\n`;
    expect(bulletProblems('x', extra)).to.deep.equal(['x: 4 English bullets, 3 Chinese']);
    expect(bulletProblems('x', `${extra}- **逗号：** 丁。\n`)).to.deep.equal([]);
    expect(bulletProblems('x', `${extra}- **逗号:** 丁。\n`)).to.deep.equal(['x: **逗号:** does not end with a full-width colon']);
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
