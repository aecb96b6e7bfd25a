// The one function every command uses to emit its output: stdout, or a file written atomically
// (temporary file in the same directory, fsync, rename), never over one of the inputs.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { outputIsInput } from './output-guard.js';

export interface WriteOutputOptions {
  /** -o/--output as given on the command line; stdout when absent. */
  output?: string;
  cwd: string;
  /** Absolute paths of every input file: the output must not replace one of them. */
  inputs: string[];
  /** Defaults to process.stdout. */
  stdout?: NodeJS.WritableStream;
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
export async function writeOutput(text: string | Buffer | Iterable<string>, opts: WriteOutputOptions): Promise<void> {
  if (opts.output === undefined || opts.output === '-') {
    const stream = opts.stdout ?? process.stdout;
    // A reader that goes away (`bpm … | head`) makes the stream emit EPIPE, possibly after the
    // write's own callback: a lasting listener keeps that late event from crashing the process.
    if (stream.listenerCount('error') === 0) stream.on('error', ignoreEpipe);
    if (typeof text === 'string' || Buffer.isBuffer(text)) await writeStream(stream, text);
    else for (const chunk of batched(text)) if (!(await writeStream(stream, chunk))) break;
    return;
  }
  const file = opts.output;
  const target = path.resolve(opts.cwd, file);
  if (await outputIsInput(target, opts.inputs, opts.cwd)) throw new UsageError('output-is-input', { file });
  await writeAtomic(target, text, file, opts.beforeRename);
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
  data: string | Buffer | Iterable<string>,
  file: string,
  beforeRename: WriteOutputOptions['beforeRename'],
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
function* batched(chunks: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const c of chunks) {
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

function ignoreEpipe(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err;
}

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
      else reject(new UsageError('write-failed', { file: '<stdout>', reason: reasonOf(err) }));
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

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  if (e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(err);
}
