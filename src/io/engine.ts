// What a big run asks of the JavaScript engine (V8), at its phase boundaries.
//
// A full garbage collection: V8 lets its old generation grow to several times what was live at
// its last full collection before it collects again, so the garbage a load leaves behind (each
// file's parse, the positions and rows let go after the checks) would still be held while the
// next phase builds its results. Node has no public call for this; its own gc() is reached
// through a new context once the flag is set, as node's tests do. Where that is not possible,
// nothing happens.
//
// Less inlining by the optimising compiler: a batch runs each per-file step a few thousand times,
// most of them before the step's optimised code is ready, and that code comes sooner when less is
// inlined into it (less compiling, on a core the run shares with its own garbage collection).
// Both change V8's flags, which costs the process the code cache of Node's own modules loaded
// afterwards (about 14 ms on a one-file run): only runs of BIG_RUN_FILES files or more do them.
// (`bpm variance` also sets its own, smaller heap growth step on every run: smallHeapSteps()
// below.) docs/performance.md#speed-devices has the figures.
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

let tuned = false;

/**
 * For a batch of BIG_RUN_FILES files or more (loadWorkspace calls it once it has found them),
 * once: TurboFan inlines at most 200 bytes of bytecode into a function it optimises (920 by
 * default). Only on V8 11 (Node 20), the engine it was measured on: another may do better
 * without it, or not know the flag (V8 would then print an error of its own on stderr).
 */
export function tuneForBatch(): void {
  if (tuned || process.versions.v8?.startsWith('11.') !== true) return;
  tuned = true;
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
}

/**
 * A smaller growth step of the old generation (25 % instead of V8's default): a monitoring file
 * of a million rows is streamed and its report written as it is computed, so the live heap stays
 * small (about 16 bytes a row plus the dossiers), and by default V8 lets the heap grow to several
 * times that before collecting. The peak stays near the live set, for a little more GC work.
 * `bpm variance` calls it once its command's modules are loaded: a change of V8's flags costs the
 * code cache of Node's own modules loaded after it.
 */
export function smallHeapSteps(): void {
  setFlagsFromString('--heap-growing-percent=25');
}
