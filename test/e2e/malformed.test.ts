// Malformed input (issue 2): every hostile file below, generated at test time, yields
// diagnostics or a clear error with exit code 1 or 2 — never a stack trace, never a hang — and
// is left exactly as it was.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { fixture, spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const VALID = readFileSync(fixture('validate', '_valid', 'dossier.yaml'));
const HEADER = 'apiVersion: bpm/v1\nkind: ProjectDossier\n';
/** Generous for a slow CI machine; the real runs take well under a second each. */
const TIME_LIMIT_MS = 15_000;

interface Case {
  name: string;
  /** Files to create, relative to the case's directory (a trailing '/' makes a directory). */
  files: Record<string, string | Buffer>;
  args: string[];
  /** Expected exit code, and a diagnostic code (json) or a stderr pattern. */
  code: 1 | 2;
  expect?: string | RegExp;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function noise(n: number, seed = 0x2545f491): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** `s` in UTF-32LE with its byte-order mark, each UTF-16 unit a unit of its own (a lone surrogate stays one). */
function utf32le(s: string): Buffer {
  const out = Buffer.alloc((s.length + 1) * 4);
  out.writeUInt32LE(0xfeff, 0);
  for (let i = 0; i < s.length; i++) out.writeUInt32LE(s.charCodeAt(i), (i + 1) * 4);
  return out;
}

function billionLaughs(): string {
  let s = HEADER + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  const names = 'bcdefghijk';
  for (let i = 0; i < names.length; i++) {
    const prev = i === 0 ? 'a' : names[i - 1];
    s += `${names[i]}: &${names[i]} [${Array(10).fill('*' + prev).join(',')}]\n`;
  }
  return s;
}

const CASES: Case[] = [
  { name: 'truncated YAML', files: { 'd.yaml': VALID.subarray(0, Math.floor(VALID.length * 0.6)) }, args: ['d.yaml'], code: 1 },
  { name: 'truncated inside a flow mapping', files: { 'd.yaml': HEADER + 'project: {code: A, name: "社区' }, args: ['d.yaml'], code: 1, expect: 'yaml-syntax' },
  { name: 'binary bytes named explicitly', files: { 'd.yaml': noise(64 * 1024) }, args: ['d.yaml'], code: 1 },
  { name: 'binary bytes after a bpm header', files: { 'd.yaml': Buffer.concat([Buffer.from(HEADER), noise(4096)]) }, args: ['.'], code: 1 },
  { name: 'invalid UTF-8', files: { 'd.yaml': Buffer.concat([Buffer.from(HEADER + 'goal: '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), Buffer.from('\n')]) }, args: ['d.yaml'], code: 1 },
  { name: 'an empty file', files: { 'd.yaml': '' }, args: ['d.yaml'], code: 1, expect: 'empty-file' },
  { name: 'an empty CSV', files: { 'm.csv': '' }, args: ['m.csv'], code: 1, expect: 'csv-empty' },
  { name: 'a 10 MB YAML file', files: { 'd.yaml': HEADER + 'goal: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n' }, args: ['d.yaml'], code: 1, expect: 'file-too-large' },
  { name: 'a 10 MB CSV line', files: { 'm.csv': 'project,period,metric,value\n"' + 'x'.repeat(10 * 1024 * 1024) }, args: ['m.csv'], code: 1 },
  { name: 'a YAML alias bomb (billion laughs)', files: { 'd.yaml': billionLaughs() }, args: ['.'], code: 1, expect: 'yaml-alias-bomb' },
  { name: 'a YAML alias bomb of long strings', files: { 'd.yaml': HEADER + `a: &a "${'x'.repeat(100_000)}"\n` + `b: [${Array(1000).fill('*a').join(',')}]\n` }, args: ['d.yaml'], code: 1 },
  { name: '__proto__ and constructor keys', files: { 'd.yaml': HEADER + '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nproject:\n  __proto__: {code: X}\n' }, args: ['d.yaml'], code: 1, expect: 'unknown-key' },
  { name: '10,000-deep flow nesting', files: { 'd.yaml': HEADER + 'goal: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n' }, args: ['d.yaml'], code: 1, expect: 'yaml-too-deep' },
  { name: '2,000-deep block nesting', files: { 'd.yaml': HEADER + 'goal:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 1) + '-\n').join('') }, args: ['d.yaml'], code: 1 },
  { name: '10,000-deep mapping nesting', files: { 'd.yaml': HEADER + 'goal: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n' }, args: ['d.yaml'], code: 1, expect: 'yaml-too-deep' },
  { name: 'a directory named like a file', files: { 'x.yaml/': '' }, args: ['x.yaml'], code: 2, expect: /x\.yaml/ },
  { name: 'NUL bytes in YAML', files: { 'd.yaml': Buffer.concat([Buffer.from(HEADER + 'goal: a'), Buffer.from([0, 0, 0]), Buffer.from('b\n')]) }, args: ['d.yaml'], code: 1 },
  { name: 'NUL bytes in CSV', files: { 'm.csv': Buffer.concat([Buffer.from('project,period,metric,value\nA,2025-Q1,spend,1'), Buffer.from([0]), Buffer.from('2\n')]) }, args: ['m.csv'], code: 1, expect: 'binary-content' },
  { name: 'a UTF-16 file without a BOM', files: { 'd.yaml': Buffer.from(HEADER, 'utf16le') }, args: ['d.yaml'], code: 1 },
  { name: 'UTF-32 with a character that is none', files: { 'd.yaml': utf32le(HEADER + 'goal: 社区\ud800文化\n') }, args: ['d.yaml'], code: 1, expect: 'invalid-utf8' },
  { name: 'a lone CR line ending and tabs', files: { 'd.yaml': HEADER.replace(/\n/g, '\r') + 'project:\n\tcode: X\n' }, args: ['d.yaml'], code: 1 },
];

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out[name] = statSync(p).isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

describe('e2e: malformed input never crashes or hangs bpm validate', function () {
  this.timeout(60_000);

  for (const c of CASES) {
    it(c.name, () => {
      const dir = tempDir('bpm-malformed-');
      for (const [name, content] of Object.entries(c.files)) {
        if (name.endsWith('/')) mkdirSync(join(dir, name), { recursive: true });
        else writeFileSync(join(dir, name), content);
      }
      const before = hashes(dir);
      const started = Date.now();
      const r = spawnBpm(['validate', ...c.args, '--format', 'json'], { cwd: dir, timeout: TIME_LIMIT_MS });
      const elapsed = Date.now() - started;
      expect(r.code, `exit code (stderr: ${r.stderr.slice(0, 300)})`).to.equal(c.code);
      expect(elapsed, 'time').to.be.below(TIME_LIMIT_MS);
      expect(r.stderr, 'no stack trace').to.not.match(/^\s+at /m);
      expect(r.stderr, 'no internal error').to.not.match(/internal error|内部错误/);
      if (c.code === 1) {
        const json = JSON.parse(r.stdout);
        const codes: string[] = json.files.flatMap((f: { diagnostics: { code: string; line: number; column: number }[] }) => f.diagnostics.map((d) => d.code));
        expect(codes.length, 'at least one diagnostic').to.be.greaterThan(0);
        for (const f of json.files) for (const d of f.diagnostics) expect(d.line, `${d.code} has a line`).to.be.a('number').and.at.least(1);
        if (typeof c.expect === 'string') expect(codes).to.include(c.expect);
      } else {
        expect(r.stdout).to.equal('');
        expect(r.stderr).to.match(/^bpm: /);
        if (c.expect instanceof RegExp) expect(r.stderr).to.match(c.expect);
      }
      expect(hashes(dir), 'inputs unmodified').to.deep.equal(before);
    });
  }
});

describe('e2e: a dossier saved as UTF-32', () => {
  it('is read as YAML 1.2 reads it (with its byte-order mark, either byte order): no problems', () => {
    const dir = tempDir('bpm-utf32-');
    const text = VALID.toString('utf8');
    const be = Buffer.alloc(([...text].length + 1) * 4);
    [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)].forEach((cp, i) => be.writeUInt32BE(cp, i * 4));
    writeFileSync(join(dir, 'be.yaml'), be);
    writeFileSync(join(dir, 'le.yaml'), utf32le(text));
    // One at a time: the same project twice in one run would be a duplicate.
    for (const name of ['be.yaml', 'le.yaml']) {
      const r = spawnBpm(['validate', name, '--format', 'json'], { cwd: dir });
      expect(r.code, `${name}: ${r.stdout.slice(0, 400)}`).to.equal(0);
      expect(JSON.parse(r.stdout).files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).to.deep.equal([[name, true]]);
    }
  });
});
