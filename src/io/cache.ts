// `bpm validate --cache`: the results of a run, reused when nothing that could change them has
// changed (like ESLint's .eslintcache). A run's results depend on every input together (a
// project code duplicated in another file, an evaluation naming a policy that governs its
// dossier's weights, a strategy plan), so the cache is keyed by all of them at once:
//   - bpm's version and the options that change results (--policy, --strategy, --encoding),
//   - the working directory (file names in the output are relative to it),
//   - every input file: its name and the SHA-1 of its content (strategy `content`, the default)
//     or its size and modification time (strategy `metadata`, cheaper, trusts timestamps),
//   - every file read besides the inputs (policy files named by --policy, by an Evaluation or
//     by `extends`), by content hash.
// The cached results are diagnostics with codes, arguments and positions, not sentences, so the
// output language and format may differ from the run that wrote the cache. A cache that cannot
// be read or does not match is ignored (the run validates everything and rewrites it); one that
// cannot be written is skipped silently: the cache never changes what a run reports.
import { createHash, randomBytes } from 'node:crypto';
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { FileKind } from '../core/report.js';
import type { Found } from './discover.js';

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

interface Entry {
  display: string;
  abs: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

interface CacheFile {
  format: 'bpm-cache-1';
  key: string;
  inputs: Entry[];
  externals: Entry[];
  results: RawResults;
}

export const DEFAULT_CACHE_FILE = '.bpmcache';

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
export function runKey(parts: { version: string; cwd: string; policy?: string; strategy?: string; encoding?: string }): string {
  return JSON.stringify([parts.version, parts.cwd, parts.policy ?? null, parts.strategy ?? null, parts.encoding ?? null]);
}

// crypto.hash (Node >= 20.12) hashes in one call, without a Hash object per file.
const oneShot = (crypto as unknown as { hash?: (alg: string, data: Buffer, enc: 'hex') => string }).hash;
const hashOf = (bytes: Buffer): string => (oneShot ? oneShot('sha1', bytes, 'hex') : createHash('sha1').update(bytes).digest('hex'));

/** One read buffer for every file (grown when needed): thousands of small reads, no garbage. */
let shared = Buffer.allocUnsafe(1 << 16);

/** Reads a file once for its size, modification time and (strategy `content`) hash. */
function entryOf(abs: string, display: string, strategy: CacheStrategy, knownHash?: { size: number; mtimeMs: number; hash: string }): Entry | undefined {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const base = { display, abs, size: st.size, mtimeMs: st.mtimeMs };
    if (strategy === 'metadata' && knownHash && knownHash.size === st.size && knownHash.mtimeMs === st.mtimeMs) return { ...base, hash: knownHash.hash };
    if (shared.length < st.size) shared = Buffer.allocUnsafe(st.size);
    const buf = shared;
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ...base, hash: hashOf(buf.subarray(0, off)) };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Size, modification time and hash of every file (hashes reused from `was` under `metadata`). */
export function fingerprint(files: readonly { abs: string; display: string }[], strategy: CacheStrategy, was: readonly Entry[] = []): Entry[] | undefined {
  const out: Entry[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const prev = was[i] && was[i].abs === f.abs ? was[i] : undefined;
    const e = entryOf(f.abs, f.display, strategy, prev);
    if (!e) return undefined;
    out.push(e);
  }
  return out;
}

function sameEntries(a: readonly Entry[] | undefined, b: readonly Entry[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((e, i) => e.display === b[i].display && e.abs === b[i].abs && e.hash === b[i].hash);
}

export interface Lookup {
  /** The cached results, when every input and external file is as it was. */
  results?: RawResults;
  /** The inputs' fingerprints taken now (before the run), for store(). */
  inputs?: Entry[];
}

export function lookup(file: string, key: string, found: readonly Found[], strategy: CacheStrategy): Lookup {
  let cache: CacheFile | undefined;
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cache?.format !== 'bpm-cache-1' || cache.key !== key || !Array.isArray(cache.inputs)) cache = undefined;
  } catch {
    cache = undefined;
  }
  const inputs = fingerprint(found, cache ? strategy : 'content', cache?.inputs);
  if (!cache || !sameEntries(inputs, cache.inputs)) return { inputs };
  const externals = fingerprint(cache.externals ?? [], strategy, cache.externals);
  if (!sameEntries(externals, cache.externals)) return { inputs };
  return { results: cache.results, inputs };
}

/**
 * Stores the results of a run whose inputs had the fingerprints `before` when it started; if any
 * input changed while the run read it, nothing is stored. `externals` are the other files the run
 * read. Written atomically; any failure leaves no cache (never an error).
 */
export function store(file: string, key: string, found: readonly Found[], before: readonly Entry[] | undefined, externals: readonly string[], results: RawResults): void {
  const after = fingerprint(found, 'content');
  if (!sameEntries(before, after)) return;
  const ext = fingerprint(
    externals.map((abs) => ({ abs, display: abs })),
    'content',
  );
  if (!ext) return;
  const data: CacheFile = { format: 'bpm-cache-1', key, inputs: after!, externals: ext, results };
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
