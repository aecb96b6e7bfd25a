// Names, codes and units repeat in every period of every project of a big report: a formatter
// that escapes or cleans them keeps the result for each distinct text. The memory stays bounded:
// past `max` entries the cache starts over.

/** `fn` with its results kept per input text (at most `max` of them). */
export function memoText(fn: (text: string) => string, max = 10_000): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, out);
    }
    return out;
  };
}
