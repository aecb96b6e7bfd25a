// Objects and arrays of one shape, whichever tier of the engine made them.
//
// V8 gives every object a hidden class (its "map": which properties, in which order, and for an
// array which kind of elements). Code optimised for the maps it has seen is thrown away when
// another one arrives, and a place in the code that has seen more than four maps reads through a
// slow generic path from then on. A batch makes the same objects thousands of times; two ways of
// writing that look harmless give them shapes that keep changing, in Node 20 (V8 11.3):
//
// - Array.prototype.map gives a packed array while its caller runs in the interpreter and a holey
//   one once the caller is optimised: the model of the first documents of a batch and of the
//   later ones differ in shape. mapped() below fills an array of the right length instead (holey
//   in every tier, no spare room: the dossier model's arrays), packed() pushes (packed in every
//   tier: report rows that meet rows the fast variance engine pushed).
// - An object literal that starts with a spread and adds a property (`{ ...head, periods }`), or
//   a spread copy written to afterwards (`const o = { ...x }; o.y = 1`), gets a hidden class of
//   its own almost every time: 2,000 projects, some 2,000 maps, and every function that reads
//   them goes the slow way. Such objects are written as one literal with every property named
//   (variance.ts projectWith, io/workspace.ts readAndParse), or copied with Object.assign({}, x).
//   A literal that starts with a named property and spreads later (`{ line: 1, ...d }`) is fine.
//
// test/unit/core/shapes.test.ts checks both with V8's own %HaveSameMap; docs/performance.md has
// the figures.

/** `items.map(fn)` of a dense array, as an array of exactly its length, filled in (holey). */
export function mapped<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = fn(items[i], i);
  return out;
}

/** `items.map(fn)` of a dense array, built by push (packed). */
export function packed<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i], i));
  return out;
}
