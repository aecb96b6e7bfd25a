// Reading an input file safely: only a regular file is read (a FIFO would block forever, a
// device such as /dev/zero never ends), and never more than a cap (the size is taken from the
// open file before reading, so a huge file costs nothing but its first bytes).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';

/** A YAML document larger than this is refused (a dossier is a few kilobytes). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

/** Monitoring data piped to `bpm validate -`: read whole, so capped like a CSV read whole. */
export const MAX_CSV_STDIN_BYTES = 1024 * 1024 * 1024;

export interface ReadResult {
  /** The whole file, or its first `headBytes` when it is larger than the cap. */
  bytes: Buffer;
  /** The file's size in bytes. */
  size: number;
  /** The file is larger than the cap: `bytes` holds only its head. */
  truncated: boolean;
}

/**
 * Reads `abs` synchronously (thousands of small files are read faster one after the other than
 * through the thread pool). Throws InputError `not-a-regular-file` for anything but a regular
 * file, and the system's error (ENOENT, EACCES, EISDIR …) for the caller to report.
 */
export function readRegularFile(abs: string, display: string, cap: number, headBytes = 64 * 1024): ReadResult {
  const fd = openSync(abs, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${abs}`), { code: 'EISDIR' });
    if (!st.isFile()) throw new InputError('not-a-regular-file', { file: display, ...fileType(st) });
    const size = st.size;
    const truncated = size > cap;
    const want = truncated ? Math.min(size, headBytes) : size;
    const buf = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < want) {
      const n = readSync(fd, buf, filled, want - filled, filled);
      if (n === 0) break; // the file shrank while being read
      filled += n;
    }
    return { bytes: filled === want ? buf : buf.subarray(0, filled), size, truncated };
  } finally {
    closeSync(fd);
  }
}

/** What a non-regular file is, in both languages, for the message. */
export function fileType(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): { type: string; typeZh: string } {
  if (st.isFIFO()) return { type: 'named pipe (FIFO)', typeZh: '命名管道（FIFO）' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { type: 'device', typeZh: '设备文件' };
  if (st.isSocket()) return { type: 'socket', typeZh: '套接字' };
  return { type: 'special file', typeZh: '特殊文件' };
}

/**
 * All of a stream (standard input), refusing more than `cap` bytes as it reads (a stream has no
 * size to check first): InputError `stdin-too-large`.
 */
export async function readStream(stream: NodeJS.ReadableStream, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > cap) throw new InputError('stdin-too-large', { limit: cap });
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}
