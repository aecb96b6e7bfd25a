// A compact box-drawing table for the terminal formats: a heading row, a line under it, rows
// without separators, and rows whose one cell spans every column. It draws exactly what
// cli-table3 draws with `style: { compact: true, 'padding-left': 1, 'padding-right': 1 }`
// (same borders, same widths for Chinese text, same widening of columns under a spanning cell),
// at a small fraction of the cost: a variance report of thousands of projects draws thousands
// of tables, and cli-table3 spent most of that run measuring strings.
// test/unit/formats/box-table.test.ts compares the two on the same rows.
import { stringWidth } from './validate/width.js';

export type Align = 'left' | 'right';
/** A row of cells, or one cell across the whole table (left-aligned). */
export type Row = readonly string[] | { span: string };

// Colour codes take no column.
const ANSI = /\u001b\[[0-9;]*m/g;

function width(text: string): number {
  return stringWidth(text.includes('\u001b') ? text.replace(ANSI, '') : text);
}

/** Draws `head` and `rows` with the columns aligned as `aligns` says. */
export function boxTable(head: readonly string[], rows: readonly Row[], aligns: readonly Align[]): string {
  const n = head.length;
  const widths = head.map((h) => Math.max(1, width(h) + 2));
  const measured = rows.map((r) => ('span' in r ? [width(r.span)] : r.map(width)));
  rows.forEach((r, k) => {
    if ('span' in r) return;
    for (let c = 0; c < n; c++) widths[c] = Math.max(widths[c], measured[k][c] + 2);
  });
  // A spanning cell wider than the columns under it widens them, the difference shared out
  // from the left as cli-table3 does (rounded shares, last spanner first).
  for (let k = rows.length - 1; k >= 0; k--) {
    if (!('span' in rows[k])) continue;
    const desired = measured[k][0] + 2;
    let existing = widths.reduce((a, b) => a + b, 0) + n - 1;
    let editable = n;
    for (let c = 0; editable > 0 && desired > existing; c++) {
      const dif = Math.round((desired - existing) / editable);
      existing += dif;
      widths[c] += dif;
      editable--;
    }
  }
  const total = widths.reduce((a, b) => a + b, 0) + n - 1;
  const line = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const cell = (text: string, w: number, textWidth: number, align: Align) => {
    const gap = ' '.repeat(Math.max(0, w - 2 - textWidth));
    return ' ' + (align === 'right' ? gap + text : text + gap) + ' ';
  };
  const out = [line('┌', '┬', '┐')];
  out.push('│' + head.map((h, c) => cell(h, widths[c], width(h), aligns[c] ?? 'left')).join('│') + '│');
  // The line under the heading meets the row below: no junctions into a spanning cell.
  out.push(rows[0] !== undefined && 'span' in rows[0] ? line('├', '┴', '┤') : line('├', '┼', '┤'));
  rows.forEach((r, k) => {
    if ('span' in r) out.push('│' + cell(r.span, total, measured[k][0], 'left') + '│');
    else out.push('│' + r.map((text, c) => cell(text, widths[c], measured[k][c], aligns[c] ?? 'left')).join('│') + '│');
  });
  const last = rows[rows.length - 1];
  out.push(last !== undefined && 'span' in last ? '└' + '─'.repeat(total) + '┘' : line('└', '┴', '┘'));
  return out.join('\n');
}
