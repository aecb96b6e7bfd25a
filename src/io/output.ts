// The one function every command uses to emit its output: stdout, or a file written atomically
// (temporary file in the same directory, fsync, rename), never over one of the inputs and never
// over a bpm document without --force. A symbolic link keeps being a link (its target is
// replaced); a FIFO or a device (-o /dev/null) is written through, never replaced by a file.
import { promises as fsp } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { bpmDocumentKind } from './bpm-files.js';
import { outputIsInput } from './output-guard.js';

export interface WriteOutputOptions {
  /** -o/--output as given on the command line; stdout when absent. */
  output?: string;
  cwd: string;
  /** Absolute paths of every input file: the output must not replace one of them. */
  inputs: string[];
  /** Defaults to process.stdout. */
  stdout?: NodeJS.WritableStream;
  /** --force: an existing bpm document (a dossier, monitoring data …) may be replaced. */
  force?: boolean;
  /**
   * Called once the temporary file is written and synced, just before it is renamed over the
   * target. A throw aborts the write like any I/O error (tests use it to inject a failure).
   */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

/**
 * Writes `text` to stdout or -o. `text` may be a sequence of chunks (a report produced piece by
 * piece, so that a big one is never held in memory whole); it is consumed once.
 */
export async function writeOutput(text: string | Buffer | Iterable<string | Buffer>, opts: WriteOutputOptions): Promise<void> {
  if (opts.output === undefined || opts.output === '-') {
    const stream = opts.stdout ?? process.stdout;
    // A reader that goes away (`bpm … | head`) makes the stream emit EPIPE, possibly after the
    // write's own callback: a lasting listener keeps that late event from crashing the process.
    // Other errors (a full disk) reach the write that caused them and are reported from there.
    if (stream.listenerCount('error') === 0) stream.on('error', ignoreLateError);
    if (typeof text === 'string' || Buffer.isBuffer(text)) await writeStream(stream, text);
    else for (const chunk of batched(text)) if (!(await writeStream(stream, chunk))) break;
    return;
  }
  const file = opts.output;
  // Through symbolic links to the file they name: the link stays, its target is replaced.
  const target = await throughLinks(path.resolve(opts.cwd, file));
  const existing = await statOrNull(target);
  if (existing?.isDirectory()) throw new UsageError('output-is-directory', { file });
  if (await outputIsInput(target, opts.inputs, opts.cwd)) throw new UsageError('output-is-input', { file });
  if (existing && !existing.isFile()) {
    // A FIFO, /dev/null, /dev/stdout …: written to, as a shell redirection would.
    await writeThrough(target, text, file);
    return;
  }
  if (existing && !opts.force) {
    const kind = await bpmDocumentKind(target);
    if (kind) throw new UsageError('output-is-document', { file, kind: kind.en, kindZh: kind.zh });
  }
  await removeStaleTemporaries(target);
  await writeAtomic(target, text, file, opts.beforeRename);
}

/** The file a path names after following symbolic links (the path itself when it is none). */
async function throughLinks(p: string): Promise<string> {
  let current = p;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = await fsp.readlink(current);
    } catch {
      return current; // not a link (or not there): this is the file
    }
    current = path.resolve(path.dirname(current), link);
  }
  return current; // a loop: the write fails with ELOOP and says so
}

/** Writes to an existing non-regular file (a FIFO, a device) in place. */
async function writeThrough(target: string, data: string | Buffer | Iterable<string | Buffer>, file: string): Promise<void> {
  try {
    const handle = await fsp.open(target, 'w');
    try {
      if (typeof data === 'string' || Buffer.isBuffer(data)) await handle.writeFile(data);
      else for (const chunk of batched(data)) await handle.writeFile(chunk);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new UsageError('write-failed', { file, reason: reasonOf(err) });
  }
}

/**
 * Temporary files are named `.<target>.<pid>.<random>.tmp`: hidden, and never picked up by a
 * directory walk (not .yaml, .yml or .csv). One left behind by a run that was killed (its process
 * is gone) is removed by the next write to the same target.
 */
async function temporaryName(target: string): Promise<string> {
  // node:crypto loads only when a file is written, not for output to stdout (by require: an
  // import() would start the ES module loader in the CommonJS bundle).
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

async function removeStaleTemporaries(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

async function statOrNull(p: string) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

async function writeAtomic(
  target: string,
  data: string | Buffer | Iterable<string | Buffer>,
  file: string,
  beforeRename: WriteOutputOptions['beforeRename'],
): Promise<void> {
  const dir = path.dirname(target);
  const temp = await temporaryName(target);
  let created = false;
  try {
    // Keep the permissions of a file being replaced; a new file gets the default (umask).
    const existing = await statOrNull(target);
    const handle = await fsp.open(temp, 'wx', 0o666);
    created = true;
    try {
      if (existing?.isFile()) await handle.chmod(existing.mode & 0o7777);
      if (typeof data === 'string' || Buffer.isBuffer(data)) await handle.writeFile(data);
      else for (const chunk of batched(data)) await handle.writeFile(chunk); // each from the current position
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeRename) await beforeRename(temp);
    await fsp.rename(temp, target);
    created = false;
    await syncDir(dir);
  } catch (err) {
    if (created) await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw new UsageError('write-failed', { file, reason: reasonOf(err) });
  }
}

/**
 * Chunks joined into pieces of about 64 K characters: fewer system calls for many small chunks,
 * yet small enough to stay out of V8's large-object space (which only a full GC reclaims).
 */
function* batched(chunks: Iterable<string | Buffer>): Generator<string | Buffer> {
  let buf: string[] = [];
  let size = 0;
  for (const c of chunks) {
    if (typeof c !== 'string') {
      // Text already encoded (held back off the heap, see formats/variance/shared.ts): as it is.
      if (buf.length > 0) yield buf.join('');
      buf = [];
      size = 0;
      yield c;
      continue;
    }
    buf.push(c);
    size += c.length;
    if (size >= 1 << 16) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length > 0) yield buf.join('');
}

/** Makes the rename durable; not every platform can fsync a directory, so failures are ignored. */
async function syncDir(dir: string): Promise<void> {
  try {
    const h = await fsp.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // best effort
  }
}

/** Errors a stream emits after the write that caused them has been answered: nothing to add. */
function ignoreLateError(): void {}

/**
 * Writes to a stream and waits until the data is handed over (respects back-pressure). Resolves
 * to false when the reader has gone away (EPIPE): there is nothing left to deliver.
 */
function writeStream(stream: NodeJS.WritableStream, data: string | Buffer): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      stream.removeListener('error', onError);
      // The reader went away (`bpm … | head`): nothing left to deliver, not a failure of ours.
      if (err.code === 'EPIPE') resolve(false);
      else reject(new UsageError('stdout-write-failed', { reason: reasonOf(err) }));
    };
    stream.on('error', onError);
    stream.write(data, (err?: Error | null) => {
      if (err) {
        onError(err as NodeJS.ErrnoException);
        return;
      }
      stream.removeListener('error', onError);
      resolve(true);
    });
  });
}

/** `ENOSPC: no space left on device` from a system error; the message of anything else. */
function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  if (e && typeof e.code === 'string') {
    const said = /^[A-Z0-9]+: ([^,]+)/.exec(e.message)?.[1];
    return said ? `${e.code}: ${said}` : e.code;
  }
  return e instanceof Error ? e.message : String(err);
}
