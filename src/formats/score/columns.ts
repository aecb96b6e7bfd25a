// A plain aligned-column table for long lists (the batch ranking of thousands of projects):
// linear time, Chinese characters counted as two columns, colour applied after measuring. On a
// terminal narrower than the table, its text columns are shortened (…), one line per row still.
import type { ChalkInstance } from 'chalk';
import { fitWidths, stringWidth, truncateWidth, wrapWidth } from '../validate/width.js';

export interface Cell {
  text: string;
  /** Applied after padding, so that colour never breaks the alignment. */
  style?: (s: string) => string;
}

/** On a terminal: the width to fit, and which columns hold text that may be shortened (never numbers). */
export interface ColumnsFit {
  width: number;
  shrink: readonly boolean[];
  /** Shorter headings, used in place of those given when the table does not fit otherwise. */
  short?: readonly (string | undefined)[];
  /** Text columns shortened only when those of `shrink` cannot give more (a grade). */
  later?: readonly boolean[];
}

/** A shortened column keeps at least this many columns (or its heading's width). */
const MIN_TEXT = 8;

export function columns(head: string[], rows: (string | Cell)[][], right: boolean[], c: ChalkInstance, fit?: ColumnsFit): string {
  let cells = rows.map((r) => r.map((x) => (typeof x === 'string' ? { text: x } : x)));
  // Each cell is measured once (for the column width and again for its padding).
  let measured = cells.map((r) => r.map((x) => stringWidth(x.text)));
  let widths = head.map((h, i) => {
    let w = stringWidth(h);
    for (const r of measured) if (r[i] !== undefined && r[i] > w) w = r[i];
    return w;
  });
  const total = 2 + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  let heads = head.map((h) => [h]);
  if (fit !== undefined && total > fit.width) {
    const room = fit.width - 2 - 2 * (widths.length - 1);
    const content = widths.map((_, i) => Math.max(0, ...measured.map((r) => r[i] ?? 0)));
    const fitHeads = (names: readonly string[]) => fitWidths(widths, widths.map(() => true), widths.map((w, i) => Math.min(w, Math.max(longestWord(names[i]), content[i]))), room);
    const floorsOf = (names: readonly string[]) => widths.map((w, i) => Math.min(w, Math.max(MIN_TEXT, longestWord(names[i]))));
    const over = () => widths.reduce((a, b) => a + b, 0) > room;
    // The headings wrap at their spaces, then the text columns are shortened; then shorter
    // headings stand in; last the `later` columns are shortened too.
    let named = head;
    widths = fitHeads(named);
    widths = fitWidths(widths, fit.shrink, floorsOf(named), room);
    if (over() && fit.short !== undefined) {
      named = head.map((h, i) => fit.short?.[i] ?? h);
      widths = fitHeads(named);
    }
    if (fit.later !== undefined) widths = fitWidths(widths, fit.later, floorsOf(named), room);
    const shrink = widths.map((_, i) => fit.shrink[i] || fit.later?.[i] === true);
    heads = named.map((h, i) => wrapWidth(h, widths[i]));
    cells = cells.map((r) => r.map((x, i) => (shrink[i] && stringWidth(x.text) > widths[i] ? { ...x, text: truncateWidth(x.text, widths[i]) } : x)));
    measured = cells.map((r) => r.map((x) => stringWidth(x.text)));
  }
  const pad = (s: string, i: number, own: number) => {
    const gap = widths[i] - own;
    if (gap <= 0) return s;
    return right[i] ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
  };
  const line = (parts: string[]) => withoutTrailingSpaces('  ' + parts.join('  '));
  const out: string[] = [];
  for (let k = 0; k < Math.max(...heads.map((h) => h.length)); k++) out.push(line(heads.map((h, i) => c.bold(pad(h[k] ?? '', i, stringWidth(h[k] ?? ''))))));
  out.push(line(widths.map((w) => '─'.repeat(w))));
  cells.forEach((r, k) => {
    const own = measured[k];
    out.push(line(r.map((x, i) => (x.style ? x.style(pad(x.text, i, own[i])) : pad(x.text, i, own[i])))));
  });
  return out.join('\n');
}

/**
 * `line` without trailing spaces, also where a colour closes after them. A line of thousands
 * that ends in plain spaces is cut without a regular expression.
 */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  if (end > 0 && line.charCodeAt(end - 1) === 0x6d) return line.replace(/(?: |\u001b\[[0-9;]*m)+$/, (tail) => tail.replace(/ /g, ''));
  return end === line.length ? line : line.slice(0, end);
}

/** The widest run of a heading a line cannot break inside (Chinese breaks between any two characters). */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(' ').map((w) => (/[\u2e80-\uffef]/.test(w) ? 2 : stringWidth(w))));
}
