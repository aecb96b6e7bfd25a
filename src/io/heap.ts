// A full garbage collection at a phase boundary of a big run. V8 lets its old generation grow to
// several times what was live at its last full collection before it collects again, so the
// garbage a load leaves behind (each file's parse, the positions and rows let go after the checks)
// would still be held while the next phase builds its results (docs/performance.md#speed-devices).
// Node has no public call for this; its own gc() is reached through a new context once the
// flag is set, as node's tests do. Where that is not possible, nothing happens.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs with fewer files than this do not pay for a full collection (tens of milliseconds). */
export const BIG_RUN_FILES = 1000;

let gc: (() => void) | null | undefined;

/** Collects the garbage of the heap now (a full, compacting collection); a no-op where it cannot. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const fn: unknown = runInNewContext('gc');
      gc = typeof fn === 'function' ? (fn as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
