// Documents as written (schema-valid) → the normalised model: aliases resolved, defaults
// applied, amounts as exact decimals, origins recorded for every object a rule may point at.
import { dec, type Dec, ZERO } from '../decimal.js';
import type { EvaluationDoc, ProjectDossierDoc, ScoringPolicyDoc, StrategyPlanDoc } from './schema-types.js';
import type { Actual, Adjustment, ClaimedBudget, Dossier, Evaluation, Indicator, IndicatorPatch, Quarter, Role, StrategyPlan } from './model.js';
import { QUARTERS } from './model.js';
import { BASIS_ALIASES, canonicalLevel2, GRADE_ALIASES, LEVEL1_ALIASES, OPERATOR_ALIASES, QUAL_ALIASES } from './aliases.js';
import type { Band, Policy } from './policy.js';
import { D } from '../decimal.js';
import { mapped } from '../shapes.js';

function quarters(m: Partial<Record<Quarter, number>> | undefined): Partial<Record<Quarter, Dec>> | undefined {
  if (!m) return undefined;
  const out: Partial<Record<Quarter, Dec>> = {};
  for (const q of QUARTERS) if (m[q] !== undefined) out[q] = dec(m[q] as number);
  return out;
}

/** Default tracking (docs/formats.md#indicators): cumulative for ">=" with a unit other than "%", else level. */
function defaultTracking(operator: string, unit: string | undefined): 'cumulative' | 'level' {
  return operator === '>=' && unit !== undefined && unit.trim() !== '%' && unit.trim() !== '' ? 'cumulative' : 'level';
}

export function normaliseDossier(doc: ProjectDossierDoc, file: string): Dossier {
  const p = doc.project;
  const total = dec(doc.budget.total);
  const indicators: Indicator[] = mapped(doc.indicators, (ind, i) => {
    const level1 = LEVEL1_ALIASES[ind.level1];
    const operator = OPERATOR_ALIASES[ind.operator];
    const numeric = typeof ind.target === 'number';
    return {
      origin: { file, path: `/indicators/${i}` },
      code: ind.code,
      level1,
      level2: canonicalLevel2(level1, ind.level2) ?? ind.level2,
      name: ind.name,
      operator,
      target: operator !== 'qualitative' && numeric ? dec(ind.target as number) : null,
      targetText: String(ind.target),
      unit: ind.unit,
      weight: ind.weight !== undefined ? dec(ind.weight) : ZERO,
      informational: ind.informational === true,
      basis: ind.basis ? BASIS_ALIASES[ind.basis] : undefined,
      baseline: ind.baseline !== undefined ? dec(ind.baseline) : undefined,
      tracking: ind.tracking ?? defaultTracking(operator, ind.unit),
      milestones: quarters(ind.milestones),
    };
  });
  const adjustments: Adjustment[] = mapped(doc.adjustments ?? [], (a, i) => {
    const patches: Record<string, IndicatorPatch> = {};
    for (const [code, patch] of Object.entries(a.indicators ?? {})) {
      patches[code] = {
        target: typeof patch.target === 'number' ? dec(patch.target) : undefined,
        targetText: patch.target !== undefined ? String(patch.target) : undefined,
        weight: patch.weight !== undefined ? dec(patch.weight) : undefined,
        milestones: quarters(patch.milestones),
      };
    }
    return {
      origin: { file, path: `/adjustments/${i}` },
      date: a.date,
      approvedBy: a.approvedBy,
      reason: a.reason,
      budgetTotal: a.budget?.total !== undefined ? dec(a.budget.total) : undefined,
      budgetSchedule: quarters(a.budget?.schedule),
      indicators: patches,
    };
  });
  return {
    origin: { file, path: '' },
    code: p.code,
    name: p.name,
    department: p.department,
    unit: p.unit,
    year: p.year,
    period: p.period ?? { start: `${p.year}-01-01`, end: `${p.year}-12-31` },
    objectives: [...p.objectives],
    category: p.category,
    budget: {
      unit: doc.budget.unit ?? '万元',
      initial: doc.budget.initial !== undefined && doc.budget.initial !== doc.budget.total ? dec(doc.budget.initial) : total,
      total,
      sources: mapped(doc.budget.sources ?? [], (s) => ({ name: s.name, amount: dec(s.amount) })),
      schedule: quarters(doc.budget.schedule),
    },
    goal: doc.goal,
    indicators,
    adjustments,
  };
}

export function normaliseEvaluation(doc: EvaluationDoc, file: string): Evaluation {
  const actuals: Record<string, Actual> = {};
  for (const [code, a] of Object.entries(doc.actuals ?? {})) {
    const origin = { file, path: `/actuals/${escapePointer(code)}` };
    if (typeof a === 'number') actuals[code] = { kind: 'number', value: dec(a), origin };
    else if ('value' in a) actuals[code] = { kind: 'number', value: dec(a.value), note: a.note, text: a.text, origin };
    else if ('level' in a)
      actuals[code] = { kind: 'qualitative', level: QUAL_ALIASES[a.level], score: a.score !== undefined ? dec(a.score) : undefined, note: a.note, text: a.text, origin };
    else actuals[code] = { kind: 'survey', respondents: a.survey.respondents, satisfied: a.survey.satisfied, note: a.note, text: a.text, origin };
  }
  const panels: Evaluation['panels'] = {};
  for (const [code, scores] of Object.entries(doc.panels ?? {})) {
    panels[code] = { scores: scores.map((s) => dec(s)), origin: { file, path: `/panels/${escapePointer(code)}` } };
  }
  const c = doc.claimed;
  return {
    origin: { file, path: '' },
    project: doc.project,
    evaluator: (doc.evaluator ?? 'self') as Role,
    policy: doc.policy,
    executed: doc.budget?.executed !== undefined ? dec(doc.budget.executed) : undefined,
    executedNote: doc.budget?.note,
    outcome: doc.outcome,
    actuals,
    panels,
    assessments: (doc.assessments ?? []).map((a, i) => ({ by: a.by as Role, score: dec(a.score), origin: { file, path: `/assessments/${i}` } })),
    claimed: c
      ? {
          execution: c.execution !== undefined ? dec(c.execution) : undefined,
          indicators: Object.fromEntries(Object.entries(c.indicators ?? {}).map(([k, v]) => [k, dec(v)])),
          sections: Object.fromEntries(Object.entries(c.sections ?? {}).map(([k, v]) => [LEVEL1_ALIASES[k] ?? k, dec(v)])),
          total: c.total !== undefined ? dec(c.total) : undefined,
          grade: c.grade ? GRADE_ALIASES[c.grade] : undefined,
          budget: c.budget ? claimedBudget(c.budget) : undefined,
          origin: { file, path: '/claimed' },
        }
      : undefined,
  };
}

function claimedBudget(b: NonNullable<NonNullable<EvaluationDoc['claimed']>['budget']>): ClaimedBudget {
  const out: ClaimedBudget = {};
  for (const k of ['initial', 'total', 'executed', 'rate'] as const) if (b[k] !== undefined) out[k] = dec(b[k] as number);
  return out;
}

export function normaliseStrategy(doc: StrategyPlanDoc, file: string): StrategyPlan {
  return {
    origin: { file, path: '' },
    name: doc.name,
    objectives: mapped(doc.objectives, (o, i) => ({ id: o.id, title: o.title, parent: o.parent, origin: { file, path: `/objectives/${i}` } })),
  };
}

/**
 * A ScoringPolicy document applied over its base (the policy it extends). Objects merge key by
 * key; `sections` and `grades` are replaced whole, because they describe one set each.
 */
export function applyPolicyDoc(base: Policy, doc: ScoringPolicyDoc): Policy {
  const p: Policy = structuredClonePolicy(base);
  p.name = doc.name ?? p.name;
  p.lineage = [...base.lineage, p.name];
  if (doc.sections) {
    p.sections = {};
    for (const [k, v] of Object.entries(doc.sections)) p.sections[LEVEL1_ALIASES[k]] = dec(v as number);
  }
  if (doc.execution?.weight !== undefined) p.executionWeight = dec(doc.execution.weight);
  if (doc.execution?.reasonBelow !== undefined) p.executionReasonBelow = dec(doc.execution.reasonBelow);
  if (doc.grades) {
    p.grades = doc.grades
      .map((g) => ({ min: dec(g.min), grade: GRADE_ALIASES[g.grade] }))
      .sort((a, b) => b.min.comparedTo(a.min));
  }
  if (doc.reverse) p.reverse = doc.reverse;
  for (const level of ['achieved', 'partial', 'failed'] as const) {
    const q = doc.qualitative?.[level];
    if (!q) continue;
    const band: Band = p.qualitative[level];
    if (q.band) band.band = [dec(q.band[0] as number), dec(q.band[1] as number)];
    if (q.default !== undefined) band.default = dec(q.default);
  }
  if (doc.overAchievement !== undefined) p.overAchievement = dec(doc.overAchievement);
  if (doc.panel?.method) p.panel.method = doc.panel.method;
  if (doc.panel?.minRaters !== undefined) p.panel.minRaters = doc.panel.minRaters;
  if (doc.panel?.spread !== undefined) p.panel.spread = dec(doc.panel.spread);
  for (const [role, w] of Object.entries(doc.assessorWeights ?? {})) p.assessorWeights[role as Role] = dec(w as number);
  if (doc.decimals !== undefined) p.decimals = doc.decimals;
  if (doc.recheck?.tolerance !== undefined) p.recheck.tolerance = dec(doc.recheck.tolerance);
  if (doc.recheck?.relativeTolerance !== undefined) p.recheck.relativeTolerance = dec(doc.recheck.relativeTolerance);
  for (const g of ['excellent', 'good', 'fair', 'poor'] as const) {
    const a = doc.application?.[g];
    if (!a) continue;
    if (a.adjustPct !== undefined) p.application[g].adjustPct = dec(a.adjustPct);
    if (a.action !== undefined) p.application[g] = { adjustPct: p.application[g].adjustPct, action: a.action };
  }
  const m = doc.monitoring;
  if (m) {
    if (m.pace?.red !== undefined) p.monitoring.pace.red = dec(m.pace.red);
    if (m.pace?.yellow !== undefined) p.monitoring.pace.yellow = dec(m.pace.yellow);
    if (m.indicator?.red !== undefined) p.monitoring.indicator.red = dec(m.indicator.red);
    if (m.indicator?.yellow !== undefined) p.monitoring.indicator.yellow = dec(m.indicator.yellow);
    if (m.indicator?.ahead !== undefined) p.monitoring.indicator.ahead = dec(m.indicator.ahead);
    if (m.dualGap !== undefined) p.monitoring.dualGap = dec(m.dualGap);
    if (m.likelihood?.possible !== undefined) p.monitoring.likelihood.possible = dec(m.likelihood.possible);
  }
  applyReviewSection(p, doc.review as Record<string, unknown> | undefined);
  return p;
}

/** The `review` section of a policy file (thresholds of `bpm review`). */
function applyReviewSection(p: Policy, r: Record<string, unknown> | undefined): void {
  if (!r) return;
  const n = (k: string) => (typeof r[k] === 'number' ? dec(r[k] as number) : undefined);
  p.review.minScore = n('minScore') ?? p.review.minScore;
  p.review.minQuantitativeShare = n('minQuantitativeShare') ?? p.review.minQuantitativeShare;
  p.review.maxTargetToBaseline = n('maxTargetToBaseline') ?? p.review.maxTargetToBaseline;
  p.review.unitCostFactor = n('unitCostFactor') ?? p.review.unitCostFactor;
  p.review.costBudgetFactor = n('costBudgetFactor') ?? p.review.costBudgetFactor;
  p.review.maxQuarterShare = n('maxQuarterShare') ?? p.review.maxQuarterShare;
  if (Array.isArray(r.requiredSections)) p.review.requiredSections = (r.requiredSections as string[]).map((s) => LEVEL1_ALIASES[s]).filter(Boolean);
  if (r.weights && typeof r.weights === 'object') {
    for (const [k, v] of Object.entries(r.weights as Record<string, unknown>)) if (typeof v === 'number') p.review.weights[k] = dec(v);
  }
}

/** Deep copy of a policy (Decimal instances are immutable and may be shared). */
export function structuredClonePolicy(p: Policy): Policy {
  const copy = (v: unknown): unknown => {
    if (v instanceof D || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(copy);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  };
  return copy(p) as Policy;
}


export function escapePointer(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}
