// A plain aligned-column table for long lists (the batch ranking of thousands of projects):
// linear time, Chinese characters counted as two columns, colour applied after measuring.
import type { ChalkInstance } from 'chalk';
import { stringWidth } from '../validate/width.js';

export interface Cell {
  text: string;
  /** Applied after padding, so that colour never breaks the alignment. */
  style?: (s: string) => string;
}

export function columns(head: string[], rows: (string | Cell)[][], right: boolean[], c: ChalkInstance): string {
  const cells = rows.map((r) => r.map((x) => (typeof x === 'string' ? { text: x } : x)));
  // Each cell is measured once (for the column width and again for its padding).
  const measured = cells.map((r) => r.map((x) => widthOf(x.text)));
  const widths = head.map((h, i) => {
    let w = stringWidth(h);
    for (const r of measured) if (r[i] !== undefined && r[i] > w) w = r[i];
    return w;
  });
  const pad = (s: string, i: number, own: number) => {
    const gap = widths[i] - own;
    if (gap <= 0) return s;
    return right[i] ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
  };
  const line = (parts: string[]) => ('  ' + parts.join('  ')).trimEnd();
  const out = [line(head.map((h, i) => c.bold(pad(h, i, stringWidth(h))))), line(widths.map((w) => '─'.repeat(w)))];
  cells.forEach((r, k) => {
    const own = measured[k];
    out.push(line(r.map((x, i) => (x.style ? x.style(pad(x.text, i, own[i])) : pad(x.text, i, own[i])))));
  });
  return out.join('\n');
}

/** stringWidth, with printable ASCII (codes, numbers, grades in English) counted by length. */
function widthOf(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
