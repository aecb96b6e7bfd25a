// Turns command-line path arguments (files, directories, globs) into a sorted list of input
// files. Directories are walked; globs are matched by a small matcher of our own because
// Node 20 has no fs.glob. Nothing here prints: problems are thrown as InputError.
import { constants as fsConstants, promises as fsp, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { compileGlob, hasGlobChars, type GlobPattern, type Segment } from './glob.js';
import { fileType } from './read-file.js';

export interface Found {
  /** Absolute path as reached (not resolved through symlinks). */
  abs: string;
  /** Relative to cwd with forward slashes when inside cwd, else absolute. */
  display: string;
  /** Named on the command line (a file or a glob match) rather than found by walking. */
  explicit: boolean;
  /** The file's content when it came from standard input (`-`); its name is --stdin-filename. */
  content?: Buffer;
}

/** Standard input as an input file: `bpm validate -` with --stdin-filename NAME. */
export interface StdinInput {
  /** The name messages use and the kind is told by (`.csv` is monitoring data, else YAML). */
  name: string;
  bytes: Buffer;
}

export interface DiscoverResult {
  files: Found[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Extensions (with the dot) of files picked up by walking and by globs. */
  extensions?: string[];
}

/** `.xls` and `.et` workbooks are found too, to say that they are not read (workbook-files.ts). */
const DEFAULT_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.csv', '.xlsx', '.xls', '.et'];

/**
 * The owner file Excel and WPS keep beside a workbook that is open (`~$book.xlsx`, a few bytes
 * naming the user): never an input, even when a glob matches it.
 */
const isLockFile = (name: string) => name.startsWith('~$');

/** Directories never walked into (besides any directory whose name starts with a dot). */
const SKIPPED_DIRS = new Set(['node_modules']);

interface Hit extends Found {
  real: string;
  /** Reached through a symbolic link: of two hits of one file, the one that is not is kept. */
  linked?: true;
}

interface WalkContext {
  cwd: string;
  /**
   * Real path of the directory given (or the glob's base) that is being walked: a symbolic link
   * leading out of it (`loop/up -> ..`) is not followed, so a walk stays inside its root.
   */
  root: string;
  extensions: Set<string>;
  hits: Hit[];
  /** Shared by every walk of a discover() call. */
  seen: {
    /** A symbolic link was followed or a glob matched: two hits may be one file. */
    mayRepeat: boolean;
  };
}

export async function discover(args: string[], opts: DiscoverOptions): Promise<DiscoverResult> {
  const cwd = path.resolve(opts.cwd);
  const ctx: WalkContext = {
    cwd,
    root: cwd,
    extensions: new Set((opts.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.toLowerCase())),
    hits: [],
    seen: { mayRepeat: false },
  };
  const list = args.length > 0 ? args : ['.'];
  // Arguments are independent; resolving them in parallel keeps a long argument list fast.
  await Promise.all(list.map((arg) => discoverArg(arg, ctx)));
  return { files: dedupe(ctx.hits, list.length > 1 || ctx.seen.mayRepeat) };
}

/**
 * The input files of a run: the files named or found under `paths`, then the --strategy file
 * when it is not among them (it is read like an input; its changes matter to a cache).
 */
export async function discoverInputs(paths: string[], opts: { cwd: string; strategy?: string; stdin?: StdinInput }): Promise<Found[]> {
  // `-` is standard input (read by the command beforehand); without other paths, `.` is not walked.
  const named = paths.filter((p) => p !== '-');
  const fromStdin: Found[] = [];
  if (named.length !== paths.length) {
    if (!opts.stdin) throw new InputError('missing-file', { file: '-' });
    const cwd = path.resolve(opts.cwd);
    const abs = path.resolve(cwd, opts.stdin.name);
    fromStdin.push({ abs, display: displayPath(cwd, abs), explicit: true, content: opts.stdin.bytes });
  }
  const found = named.length > 0 || fromStdin.length === 0 ? [...fromStdin, ...(await discover(named, { cwd: opts.cwd })).files] : fromStdin;
  if (!opts.strategy) return found;
  const { files: extra } = await discover([opts.strategy], { cwd: opts.cwd });
  const seen = new Set(found.map((f) => f.abs));
  return [...found, ...extra.filter((f) => !seen.has(f.abs))];
}

async function discoverArg(arg: string, ctx: WalkContext): Promise<void> {
  const abs = path.resolve(ctx.cwd, arg);
  let stat;
  try {
    stat = await fsp.stat(abs);
  } catch (err) {
    const code = errCode(err);
    if ((code === 'ENOENT' || code === 'ENOTDIR') && hasGlobChars(arg)) {
      await discoverGlob(arg, ctx);
      return;
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError('missing-file', { file: arg });
    throw new InputError('unreadable-file', { file: arg, reason: reasonOf(err) });
  }
  if (stat.isDirectory()) {
    const real = await realpathOr(abs, arg);
    // Walked on its own so that an empty directory is noticed even among other arguments.
    const sub: WalkContext = { ...ctx, root: real, hits: [] };
    await walkDir(abs, real, displayPath(ctx.cwd, abs), new Set([real]), sub, arg);
    // Like an unmatched glob: a directory with nothing to read is a mistyped path, not success.
    if (sub.hits.length === 0) throw new InputError('empty-directory', { dir: arg });
    for (const h of sub.hits) ctx.hits.push(h);
    return;
  }
  // A FIFO would block the run forever and a device such as /dev/zero never ends.
  if (!stat.isFile()) throw new InputError('not-a-regular-file', { file: arg, ...fileType(stat) });
  // Any extension is accepted for a file named explicitly: the user asked for it.
  try {
    await fsp.access(abs, fsConstants.R_OK);
  } catch (err) {
    throw new InputError('unreadable-file', { file: arg, reason: reasonOf(err) });
  }
  ctx.hits.push({ abs, display: displayPath(ctx.cwd, abs), explicit: true, real: await realpathOr(abs, arg) });
}

/**
 * Walks `dir` recursively. `ancestors` holds the real paths of the directories on the way down:
 * a symlink that resolves to one of them would recurse forever, so it is skipped. Sibling
 * symlinks to the same directory are both walked; their files are de-duplicated by real path.
 */
/** `dir` + separator + `name` for a normalised absolute `dir` (path.join re-normalises). */
const child = (dir: string, name: string) => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/** The extension of a file name, lower-cased, as path.extname gives it. */
function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

async function walkDir(dir: string, real: string, disp: string, ancestors: Set<string>, ctx: WalkContext, arg: string): Promise<void> {
  const entries = await readDir(dir, ctx, arg);
  const subdirs: Promise<void>[] = [];
  // Below a directory shown relative to cwd, a child is shown as `disp/name`; that is what
  // displayPath would compute, without its checks, ten thousand times. (A directory outside cwd
  // may contain cwd: its children go through displayPath.)
  const relative = !path.isAbsolute(disp);
  const prefix = disp === '.' ? '' : disp + '/';
  const linked = real !== dir;
  for (const ent of entries) {
    const name = ent.name;
    const childAbs = child(dir, name);
    if (ent.isFile()) {
      // The common case first, with as little work as possible.
      if (ctx.extensions.has(extOf(name)) && !isLockFile(name)) {
        const display = relative ? prefix + name : displayPath(ctx.cwd, childAbs);
        if (linked) ctx.hits.push({ abs: childAbs, display, explicit: false, real: child(real, name), linked });
        else ctx.hits.push({ abs: childAbs, display, explicit: false, real: childAbs });
      }
      continue;
    }
    let isDir = ent.isDirectory();
    let isFile = false;
    let childReal = linked ? child(real, name) : childAbs;
    if (ent.isSymbolicLink()) {
      ctx.seen.mayRepeat = true;
      const target = await followLink(childAbs, ctx.root);
      if (!target) continue;
      isDir = target.isDir;
      isFile = target.isFile;
      childReal = target.real;
    }
    const display = relative ? prefix + name : displayPath(ctx.cwd, childAbs);
    if (isDir) {
      if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
      if (ancestors.has(childReal)) continue; // a symlink loop
      const next = new Set(ancestors).add(childReal);
      subdirs.push(walkDir(childAbs, childReal, display, next, ctx, arg));
    } else if (isFile && ctx.extensions.has(extOf(name)) && !isLockFile(name)) {
      ctx.hits.push({ abs: childAbs, display, explicit: false, real: childReal, linked: true });
    }
  }
  await Promise.all(subdirs);
}

async function discoverGlob(pattern: string, ctx: WalkContext): Promise<void> {
  ctx.seen.mayRepeat = true;
  const before = ctx.hits.length;
  for (const glob of compileGlob(pattern)) {
    const base = path.resolve(ctx.cwd, glob.base);
    let real: string;
    try {
      const st = await fsp.stat(base);
      if (!st.isDirectory()) continue;
      real = await fsp.realpath(base);
    } catch (err) {
      const code = errCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw new InputError('unreadable-file', { file: displayPath(ctx.cwd, base), reason: reasonOf(err) });
    }
    await walkGlob(base, real, new Set([real]), startStates(glob), false, glob, { ...ctx, root: real }, pattern);
  }
  if (ctx.hits.length === before) throw new InputError('unmatched-glob', { pattern });
}

/**
 * Matches the glob's segments against the tree below its base, like an NFA: `states` are the
 * indexes of the segments that the entries of `dir` may match next. `**` matches zero or more
 * directories, never dot-directories or node_modules unless a literal segment names them.
 * A directory matched by the whole pattern is walked, as if the shell had expanded the glob
 * (`projects/*`); `covered` says an ancestor was walked already.
 */
async function walkGlob(
  dir: string,
  real: string,
  ancestors: Set<string>,
  states: number[],
  covered: boolean,
  glob: GlobPattern,
  ctx: WalkContext,
  pattern: string,
): Promise<void> {
  const segs = glob.segments;
  const entries = await readDir(dir, ctx, pattern);
  const subdirs: Promise<void>[] = [];
  for (const ent of entries) {
    const name = ent.name;
    const whole = states.some((s) => segmentMatchesLast(segs, s, name));
    const dirStates = nextStates(segs, states, name);
    if (!whole && dirStates.length === 0) continue;
    const childAbs = path.join(dir, name);
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    let childReal = path.join(real, name);
    if (ent.isSymbolicLink()) {
      const target = await followLink(childAbs, ctx.root);
      if (!target) continue;
      isDir = target.isDir;
      isFile = target.isFile;
      childReal = target.real;
    }
    if (isFile) {
      if (whole && ctx.extensions.has(path.extname(name).toLowerCase()) && !isLockFile(name)) {
        ctx.hits.push({ abs: childAbs, display: displayPath(ctx.cwd, childAbs), explicit: true, real: childReal });
      }
    } else if (isDir && !ancestors.has(childReal)) {
      const next = new Set(ancestors).add(childReal);
      const walk = whole && !covered && !name.startsWith('.') && !SKIPPED_DIRS.has(name);
      if (walk) subdirs.push(walkDir(childAbs, childReal, displayPath(ctx.cwd, childAbs), next, ctx, pattern));
      if (dirStates.length > 0) {
        subdirs.push(walkGlob(childAbs, childReal, next, dirStates, covered || walk, glob, ctx, pattern));
      }
    }
  }
  await Promise.all(subdirs);
}

/** Initial states: segment 0, plus every segment reachable by letting `**` match nothing. */
function startStates(glob: GlobPattern): number[] {
  return closure(glob.segments, [0]);
}

function closure(segs: Segment[], states: number[]): number[] {
  const out = new Set<number>();
  const stack = [...states];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    if (s < segs.length && segs[s].kind === 'globstar') stack.push(s + 1);
  }
  return [...out].sort((a, b) => a - b);
}

/** Whether a file called `name` completes the pattern from state `s`. */
function segmentMatchesLast(segs: Segment[], s: number, name: string): boolean {
  if (s >= segs.length) return false;
  const seg = segs[s];
  if (seg.kind === 'globstar') {
    // `dir/**` matches every file below dir.
    return closure(segs, [s + 1]).includes(segs.length) && !name.startsWith('.');
  }
  return seg.test(name) && closure(segs, [s + 1]).includes(segs.length);
}

/** The states for the entries of a subdirectory called `name`. */
function nextStates(segs: Segment[], states: number[], name: string): number[] {
  const next: number[] = [];
  const hidden = name.startsWith('.') || SKIPPED_DIRS.has(name);
  for (const s of states) {
    if (s >= segs.length) continue;
    const seg = segs[s];
    if (seg.kind === 'globstar') {
      if (!hidden) next.push(s);
    } else if (seg.test(name) && (!hidden || seg.literal || seg.source.startsWith('.'))) {
      next.push(s + 1);
    }
  }
  return closure(segs, next).filter((s) => s < segs.length);
}

/**
 * A directory's entries, read synchronously: a walk of thousands of project folders on a local
 * disk is faster one directory after the other than through the thread pool.
 */
async function readDir(dir: string, ctx: WalkContext, arg: string): Promise<Dirent[]> {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = errCode(err);
    // Removed while walking, or not a directory after all: nothing to report.
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    const file = dir === path.resolve(ctx.cwd, arg) ? arg : displayPath(ctx.cwd, dir);
    throw new InputError('unreadable-file', { file, reason: reasonOf(err) });
  }
}

/**
 * Target of a symlink, or null (skipped silently) when it is dangling, a self-loop, outside the
 * root being walked, or neither a directory nor a regular file (a FIFO would block the run).
 */
async function followLink(p: string, root: string): Promise<{ isDir: boolean; isFile: boolean; real: string } | null> {
  try {
    const st = await fsp.stat(p);
    if (!st.isDirectory() && !st.isFile()) return null;
    const real = await fsp.realpath(p);
    if (real !== root && !real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return null;
    return { isDir: st.isDirectory(), isFile: st.isFile(), real };
  } catch {
    return null;
  }
}

async function realpathOr(abs: string, arg: string): Promise<string> {
  try {
    return await fsp.realpath(abs);
  } catch (err) {
    throw new InputError('unreadable-file', { file: arg, reason: reasonOf(err) });
  }
}

/** Keeps one entry per real file (an explicit one if any, else one not reached through a link), sorted by display path. */
function dedupe(hits: Hit[], mayRepeat: boolean): Found[] {
  const sorted = hits.sort(byDisplay);
  let out: Hit[] = sorted;
  // One directory walked without following a link cannot reach a file twice.
  if (mayRepeat) {
    const byReal = new Map<string, Hit>();
    let replaced = false;
    for (const h of sorted) {
      const prev = byReal.get(h.real);
      if (!prev) byReal.set(h.real, h);
      else if ((h.explicit && !prev.explicit) || (h.explicit === prev.explicit && prev.linked && !h.linked)) {
        byReal.set(h.real, h);
        replaced = true;
      }
    }
    out = [...byReal.values()];
    if (replaced) out.sort(byDisplay);
  }
  // Hits are Found with one field more (`real`), handed out as they are: no copy of 10,000 objects.
  return out;
}

const byDisplay = (a: Hit, b: Hit) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0);

/** Relative to cwd with forward slashes when inside cwd, else the absolute path. */
function displayPath(cwd: string, abs: string): string {
  // The common case, a file below cwd, without path.relative's normalisation work.
  if (abs.length > cwd.length + 1 && abs.startsWith(cwd) && abs[cwd.length] === path.sep && !abs.includes(`${path.sep}..`) && !abs.includes(`${path.sep}.${path.sep}`)) {
    const rel = abs.slice(cwd.length + 1);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join('/');
}

function errCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

function reasonOf(err: unknown): string {
  return errCode(err) ?? String(err);
}
