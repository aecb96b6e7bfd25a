// Typed readings of an indicator row's cells: the target (from 指标值, or from the Sichuan
// columns 指标性质 | 指标值 | 度量单位) and figures such as an actual or a baseline ("53个", a
// percent-formatted 0.64, "≥100%").
import type { At, FormContext } from './context.js';
import type { IndicatorRow } from './indicators.js';
import { parseActual, parseOperatorCell, parseTarget, type NumericOperator } from './target.js';

export interface TargetValue {
  operator: NumericOperator | 'qualitative';
  /** A canonical decimal for a numeric target, the text for a qualitative one. */
  target: string;
  numeric: boolean;
  unit?: string;
  /** Cells of the operator and the unit (the target cell when they were read from its text). */
  operatorAt: At;
  targetAt: At;
  unitAt: At;
}

/** The target of a row; undefined when there is none or it is a placeholder (reported). */
export function readTarget(ctx: FormContext, row: IndicatorRow, pointer: string): TargetValue | undefined {
  const tAt = row.at.target;
  if (!tAt) return undefined;
  const opAt = row.at.operator;
  const unitAt = row.at.unit;
  const opText = opAt ? ctx.str(opAt) : '';
  const op = parseOperatorCell(opText);
  const unitText = unitAt ? ctx.str(unitAt) : '';
  const base = { operatorAt: op ? opAt! : tAt, targetAt: tAt, unitAt: unitText ? unitAt! : tAt };
  const cell = ctx.cell(tAt);
  if (!cell || cell.value.trim() === '') return undefined;
  const inferred = (at: At) => ctx.diag('operator-inferred', 'warning', at, { indicator: row.name.value }, `${pointer}/operator`);
  if (op === 'qualitative') return { ...base, operator: 'qualitative', target: ctx.str(tAt), numeric: false };
  if (cell.type === 'number') {
    if (!op) inferred(tAt);
    const unit = unitText || (cell.percent ? '%' : undefined);
    return { ...base, operator: op ?? '=', target: cell.value, numeric: true, ...(unit ? { unit } : {}) };
  }
  const text = ctx.str(tAt);
  const t = parseTarget(text);
  if (t.kind === 'placeholder') {
    ctx.diag('target-placeholder', 'error', tAt, { value: text }, `${pointer}/target`);
    return undefined;
  }
  if (t.kind === 'text') return { ...base, operator: op ?? 'qualitative', target: t.text, numeric: false };
  if (!op && t.inferred) inferred(tAt);
  const unit = unitText || t.unit;
  return { ...base, operator: op ?? t.operator, target: t.value, numeric: true, ...(unit ? { unit } : {}) };
}

export interface Figure {
  value: string;
  unit?: string;
  /** The cell's text when it says more than the number ("53个", "≥100%"). */
  text?: string;
  /** Decimals the cell's format shows. */
  decimals?: number;
}

/**
 * A figure: a number cell, or a text starting with a number (an operator in front is ignored).
 * Undefined when the cell is empty; null when it holds text without a number.
 */
export function readFigure(ctx: FormContext, at: At): Figure | null | undefined {
  const cell = ctx.cell(at);
  if (!cell || cell.value.trim() === '') return undefined;
  if (cell.type === 'number') return { value: cell.value, ...(cell.percent ? { unit: '%' } : {}), ...(cell.decimals !== undefined ? { decimals: cell.decimals } : {}) };
  if (cell.type !== 'string') return null;
  const text = ctx.str(at);
  const a = parseActual(text);
  if (!a) return null;
  return { value: a.value, ...(a.unit ? { unit: a.unit } : {}), ...(text !== a.value ? { text } : {}) };
}
