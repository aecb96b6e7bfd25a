// Arrays of one shape, whichever tier of the engine made them.
//
// V8's Array.prototype.map gives a packed array while its caller runs in the interpreter and a
// holey one once the caller is optimised. In a batch, the model of the first documents and of
// the later ones then differ in shape, and each optimised function that reads them is thrown
// away when the other shape first arrives, to be optimised again (docs/performance.md, "Arrays
// of one shape"). An array built by push is packed in every tier.

/** `items.map(fn)`, as an array of exactly its length, filled in. */
export function mapped<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = fn(items[i], i);
  return out;
}
