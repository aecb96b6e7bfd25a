// Fingerprints of validate's inputs for its cache (src/io/cache.ts): what a file's content or
// metadata was, taken as cheaply as a lookup of 10,000 files allows (one buffer, synchronous
// reads, one SHA-1 over all of them), and fully when a cache is written.
import type * as Crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/** An input file as the cache sees it: where it is and how it is shown. */
export interface CacheInput {
  abs: string;
  display: string;
}

/**
 * A file modified this close (ms) to the moment its fingerprint was taken may be modified again
 * within the same timestamp tick (1 s on some file systems, 2 s on FAT) without its size or
 * modification time changing: its metadata is not recorded, so the next run hashes it (git's
 * "racily clean" entries).
 */
export const RACY_MS = 2500;

// node:crypto is loaded on first use: most runs hash nothing (no --cache, no policy file), and
// loading it costs every command's start-up about 2 ms. crypto.hash (Node >= 20.12) hashes in one
// call, without a Hash object per file; the Hash object remains for an older Node.
let cryptoLib: typeof Crypto | undefined;
function crypto(): typeof Crypto {
  return (cryptoLib ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto);
}
const createHash = (algorithm: string) => crypto().createHash(algorithm);
function hashOf(bytes: Buffer | string): string {
  const c = crypto();
  return typeof c.hash === 'function' ? c.hash('sha1', bytes, 'hex') : c.createHash('sha1').update(bytes).digest('hex');
}
export const HASH_LEN = 40;

export const namesHash = (files: readonly CacheInput[]) => hashOf(files.map((f) => f.display).join('\0'));

/** One read buffer for every file (grown when needed): thousands of small reads, no garbage. */
let shared = Buffer.allocUnsafe(1 << 16);

/**
 * The SHA-1 of a file's content, or `!CODE` (`!ENOENT`, `!EISDIR` …) when it cannot be read: a
 * policy file that is missing is part of a run's result (a `policy-unreadable` finding) just as
 * one that exists. Reads until a short read instead of asking for the size first: one system
 * call fewer per file. (A read cut short for another reason only gives a hash that matches
 * nothing: a cache miss, never a stale hit.)
 */
export function hashFile(abs: string): string {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    return failed(e);
  }
  try {
    let off = 0;
    for (;;) {
      if (off === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger, 0, 0, off);
        shared = bigger;
      }
      const want = shared.length - off;
      const n = readSync(fd, shared, off, want, null);
      off += n;
      if (n < want) break;
    }
    return hashOf(shared.subarray(0, off));
  } catch (e) {
    return failed(e);
  } finally {
    closeSync(fd);
  }
}

const failed = (e: unknown) => `!${(e as NodeJS.ErrnoException | null)?.code ?? 'EIO'}`;

/** hashFile() of bytes already read, and of a read that failed. */
export const fingerprintBytes = (bytes: Buffer): string => hashOf(bytes);
export const fingerprintError = failed;

/** Fingerprints of the inputs, in order. */
export interface Prints {
  names: string;
  /** size, mtimeMs of each file (mtimeMs NaN when too recent to be trusted). */
  meta: Float64Array;
  hashes: string[];
  /** SHA-1 of every file's content followed by its length (8 bytes), one after the other. */
  content: string;
}

/** Metadata and hash of every file, read fully (for writing a cache). undefined when one cannot be read. */
export function fullPrints(files: readonly CacheInput[]): Prints | undefined {
  const now = Date.now();
  const meta = new Float64Array(files.length * 2);
  const hashes: string[] = [];
  const stream = createHash('sha1');
  const length = Buffer.alloc(8);
  for (let i = 0; i < files.length; i++) {
    let fd: number;
    try {
      fd = openSync(files[i].abs, 'r');
    } catch {
      return undefined;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return undefined;
      // To the end of the file, whatever the size said and however short a read.
      let off = 0;
      for (;;) {
        if (off === shared.length) shared = Buffer.concat([shared, Buffer.allocUnsafe(shared.length)]);
        const n = readSync(fd, shared, off, shared.length - off, null);
        if (n === 0) break;
        off += n;
      }
      const bytes = shared.subarray(0, off);
      meta[2 * i] = st.size;
      meta[2 * i + 1] = st.mtimeMs > now - RACY_MS || off !== st.size ? NaN : st.mtimeMs;
      hashes.push(hashOf(bytes));
      length.writeDoubleLE(off);
      stream.update(bytes).update(length);
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }
  return { names: namesHash(files), meta, hashes, content: stream.digest('hex') };
}

const CHUNK = 1 << 20;
let chunk: Buffer | undefined;

/**
 * The `content` fingerprint of Prints, computed the cheap way for a lookup: files are read one
 * after the other into one 1 MiB buffer, hashed a chunk at a time (not one hash call, one digest
 * string and one buffer view per file). '' when a file cannot be read. A read that comes back
 * short is taken as the end of the file; were it not, the digest would differ: a miss.
 */
export function contentDigest(files: readonly CacheInput[]): string {
  const h = createHash('sha1');
  const buf = (chunk ??= Buffer.allocUnsafe(CHUNK));
  let used = 0;
  for (const f of files) {
    let fd: number;
    try {
      fd = openSync(f.abs, 'r');
    } catch {
      return '';
    }
    try {
      let len = 0;
      for (;;) {
        if (used === CHUNK) {
          h.update(buf);
          used = 0;
        }
        const want = CHUNK - used;
        const n = readSync(fd, buf, used, want, null);
        used += n;
        len += n;
        if (n < want) break;
      }
      if (CHUNK - used < 8) {
        h.update(buf.subarray(0, used));
        used = 0;
      }
      buf.writeDoubleLE(len, used);
      used += 8;
    } catch {
      return '';
    } finally {
      closeSync(fd);
    }
  }
  h.update(buf.subarray(0, used));
  return h.digest('hex');
}
