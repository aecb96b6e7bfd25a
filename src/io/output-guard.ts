// Whether an output target is one of the run's inputs (-o must never replace an input), in time
// linear in the number of inputs, once per run: a batch has tens of thousands of inputs, and
// --out-dir writes one report per project. The inputs are indexed once per inputs array:
//   - their resolved paths, in a set (the target named the way an input was);
//   - when the target exists: the device and inode of every input (hard links, symlinks,
//     symlinked directories, case-insensitive file systems), stat'ed once;
//   - when it does not exist: the target's real path (through symlinked directories) against
//     the set. An input that exists cannot have the real path of a file that does not exist,
//     and an input gone since it was read leaves nothing to replace.
import { statSync, type Stats } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

interface InputIndex {
  paths: Set<string>;
  /** `dev:ino` of every input that could be stat'ed; built when a target exists. */
  ids?: Set<string>;
  /** Inputs that could not be stat'ed (gone since they were read): compared by real path. */
  missing?: string[];
}

const indexes = new WeakMap<readonly string[], Map<string, InputIndex>>();

export async function outputIsInput(target: string, inputs: readonly string[], cwd: string): Promise<boolean> {
  const index = indexOf(inputs, cwd);
  const abs = path.resolve(cwd, target);
  if (index.paths.has(abs)) return true;
  const st = await statOrNull(abs);
  if (st) {
    if (!index.ids) statInputs(index);
    if (index.ids!.has(id(st))) return true;
    if (index.missing!.length === 0) return false;
    const real = await realish(abs);
    for (const input of index.missing!) if ((await realish(input)) === real) return true;
    return false;
  }
  return index.paths.has(await realish(abs));
}

function indexOf(inputs: readonly string[], cwd: string): InputIndex {
  let byCwd = indexes.get(inputs);
  if (!byCwd) indexes.set(inputs, (byCwd = new Map()));
  let index = byCwd.get(cwd);
  if (!index) byCwd.set(cwd, (index = { paths: new Set(inputs.map((i) => path.resolve(cwd, i))) }));
  return index;
}

function statInputs(index: InputIndex): void {
  const ids = new Set<string>();
  const missing: string[] = [];
  // Synchronous: thousands of stats one after the other beat as many promises.
  for (const input of index.paths) {
    let st: Stats | undefined;
    try {
      st = statSync(input, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (st) ids.add(id(st));
    else missing.push(input);
  }
  index.ids = ids;
  index.missing = missing;
}

function id(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

/**
 * Whether two paths name the same file: same device and inode when both exist (this also
 * catches hard links and case-insensitive file systems), else the same real path, resolving a
 * not-yet-existing file through its parent directory's real path. (The one-pair form of
 * outputIsInput; the tests hold the two to the same answers.)
 */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  const [ra, rb] = await Promise.all([realish(a), realish(b)]);
  return ra === rb;
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
async function realish(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fsp.realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(await realish(parent), path.basename(abs));
  }
}
