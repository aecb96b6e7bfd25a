// A compact box-drawing table for the terminal formats: a heading row, a line under it, rows
// without separators, and rows whose one cell spans every column. It draws exactly what
// cli-table3 draws with `style: { compact: true, 'padding-left': 1, 'padding-right': 1 }`
// (same borders, same widths for Chinese text, same widening of columns under a spanning cell),
// at a small fraction of the cost: a variance report of thousands of projects draws thousands
// of tables, and cli-table3 spent most of that run measuring strings.
// test/unit/formats/box-table.test.ts compares the two on the same rows.
import { fitWidths, stringWidth, styledWidth, wrapStyled } from './validate/width.js';

export type Align = 'left' | 'right';
/** A row of cells, or one cell across the whole table (left-aligned). */
export type Row = readonly string[] | { span: string };

// Colour codes take no column.
const ANSI = /\u001b\[[0-9;]*m/g;

/** A cell's columns (colour codes take none). */
const width = styledWidth;

/**
 * On a terminal: the width to fit, and which columns hold text that may wrap (never numbers).
 */
export interface Fit {
  width: number;
  wrap: readonly boolean[];
  /**
   * Shorter headings, drawn instead of `head` when a heading of a number column would otherwise
   * break inside a word (English `Expected` as `Expecte/d`).
   */
  short?: readonly string[];
}

/**
 * Draws `head` and `rows` with the columns aligned as `aligns` says. With `fit`, a table wider
 * than the terminal wraps the text of its `wrap` columns (and its spanning rows) onto more lines.
 */
export function boxTable(head: readonly string[], rows: readonly Row[], aligns: readonly Align[], fit?: Fit): string {
  const n = head.length;
  const { headWidths, widths, measured, total } = measure(head, rows);
  if (fit !== undefined && total + 2 > fit.width) return fitted(head, rows, aligns, fit, measured);
  const rules: string[] = [];
  const right: boolean[] = [];
  for (let c = 0; c < n; c++) {
    rules.push('─'.repeat(widths[c]));
    right.push(aligns[c] === 'right');
  }
  const line = (left: string, mid: string, right: string) => left + rules.join(mid) + right;
  // One row of cells: │ text │ text │, each padded to its column on the side its alignment says.
  const row = (cells: readonly string[], textWidths: readonly number[]) => {
    let out = '│';
    for (let c = 0; c < n; c++) {
      const gap = spaces(widths[c] - 2 - textWidths[c]);
      out += right[c] ? ' ' + gap + cells[c] + ' │' : ' ' + cells[c] + gap + ' │';
    }
    return out;
  };
  let out = line('┌', '┬', '┐') + '\n' + row(head, headWidths) + '\n';
  // The line under the heading meets the row below: no junctions into a spanning cell.
  out += rows[0] !== undefined && 'span' in rows[0] ? line('├', '┴', '┤') : line('├', '┼', '┤');
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    out += '\n' + ('span' in r ? '│ ' + r.span + spaces(total - 2 - measured[k][0]) + ' │' : row(r, measured[k]));
  }
  const last = rows[rows.length - 1];
  return out + '\n' + (last !== undefined && 'span' in last ? '└' + '─'.repeat(total) + '┘' : line('└', '┴', '┘'));
}

/** Column widths (padding included), each cell's width, and the width inside the outer borders. */
interface Measured {
  headWidths: number[];
  widths: number[];
  measured: number[][];
  total: number;
}

function measure(head: readonly string[], rows: readonly Row[]): Measured {
  const n = head.length;
  // Arrays here and in boxTable are built by push, never by map(): map() makes packed arrays in the interpreter
  // and holey ones once optimised, and each such change of shape sends this code (run once per
  // project of a big report) back to the interpreter to be optimised again.
  const headWidths: number[] = [];
  const widths: number[] = [];
  for (let c = 0; c < n; c++) {
    const w = width(head[c]);
    headWidths.push(w);
    widths.push(Math.max(1, w + 2));
  }
  // Each cell's width, measured once (a spanning row: its one cell).
  const measured: number[][] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if ('span' in r) {
      measured.push([width(r.span)]);
      continue;
    }
    const m: number[] = [];
    for (let c = 0; c < n; c++) {
      const w = width(r[c]);
      m.push(w);
      if (w + 2 > widths[c]) widths[c] = w + 2;
    }
    measured.push(m);
  }
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
  return { headWidths, widths, measured, total };
}

/** The width boxTable draws `head` and `rows` in, borders included, when nothing is fitted. */
export function boxWidth(head: readonly string[], rows: readonly Row[]): number {
  return measure(head, rows).total + 2;
}

const SPACES = ' '.repeat(256);

/** `n` spaces (none for n ≤ 0). */
function spaces(n: number): string {
  return n <= 0 ? '' : n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

/** A column that wraps is not made narrower than this (or its longest word), padding aside. */
const MIN_TEXT = 8;
/** …or than this, when the table does not fit otherwise. */
const MIN_NARROW = 4;

/** The table of boxTable fitted to `fit.width`: headings and text columns wrapped, numbers whole. */
function fitted(full: readonly string[], rows: readonly Row[], aligns: readonly Align[], fit: Fit, measured: number[][]): string {
  const n = full.length;
  const cells = rows.filter((r): r is readonly string[] => !('span' in r));
  const room = fit.width - (n + 1);
  const widthsFor = (names: readonly string[]) => fitColumns(names.map((h, c) => Math.max(width(h), ...cells.map((r) => width(r[c]))) + 2), names, cells, fit.wrap, room);
  let head = full;
  let widths = widthsFor(head);
  if (fit.short !== undefined && head.some((h, c) => !fit.wrap[c] && longestWord(h) > widths[c] - 2)) {
    head = fit.short;
    widths = widthsFor(head);
  }
  const total = widths.reduce((a, b) => a + b, 0) + n - 1;
  const line = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const pad = (text: string, w: number, align: Align) => {
    const gap = ' '.repeat(Math.max(0, w - 2 - width(text)));
    return ' ' + (align === 'right' ? gap + text : text + gap) + ' ';
  };
  // A row of cells, each wrapped to its column when it is wider; as many lines as its tallest cell.
  const draw = (r: readonly string[]) => {
    const parts = r.map((text, c) => (width(text) > widths[c] - 2 ? wrapStyled(text, widths[c] - 2) : [text]));
    const height = Math.max(...parts.map((p) => p.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) out.push('│' + parts.map((p, c) => pad(p[k] ?? '', widths[c], aligns[c] ?? 'left')).join('│') + '│');
    return out;
  };
  const out = [line('┌', '┬', '┐'), ...draw(head)];
  out.push(rows[0] !== undefined && 'span' in rows[0] ? line('├', '┴', '┤') : line('├', '┼', '┤'));
  rows.forEach((r, k) => {
    if ('span' in r) {
      const lines = measured[k][0] > total - 2 ? wrapStyled(r.span, total - 2) : [r.span];
      for (const l of lines) out.push('│' + pad(l, total, 'left') + '│');
    } else out.push(...draw(r));
  });
  const last = rows[rows.length - 1];
  out.push(last !== undefined && 'span' in last ? '└' + '─'.repeat(total) + '┘' : line('└', '┴', '┘'));
  return out.join('\n');
}

/**
 * Column widths (padding included) narrowed from `base` to fit `room`, step by step, each step
 * only as far as needed: the headings wrap; then the text (`wrap`) columns wrap at their words;
 * then the number cells break at their spaces (never inside a number: "-281.65 (-25.60%)" onto
 * two lines); then the headings of number columns break inside their words, down to the width
 * of their figures; last, the text columns break inside words (inside their headings' words only
 * when nothing else fits). `cells` are the rows' cells by column.
 */
export function fitColumns(base: readonly number[], head: readonly string[], cells: readonly (readonly string[])[], wrap: readonly boolean[], room: number): number[] {
  const heads = head.map((h) => longestWord(h));
  const whole = (c: number) => Math.max(0, ...cells.map((r) => (r[c] === undefined ? 0 : width(r[c]))));
  const words = (c: number) => Math.max(0, ...cells.map((r) => (r[c] === undefined ? 0 : longestWord(r[c]))));
  // The figures of a number column, not the words of a heading row inside the table (Expected).
  const figures = (c: number) => Math.max(0, ...cells.map((r) => (r[c] === undefined || !/\d/.test(r[c].replace(ANSI, '')) ? 0 : longestWord(r[c]))));
  const steps: ((c: number) => number)[] = [
    (c) => Math.max(heads[c], whole(c)),
    (c) => (wrap[c] ? Math.max(MIN_TEXT, heads[c], words(c)) : Infinity),
    (c) => (wrap[c] ? Infinity : Math.max(heads[c], words(c))),
    // A heading word of a number column breaks before a figure or a word of text does.
    (c) => (wrap[c] ? Infinity : Math.max(MIN_NARROW, figures(c))),
    (c) => (wrap[c] ? Math.max(MIN_NARROW, heads[c]) : Infinity),
    (c) => (wrap[c] ? MIN_NARROW : Infinity),
  ];
  let widths = [...base];
  for (const step of steps) widths = fitWidths(widths, widths.map(() => true), widths.map((w, c) => Math.min(w, step(c) + 2)), room);
  return widths;
}

/** The widest run of text a line cannot break inside (a word without spaces or Chinese characters). */
function longestWord(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  let longest = 0;
  for (const word of plain.split(' ')) {
    // Chinese text breaks between any two characters: a word of it is one character wide.
    const w = /[\u2e80-\uffef]/.test(word) ? 2 : stringWidth(word);
    if (w > longest) longest = w;
  }
  return longest;
}
