// `stylish`: the default, for a person at a terminal (after ESLint's formatter of that name).
//
//   p/dossier.yaml
//     12:5  error    指标权重合计为 90,应为 100  weights-sum
//      3:1  warning  Goal is vague               vague-goal
//
//   p/自评表.xlsx
//     p/自评表.xlsx 自评表!E16  error  …         target-placeholder
//
//   ✖ 2 problems (1 error, 1 warning) in 1 file
//
// Columns are padded by terminal width, so Chinese (two columns a character) and English line
// up. On a terminal narrower than the lines, messages wrap inside their column (the code stays
// after the first line). Only files with something to show are listed; report-level diagnostics
// come first.
import { Chalk, type ChalkInstance } from 'chalk';
import { severityRank, type Diagnostic, type Severity } from '../../core/diagnostics.js';
import type { CheckReport, FormatOptions } from '../../core/report.js';
import { t } from '../../i18n/index.js';
import {
  groups,
  isPosition,
  messageOf,
  normalizeNewlines,
  severityLabel,
  showControls,
  summaryLine,
  type Group,
} from './shared.js';
import { padEndWidth, padStartWidth, stringWidth, wrapWidth } from './width.js';
import { fileReview } from './review-parts.js';
import { batchBlock, scoreLine } from './review-stylish.js';

const INDENT = '  ';
const GAP = '  ';
/** A message column is never wrapped narrower than this, however narrow the terminal. */
const MIN_MESSAGE = 24;

export function stylish(report: CheckReport, opts: FormatOptions): string {
  // Colour is decided by opts.color alone, never by chalk's own terminal detection.
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  // A dossier reviewed by `bpm review` is shown even without problems: its score is news.
  const shown = groups(report, opts.quiet === true).filter((g) => g.diagnostics.length > 0 || (g.result && fileReview(g.result)));
  const blocks = shown.map((g) => block(g, opts, c));
  const batch = batchBlock(report, opts, c);
  if (batch !== '') blocks.push(batch);
  const summary = summaryLine(report, shown, opts);
  const errors = shown.some((g) => g.diagnostics.some((d) => d.severity === 'error'));
  const warnings = shown.some((g) => g.diagnostics.some((d) => d.severity === 'warning'));
  const paint = errors ? c.red.bold : warnings ? c.yellow.bold : c.green.bold;
  return [...blocks, paint(summary)].join('\n\n') + '\n';
}

interface Row {
  line: string;
  column: string;
  /** In a workbook: `sheet!cell`. */
  cell?: string;
  severity: Severity;
  label: string;
  /** The message's lines; the code goes after the first. */
  message: string[];
  code: string;
}

function block(g: Group, opts: FormatOptions, c: ChalkInstance): string {
  const heading = g.file === undefined ? t(opts.lang, 'fmt.general') : clean(g.file);
  // A reviewed dossier lists its required changes before its suggestions, as the review letter does.
  const reviewed = g.result !== undefined && fileReview(g.result) !== undefined;
  const ordered = reviewed ? [...g.diagnostics].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)) : g.diagnostics;
  const rows = ordered.map((d) => row(d, g.file, opts));
  const plain = rows.filter((r) => r.cell === undefined);
  const lineW = Math.max(0, ...plain.map((r) => r.line.length));
  const colW = Math.max(0, ...plain.map((r) => r.column.length));
  const position = (r: Row): string => {
    // A workbook cell, with its file (docs/formats.md#excel-workbooks): `p/自评表.xlsx 自评表!D12`.
    if (r.cell !== undefined) return r.cell;
    if (lineW === 0) return '';
    if (r.line === '') return ' '.repeat(lineW + (colW > 0 ? colW + 1 : 0));
    // Line right-aligned, column left-aligned, so that the colons line up.
    const col = colW === 0 ? '' : r.column === '' ? ' '.repeat(colW + 1) : `:${r.column.padEnd(colW)}`;
    return padStartWidth(r.line, lineW) + col;
  };
  const positions = rows.map(position);
  const locW = Math.max(0, ...positions.map(stringWidth));
  const loc = (i: number): string => padEndWidth(positions[i], locW);
  const sevW = Math.max(...rows.map((r) => stringWidth(r.label)));
  let msgW = Math.max(...rows.map((r) => stringWidth(r.message[0])));
  // On a terminal too narrow for a message beside long locations (workbook cells with their
  // file), each location goes on a line of its own, the message and its code under it.
  let stacked = false;
  if (opts.width !== undefined) {
    // What the message may take on the terminal: the width less location, severity and code.
    const codeW = Math.max(...rows.map((r) => stringWidth(r.code)));
    let room = opts.width - (INDENT.length + (locW > 0 ? locW + GAP.length : 0) + sevW + GAP.length + GAP.length + codeW);
    if (room < MIN_MESSAGE && locW > 0) {
      stacked = true;
      room = opts.width - (INDENT.length * 2 + sevW + GAP.length + GAP.length + codeW);
    }
    room = Math.max(MIN_MESSAGE, room);
    if (Math.max(...rows.flatMap((r) => r.message.map(stringWidth))) > room) {
      for (const r of rows) r.message = r.message.flatMap((m) => wrapWidth(m, room));
      msgW = Math.max(...rows.map((r) => stringWidth(r.message[0])));
    }
  }
  const lines = [c.underline(heading)];
  const review = g.result ? fileReview(g.result) : undefined;
  if (review) lines.push(scoreLine(review, opts, c));
  for (const [i, r] of rows.entries()) {
    if (stacked) {
      if (positions[i] !== '') lines.push(INDENT + c.dim(positions[i]));
      lines.push(INDENT + INDENT + sevColor(c, r.severity)(padEndWidth(r.label, sevW)) + GAP + padEndWidth(r.message[0], msgW) + GAP + c.dim(r.code));
      const indent = ' '.repeat(INDENT.length * 2 + sevW + GAP.length);
      for (const more of r.message.slice(1)) lines.push(indent + more);
      continue;
    }
    const lead = locW > 0 ? INDENT + c.dim(loc(i)) + GAP : INDENT;
    lines.push(
      lead + sevColor(c, r.severity)(padEndWidth(r.label, sevW)) + GAP + padEndWidth(r.message[0], msgW) + GAP + c.dim(r.code),
    );
    // Continuation lines of a multi-line message stay in the message column.
    const indent = ' '.repeat(INDENT.length + (locW > 0 ? locW + GAP.length : 0) + sevW + GAP.length);
    for (const more of r.message.slice(1)) lines.push(indent + more);
  }
  return lines.join('\n');
}

function row(d: Diagnostic, file: string | undefined, opts: FormatOptions): Row {
  const where = d.file ?? file;
  return {
    line: isPosition(d.line) ? String(d.line) : '',
    column: isPosition(d.line) && isPosition(d.column) ? String(d.column) : '',
    ...(d.sheet !== undefined ? { cell: clean(`${where ? `${where} ` : ''}${d.sheet}!${d.cell ?? ''}`) } : {}),
    severity: d.severity,
    label: severityLabel(d.severity, opts.lang),
    message: clean(messageOf(d, opts.lang)).split('\n'),
    code: clean(d.code),
  };
}

/** Terminal-safe text: visible control characters, tabs as spaces, LF line ends. */
function clean(text: string): string {
  return showControls(normalizeNewlines(text).replace(/\t/g, ' '));
}

function sevColor(c: ChalkInstance, s: Severity): ChalkInstance {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue;
}
