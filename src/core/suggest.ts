// "Did you mean …": the closest known name to a misspelt one (Damerau-Levenshtein distance).

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** The candidate closest to `name` (case-insensitive), if it is a near miss. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    // Ties go to a candidate that extends what was typed (">" → ">="), then alphabetical order.
    const dist = editDistance(lower, cl) - (cl.startsWith(lower) ? 0.5 : 0);
    if (dist < bestDist || (dist === bestDist && best !== undefined && c < best)) {
      best = c;
      bestDist = dist;
    }
  }
  // A near miss: at most a third of the word wrong (and at least one edit allowed).
  const limit = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
  return best !== undefined && bestDist <= limit ? best : undefined;
}
