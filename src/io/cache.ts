// `bpm validate --cache`: the results of a run, reused when nothing that could change them has
// changed (like ESLint's .eslintcache). A run's results depend on every input together (a
// project code duplicated in another file, an evaluation naming a policy that governs its
// dossier's weights, a strategy plan), so the cache is keyed by all of them at once:
//   - bpm's version and the options that change results (--policy, --strategy, --encoding),
//   - the working directory (file names in the output are relative to it),
//   - the list of input files, and the SHA-1 of each one's content (strategy `content`, the
//     default) or its size and modification time (strategy `metadata`, which trusts timestamps;
//     a file whose timestamps changed is hashed, so a `touch` alone does not invalidate),
//   - every file read besides the inputs (policy files named by --policy, by an Evaluation or
//     by `extends`), always by content hash, or by the error that reading it gave.
// The results are kept twice: as diagnostics with codes, arguments and positions (so that any
// language and format can be rendered from them), and as the rendered output of the last few
// (format, language, colour, quiet) combinations asked for, so that an unchanged run only
// fingerprints its inputs and copies bytes to stdout. A cache that cannot be read or does not
// match is ignored (the run validates everything and rewrites it); one that cannot be written
// is skipped silently: the cache never changes what a run reports.
//
// File layout (format `bpm-cache-2`): one line of JSON (the Header below), then a body of
// sections addressed by byte ranges: each input's size and modification time (two float64s,
// little-endian), their SHA-1s (40 hex digits each), the raw results (JSON) and the rendered
// outputs. A hit reads the header and the sections it needs (not the raw results, nor other
// renderings), parses one short JSON line and compares numbers and strings.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { FileKind, ValidateSummary } from '../core/report.js';
import { contentDigest, fullPrints, hashFile, HASH_LEN, namesHash, type CacheInput, type Prints } from './fingerprint.js';

export { fullPrints, RACY_MS, type CacheInput, type Prints } from './fingerprint.js';

export type CacheStrategy = 'content' | 'metadata';

export interface CacheOptions {
  /** The cache file (a directory means `.bpmcache` inside it); default ./.bpmcache. */
  location?: string;
  strategy: CacheStrategy;
}

/** What a validate run produces before its messages are rendered in a language. */
export interface RawFileResult {
  file: string;
  kind: FileKind | null;
  diagnostics: Diagnostic[];
}
export interface RawResults {
  files: RawFileResult[];
  diagnostics: Diagnostic[];
}

type Range = [number, number];
type Summary = Pick<ValidateSummary, 'errors' | 'warnings'>;

interface Header {
  format: typeof FORMAT;
  /** The byte order of the metadata section (a cache copied to another machine may differ). */
  endian: 'LE' | 'BE';
  key: string;
  count: number;
  /** SHA-1 of the inputs' display names joined by NUL: the same files, in the same order. */
  names: string;
  /** The inputs' `content` fingerprint (Prints). */
  content: string;
  externals: { abs: string; hash: string }[];
  summary: Summary;
  meta: Range;
  hashes: Range;
  raw: Range;
  /** Most recently used first. */
  outputs: { variant: string; range: Range }[];
}

const FORMAT = 'bpm-cache-2';
const ENDIAN = os.endianness();
const DEFAULT_CACHE_FILE = '.bpmcache';
/** Rendered outputs kept (most recently used first); older ones are rendered again when asked for. */
const MAX_OUTPUTS = 4;

/** The cache file for `--cache-location` (a directory or a file; default ./.bpmcache). */
export function cachePath(location: string | undefined, cwd: string): string {
  const p = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  try {
    if (statSync(p).isDirectory()) return path.join(p, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file
  }
  return p;
}

/** The run-level part of the key: version, options that change results, working directory. */
export function runKey(parts: { version: string; cwd: string; policy?: string; strategy?: string; encoding?: string; skipNonBpm?: boolean }): string {
  // --skip-non-bpm joins the key only when given, so that the keys of existing caches stay valid.
  const base = [parts.version, parts.cwd, parts.policy ?? null, parts.strategy ?? null, parts.encoding ?? null];
  return JSON.stringify(parts.skipNonBpm ? [...base, 'skip-non-bpm'] : base);
}

/** A cache file opened for reading: its header, and the byte range reads of its body. */
class Opened {
  constructor(
    readonly header: Header,
    private readonly file: string,
    private readonly bodyStart: number,
    /** Which file the header came from: another run may have renamed a new cache over it since. */
    private readonly id: string,
  ) {}

  /**
   * The bytes of a section (in a buffer of their own, aligned for a Float64Array); undefined
   * when the cache file is no longer the one whose header was read.
   */
  read(r: Range): Buffer | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'r');
      if (identity(fstatSync(fd)) !== this.id) return undefined;
      const buf = Buffer.allocUnsafeSlow(r[1] - r[0]);
      let off = 0;
      while (off < buf.length) {
        const n = readSync(fd, buf, off, buf.length - off, this.bodyStart + r[0] + off);
        if (n === 0) return undefined;
        off += n;
      }
      return buf;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  static open(file: string, key: string, count: number): Opened | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const st = fstatSync(fd);
      const size = st.size;
      // The header is one line; it grows with the number of policy files and renderings only.
      let head = Buffer.allocUnsafe(Math.min(size, 1 << 14));
      let len = readSync(fd, head, 0, head.length, 0);
      let nl = head.indexOf(10);
      while (nl < 0 && len < size) {
        const bigger = Buffer.allocUnsafe(Math.min(size, head.length * 4));
        head.copy(bigger, 0, 0, len);
        head = bigger;
        const n = readSync(fd, head, len, head.length - len, len);
        if (n === 0) break;
        nl = head.indexOf(10, len);
        len += n;
      }
      if (nl < 0 || nl >= len) return undefined;
      const h = JSON.parse(head.toString('utf8', 0, nl)) as Header;
      if (h?.format !== FORMAT || h.endian !== ENDIAN || h.key !== key || h.count !== count || typeof h.names !== 'string' || typeof h.content !== 'string') return undefined;
      const bodyLength = size - nl - 1;
      const ranges = [h.meta, h.hashes, h.raw, ...h.outputs.map((o) => o.range)];
      if (!ranges.every((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= 0 && r[0] <= r[1] && r[1] <= bodyLength)) return undefined;
      if (h.meta[1] - h.meta[0] !== count * 16 || h.hashes[1] - h.hashes[0] !== count * HASH_LEN) return undefined;
      if (!Array.isArray(h.externals) || typeof h.summary?.errors !== 'number' || typeof h.summary?.warnings !== 'number') return undefined;
      return new Opened(h, file, nl + 1, identity(st));
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** A file as it is now: written anew (a rename over it), it is another. */
const identity = (st: { dev: number; ino: number; size: number; mtimeMs: number }) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;

/** The result of looking a run up in its cache. */
export class RunCache {
  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly inputs: readonly CacheInput[],
    private readonly cached: Opened | undefined,
    /** Whether every input and external file is as it was when the cache was written. */
    readonly hit: boolean,
  ) {}

  /** Reads the cache file and checks every input (and external file) against it. */
  static open(file: string, key: string, inputs: readonly CacheInput[], strategy: CacheStrategy): RunCache {
    const c = Opened.open(file, key, inputs.length);
    const hit = c !== undefined && unchanged(c, inputs, strategy);
    return new RunCache(file, key, inputs, c, hit);
  }

  /** Error and warning counts of the cached run (on a hit). */
  get summary(): Summary | undefined {
    return this.hit ? this.cached!.header.summary : undefined;
  }

  /** The rendered output of `variant` (on a hit, when it was rendered before), as bytes. */
  output(variant: string): Buffer | undefined {
    if (!this.hit) return undefined;
    const o = this.cached!.header.outputs.find((x) => x.variant === variant);
    return o && this.cached!.read(o.range);
  }

  /** The cached results, not yet rendered (on a hit). */
  raw(): RawResults | undefined {
    if (!this.hit) return undefined;
    try {
      const bytes = this.cached!.read(this.cached!.header.raw);
      return bytes && (JSON.parse(bytes.toString('utf8')) as RawResults);
    } catch {
      return undefined;
    }
  }

  /** After a hit: keeps another rendering of the same results (the cache file is rewritten). */
  addOutput(variant: string, text: string): void {
    if (!this.hit) return;
    const c = this.cached!;
    const h = c.header;
    const kept = h.outputs.filter((o) => o.variant !== variant).slice(0, MAX_OUTPUTS - 1);
    const sections = [h.meta, h.hashes, h.raw, ...kept.map((o) => o.range)].map((r) => c.read(r));
    if (sections.some((b) => b === undefined)) return;
    const [meta, hashes, raw, ...old] = sections as Buffer[];
    const outputs = [{ variant, data: Buffer.from(text, 'utf8') }, ...kept.map((o, i) => ({ variant: o.variant, data: old[i] }))];
    write(this.file, { key: h.key, count: h.count, names: h.names, content: h.content, externals: h.externals, summary: h.summary }, [meta, hashes, raw], outputs);
  }

  /**
   * After a fresh run: stores its results, provided no input changed while the run read it
   * (fingerprints `before`, taken before the run, against fingerprints taken now). `externals`
   * are the other files the run read, fingerprinted as it read them (Workspace.policyFiles). Written
   * atomically; any failure leaves no cache.
   */
  store(before: Prints | undefined, externals: readonly { abs: string; hash: string }[], raw: RawResults, summary: Summary, outputs: { variant: string; text: string }[]): void {
    const after = fullPrints(this.inputs);
    if (!before || !after || before.names !== after.names || before.content !== after.content) return;
    const ext = externals.map(({ abs, hash }) => ({ abs, hash }));
    const enc = (s: string) => Buffer.from(s, 'utf8');
    write(
      this.file,
      { key: this.key, count: this.inputs.length, names: after.names, content: after.content, externals: ext, summary: { errors: summary.errors, warnings: summary.warnings } },
      [Buffer.from(after.meta.buffer, after.meta.byteOffset, after.meta.byteLength), enc(after.hashes.join('')), enc(JSON.stringify(raw))],
      outputs.map((o) => ({ variant: o.variant, data: enc(o.text) })),
    );
  }
}

/** Whether the inputs (and the other files the run read) are as the cache recorded them. */
function unchanged(c: Opened, inputs: readonly CacheInput[], strategy: CacheStrategy): boolean {
  const h = c.header;
  if (namesHash(inputs) !== h.names) return false;
  if (!h.externals.every((e) => typeof e.abs === 'string' && typeof e.hash === 'string' && hashFile(e.abs) === e.hash)) return false;
  if (strategy === 'content') return h.content !== '' && contentDigest(inputs) === h.content;
  const hashBytes = c.read(h.hashes);
  if (!hashBytes) return false;
  const hashes = hashBytes.toString('latin1');
  const metaBytes = c.read(h.meta);
  if (!metaBytes) return false;
  const meta = new Float64Array(metaBytes.buffer, metaBytes.byteOffset, inputs.length * 2);
  for (let i = 0; i < inputs.length; i++) {
    const st = statSync(inputs[i].abs, NO_THROW);
    if (st && st.size === meta[2 * i] && st.mtimeMs === meta[2 * i + 1] && st.isFile()) continue;
    // Timestamps differ (or were too recent to record): the content decides.
    if (!sameHash(hashes, i, inputs[i].abs)) return false;
  }
  return true;
}

const NO_THROW = { throwIfNoEntry: false } as const;

/** Whether the file's content hashes to the i-th of the recorded hashes (`!CODE` never does). */
function sameHash(hashes: string, i: number, abs: string): boolean {
  return hashes.startsWith(hashFile(abs), i * HASH_LEN);
}

function write(file: string, head: Pick<Header, 'key' | 'count' | 'names' | 'content' | 'externals' | 'summary'>, sections: Buffer[], outputs: { variant: string; data: Buffer }[]): void {
  let at = 0;
  const range = (b: Buffer): Range => [at, (at += b.length)];
  const [meta, hashes, raw] = sections.map(range);
  const kept = outputs.slice(0, MAX_OUTPUTS);
  const header: Header = { format: FORMAT, endian: ENDIAN, ...head, meta, hashes, raw, outputs: kept.map((o) => ({ variant: o.variant, range: range(o.data) })) };
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    const parts = [Buffer.from(JSON.stringify(header) + '\n', 'utf8'), ...sections, ...kept.map((o) => o.data)];
    for (const p of parts) {
      let off = 0;
      while (off < p.length) off += writeSync(fd, p, off, p.length - off);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
  }
}
