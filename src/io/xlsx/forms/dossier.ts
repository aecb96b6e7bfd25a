// A ProjectDossier from a 申报表 or a 自评表: the project fields, the funding block, the goal and
// the indicator grid, with the cell of every value. Indicator codes are numbered in sheet order
// by level1 (OUT-1, EFF-1 …); a 其中 row takes its parent's code and a letter (OUT-1a).
import { BASIS_ALIASES } from '../../../core/model/aliases.js';
import type { Level1 } from '../../../core/model/model.js';
import type { At, FormContext, Positions } from './context.js';
import type { Budget } from './budget.js';
import type { Header, Located } from './header.js';
import type { IndicatorGrid, IndicatorRow } from './indicators.js';
import { readFigure, readTarget, type TargetValue } from './values.js';

const CODE_PREFIX: Record<Level1, string> = { output: 'OUT', effect: 'EFF', satisfaction: 'SAT', cost: 'COST', decision: 'DEC', process: 'PROC' };

export interface BuiltIndicator {
  row: IndicatorRow;
  code: string;
  /** Index in the dossier's indicators. */
  index: number;
  target?: TargetValue;
  weight?: number;
}

export interface BuiltDossier {
  data: Record<string, unknown>;
  positions: Positions;
  indicators: BuiltIndicator[];
}

export interface ProjectCode {
  value: string;
  at: At;
}

export function buildDossier(ctx: FormContext, h: Header, budget: Budget | undefined, grid: IndicatorGrid, code: ProjectCode, root: At): BuiltDossier {
  const positions: Positions = { '': ctx.pos(root) };
  const put = (pointer: string, at: At) => (positions[pointer] = ctx.pos(at));
  const project: Record<string, unknown> = {};
  put('/project', h.name?.at ?? root);
  project.code = code.value;
  put('/project/code', code.at);
  const field = (key: string, v: Located<unknown> | undefined) => {
    if (!v) return;
    project[key] = v.value;
    put(`/project/${key}`, v.at);
  };
  field('name', h.name && { value: nameWithoutCode(h.name.value, code.value), at: h.name.at });
  field('department', h.department);
  field('unit', h.unit);
  field('year', h.year);
  if (h.start && h.end) {
    project.period = { start: h.start.value, end: h.end.value };
    put('/project/period', h.start.at);
    put('/project/period/start', h.start.at);
    put('/project/period/end', h.end.at);
  }
  field('category', h.category);
  if (h.objectives) {
    project.objectives = h.objectives.value;
    put('/project/objectives', h.objectives.at);
    h.objectives.value.forEach((_, i) => put(`/project/objectives/${i}`, h.objectives!.at));
  }

  const data: Record<string, unknown> = { apiVersion: 'bpm/v1', kind: 'ProjectDossier', project };
  if (budget) {
    const b: Record<string, unknown> = {};
    put('/budget', budget.label);
    if (budget.unit) {
      b.unit = budget.unit;
      put('/budget/unit', budget.label);
    }
    for (const key of ['initial', 'total'] as const) {
      const v = budget.main[key];
      if (!v) continue;
      b[key] = Number(v.value.value);
      put(`/budget/${key}`, v.at);
    }
    if (budget.sources.length) {
      b.sources = budget.sources.map((s, i) => {
        put(`/budget/sources/${i}`, s.at);
        put(`/budget/sources/${i}/amount`, s.at);
        return { name: s.name, amount: Number(s.amount.value.value) };
      });
    }
    data.budget = b;
  }
  if (h.goal) {
    data.goal = h.goal.value;
    put('/goal', h.goal.at);
  }
  const built = indicators(ctx, grid, put);
  data.indicators = built.map((b) => indicatorDoc(ctx, b, put));
  put('/indicators', { row: grid.header.row, col: grid.header.columns.level1! });
  return { data, positions, indicators: built };
}

/** Codes and targets of the grid's rows. */
function indicators(ctx: FormContext, grid: IndicatorGrid, put: (p: string, at: At) => void): BuiltIndicator[] {
  const counters = new Map<string, number>();
  const out: BuiltIndicator[] = [];
  let parent: BuiltIndicator | undefined;
  let letter = 0;
  for (const row of grid.rows) {
    let code: string;
    if (row.informational && parent) {
      code = `${parent.code}${String.fromCharCode(97 + (letter++ % 26))}`;
    } else {
      const prefix = CODE_PREFIX[row.level1.value as Level1] ?? 'IND';
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      code = `${prefix}-${n}`;
      letter = 0;
    }
    const index = out.length;
    const b: BuiltIndicator = { row, code, index };
    if (!row.informational) parent = b;
    const target = readTarget(ctx, row, `/indicators/${index}`);
    if (target) b.target = target;
    if (row.at.weight) {
      const w = ctx.num(row.at.weight, `/indicators/${index}/weight`);
      if (w) b.weight = Number(w.value);
    }
    put(`/indicators/${index}`, row.name.at);
    out.push(b);
  }
  return out;
}

function indicatorDoc(ctx: FormContext, b: BuiltIndicator, put: (p: string, at: At) => void): Record<string, unknown> {
  const p = `/indicators/${b.index}`;
  const { row, target } = b;
  const doc: Record<string, unknown> = { code: b.code };
  put(`${p}/code`, row.name.at);
  if (row.informational) {
    doc.informational = true;
    put(`${p}/informational`, row.name.at);
  }
  doc.level1 = row.level1.value;
  put(`${p}/level1`, row.level1.at);
  doc.level2 = row.level2.value;
  put(`${p}/level2`, row.level2.at);
  doc.name = row.name.value;
  put(`${p}/name`, row.name.at);
  if (target) {
    doc.operator = target.operator;
    put(`${p}/operator`, target.operatorAt);
    doc.target = target.numeric ? Number(target.target) : target.target;
    put(`${p}/target`, target.targetAt);
    if (target.unit !== undefined) {
      doc.unit = target.unit;
      put(`${p}/unit`, target.unitAt);
    }
  }
  if (b.weight !== undefined && row.at.weight) {
    doc.weight = b.weight;
    put(`${p}/weight`, row.at.weight);
  }
  if (row.at.basis) {
    const basis = BASIS_ALIASES[ctx.str(row.at.basis).normalize('NFKC').replace(/\s+/g, '')];
    if (basis) {
      doc.basis = basis;
      put(`${p}/basis`, row.at.basis);
    }
  }
  if (row.at.baseline) {
    const f = readFigure(ctx, row.at.baseline);
    if (f) {
      doc.baseline = Number(f.value);
      put(`${p}/baseline`, row.at.baseline);
    }
  }
  return doc;
}

/** 项目名称 without the code printed in front of it (`51000021R000000019951-工资性支出`). */
function nameWithoutCode(name: string, code: string): string {
  if (!name.startsWith(code)) return name;
  const rest = name.slice(code.length).replace(/^[\s\-－—_:：]+/, '');
  return rest === '' ? name : rest;
}

/** A code printed in front of the project name: letters, digits, '.', '_', '-', at least one digit. */
export function codePrefix(name: string): string | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])\s*[-－—_:：\s]\s*(?=[^\x00-\x7f])/.exec(name.normalize('NFKC'));
  if (!m || m[1].length < 6 || !/\d/.test(m[1])) return undefined;
  return m[1];
}

