// A batch of scored projects (结果应用 across departments): ranking, grade distribution,
// department averages and the projects that need attention.
import { D, type Dec, ZERO, round, sum } from '../decimal.js';
import { GRADES, type Grade } from '../model/model.js';
import type { ApplicationSummary, ApplicationTotals, Attention, DepartmentSummary, ProjectScore, RankRow, ScoreSummary } from '../scoring/types.js';

/** Scored projects by total (highest first), ties by code; then the incomplete and invalid ones. */
export function rank(projects: readonly ProjectScore[]): RankRow[] {
  // Sorted on each total's binary number, read once, with the exact comparison only when two of
  // those are equal: conversion keeps order (x < y gives x' <= y'), so a strict order of the
  // numbers is the order of the totals. Ten thousand totals sort without a million decimal
  // comparisons.
  const keyed = projects.flatMap((p) => (p.total === null ? [] : [{ p, k: p.total.toNumber() }]));
  keyed.sort((a, b) => b.k - a.k || b.p.total!.comparedTo(a.p.total!) || cmp(a.p.code, b.p.code));
  const scored = keyed.map((x) => x.p);
  const rest = projects.filter((p) => p.total === null).sort((a, b) => cmp(a.status, b.status) || cmp(a.code, b.code));
  const rows: RankRow[] = [];
  scored.forEach((p, i) => {
    // Competition ranking: equal totals share a rank (1, 2, 2, 4).
    const prev = rows[i - 1];
    rows.push({ rank: prev && prev.project.total!.equals(p.total!) ? prev.rank : i + 1, project: p });
  });
  for (const p of rest) rows.push({ rank: null, project: p });
  return rows;
}

/**
 * Result application per department and overall (`summary.application`, docs/formats.md#score-json): the
 * budget in force, next year's budget after the grade's adjustment, and the change. Invalid and
 * incomplete projects have no recommendation: counted apart (notApplied), left out of the sums.
 * Projects in 元 and in 万元 are summed in 万元.
 */
export function application(projects: readonly ProjectScore[]): ApplicationSummary {
  const units = new Set(projects.map((p) => p.budgetUnit));
  const unit: ApplicationSummary['unit'] = units.size === 1 && units.has('元') ? '元' : '万元';
  const inUnit = (p: ProjectScore, x: Dec) => (p.budgetUnit === unit ? x : x.dividedBy(TEN_THOUSAND));
  const totals = (list: readonly ProjectScore[]): ApplicationTotals => {
    let budget = ZERO;
    let nextBudget = ZERO;
    let notApplied = 0;
    for (const p of list) {
      if (p.recommendation === null) {
        notApplied++;
        continue;
      }
      budget = budget.plus(inUnit(p, p.execution.budget));
      nextBudget = nextBudget.plus(inUnit(p, p.recommendation.nextBudget));
    }
    return { projects: list.length, budget, nextBudget, change: nextBudget.minus(budget), notApplied };
  };
  const by = new Map<string, ProjectScore[]>();
  for (const p of projects) {
    const list = by.get(p.department);
    if (list) list.push(p);
    else by.set(p.department, [p]);
  }
  const departments = [...by.keys()].sort(cmp).map((department) => ({ department, ...totals(by.get(department)!) }));
  return { unit, departments, total: totals(projects) };
}

const TEN_THOUSAND = new D(10000);

export function summarise(projects: readonly ProjectScore[], decimals: number): ScoreSummary {
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const totals: Dec[] = [];
  for (const p of projects) {
    if (p.total === null || p.grade === null) continue;
    totals.push(p.total);
    grades[p.grade]++;
  }
  return {
    projects: projects.length,
    scored: totals.length,
    incomplete: projects.filter((p) => p.status === 'incomplete').length,
    invalid: projects.filter((p) => p.status === 'invalid').length,
    mean: mean(totals, decimals),
    grades,
    application: application(projects),
  };
}

export function departments(projects: readonly ProjectScore[], decimals: number): DepartmentSummary[] {
  const by = new Map<string, ProjectScore[]>();
  for (const p of projects) {
    const list = by.get(p.department);
    if (list) list.push(p);
    else by.set(p.department, [p]);
  }
  return [...by.entries()]
    .map(([department, list]) => {
      const totals = list.flatMap((p) => (p.total === null ? [] : [p.total]));
      return { department, projects: list.length, scored: totals.length, mean: mean(totals, decimals) };
    })
    .sort((a, b) => (b.mean && a.mean ? b.mean.comparedTo(a.mean) : a.mean ? -1 : b.mean ? 1 : 0) || cmp(a.department, b.department));
}

/**
 * Projects a finance bureau should look at: incomplete, invalid, poor, below --fail-under, with
 * discrepancies, or executed above the budget (docs/scoring.md#budget-execution: an overspend or a figure in
 * the wrong unit).
 */
export function attention(projects: readonly ProjectScore[], failUnder?: Dec): Attention[] {
  const out: Attention[] = [];
  for (const p of [...projects].sort((a, b) => cmp(a.code, b.code))) {
    const reasons: Attention['reasons'] = [];
    if (p.status === 'invalid') reasons.push('invalid');
    if (p.status === 'incomplete') reasons.push('incomplete');
    if (p.grade === 'poor') reasons.push('poor');
    if (failUnder !== undefined && p.total !== null && p.total.lessThan(failUnder)) reasons.push('below-threshold');
    if (p.discrepancies.length) reasons.push('discrepancies');
    if (p.findings.some((f) => f.code === 'execution-over-budget')) reasons.push('over-budget');
    if (reasons.length) out.push({ code: p.code, reasons });
  }
  return out;
}

function mean(xs: Dec[], decimals: number): Dec | null {
  return xs.length ? round(sum(xs).dividedBy(xs.length), decimals) : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
