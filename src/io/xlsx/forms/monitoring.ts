// A monitoring sheet: a header row with the columns of a monitoring CSV (docs/formats.md#monitoring-data-csv:
// project, period, metric, value, note, or their Chinese names) and one row per figure. Rows are
// the CSV reader's MonitoringRows, with the sheet row as the line; a percent-formatted 0.95 is
// 95 with the percent flag, as "95%" is in a CSV; a month typed as a date is its yyyy-mm period.
import type { MonitoringRow } from '../../../core/monitoring/data.js';
import { headerColumn, REQUIRED, type Column } from '../../csv-reader.js';
import type { At, FormContext, Positions } from './context.js';

export interface MonitoringHeader {
  row: number;
  columns: Partial<Record<Column, number>>;
}

/** The header: among the first rows with content, one that names the four required columns. */
export function findMonitoringHeader(ctx: FormContext): MonitoringHeader | undefined {
  const g = ctx.grid;
  for (let r = 1; r <= Math.min(g.maxRow, 10); r++) {
    const columns: MonitoringHeader['columns'] = {};
    for (const c of g.rowCells(r)) {
      const col = headerColumn(ctx.str(c));
      if (col && columns[col] === undefined) columns[col] = c.col;
    }
    if (REQUIRED.every((c) => columns[c] !== undefined)) return { row: r, columns };
  }
  return undefined;
}

/**
 * The rows of a monitoring sheet. Positions are the header's cells (`/columns/<column>`): a
 * row's cell is its `line` and its column's number (positionOf in index.ts), not a position
 * object per cell of a sheet that may have a hundred thousand rows.
 */
export function readMonitoring(ctx: FormContext, h: MonitoringHeader): { rows: MonitoringRow[]; positions: Positions } {
  const g = ctx.grid;
  const rows: MonitoringRow[] = [];
  const cols = h.columns;
  const positions: Positions = { '': ctx.pos({ row: h.row, col: cols.project! }) };
  for (const [c, col] of Object.entries(cols)) positions[`/columns/${c}`] = ctx.pos({ row: h.row, col });
  for (let r = h.row + 1; r <= g.maxRow; r++) {
    const at = (c: Column): At => ({ row: r, col: cols[c]! });
    const project = ctx.str(at('project'));
    const period = periodText(ctx, at('period'));
    const metric = ctx.str(at('metric'));
    const note = cols.note !== undefined ? ctx.str(at('note')) : '';
    if (project === '' && period === '' && metric === '' && (g.cell(r, cols.value!)?.value ?? '').trim() === '' && note === '') continue;
    const missing = (['project', 'period', 'metric'] as const).find((c) => (c === 'project' ? project : c === 'period' ? period : metric) === '');
    if (missing) {
      ctx.diag('csv-empty-cell', 'error', at(missing), { column: missing });
      continue;
    }
    const i = rows.length;
    const n = ctx.num(at('value'), `/rows/${i}/value`);
    if (n === undefined) ctx.diag('value-empty', 'error', at('value'), { metric }, `/rows/${i}/value`);
    const row: MonitoringRow = { file: ctx.file, line: r, project, period, metric, value: n ? n.value : null, percent: n ? n.percent : false };
    if (note !== '') row.note = note;
    rows.push(row);
  }
  return { rows, positions };
}

/** A period as text; a date-formatted cell (a month typed as 2025-06) gives its yyyy-mm. */
function periodText(ctx: FormContext, at: At): string {
  const cell = ctx.grid.cell(at.row, at.col);
  if (cell?.date) return cell.date.slice(0, 7);
  return ctx.str(at);
}
