// Scoring one project (绩效评价, DOMAIN.md §3, FORMATS.md §3): budget execution, every
// indicator, section subtotals, total, grade, composite, recheck, findings and the result
// application. Pure: the dossier, its evaluation, the policy and the monitoring spend come in;
// a ProjectScore comes out.
//
// Rounding happens once per part (half-up to policy.decimals): the execution score and each
// indicator score. Section subtotals and the total are sums of those rounded parts, so that
// every printed table adds up.
//
// Incomplete data is not zero: an indicator without an actual value (or a project without a
// known executed amount) makes the project `incomplete`: total and grade are null and the
// findings name what is missing; `partialTotal` holds the sum of what could be scored, labelled
// as such. With allowMissing the missing parts score 0 with a warning.
import { inForce } from './adjust.js';
import { composite, recommendation } from './application.js';
import { type Dec, HUNDRED, ONE, ZERO, min, round, sum, text } from './decimal.js';
import type { Dossier, Evaluation, Level1 } from './model.js';
import { LEVEL1 } from './model.js';
import { gradeFor, type Policy } from './policy.js';
import { recheck } from './recheck.js';
import type { ExecutionScore, IndicatorScore, ProjectScore, ScoreFinding, SectionScore } from './score-types.js';
import { scoreIndicator } from './scoring-indicators.js';


export interface ScoreInput {
  dossier: Dossier;
  evaluation?: Evaluation;
  policy: Policy;
  /** The last cumulative spend in monitoring data (default for evaluation.budget.executed). */
  monitoringSpend?: { value: Dec; period: string; note?: string };
  allowMissing?: boolean;
}

export function scoreProject(input: ScoreInput): ProjectScore {
  const { dossier: d, evaluation: e, policy } = input;
  const allowMissing = input.allowMissing === true;
  const force = inForce(d);
  const findings: ScoreFinding[] = [];
  let incomplete = false;

  if (!e) {
    findings.push({ code: 'no-evaluation', severity: 'error', kind: 'data', args: { project: d.code } });
  }

  // Budget execution.
  const execution = scoreExecution(force.budgetTotal, d, e, input.monitoringSpend, policy, allowMissing, findings);
  if (execution.score === null) incomplete = true;

  // Indicators.
  const originals = new Map(d.indicators.map((i) => [i.code, i]));
  const indicators: IndicatorScore[] = [];
  for (const ind of force.indicators) {
    const outcome = scoreIndicator({
      indicator: ind,
      original: originals.get(ind.code),
      actual: e?.actuals[ind.code],
      panel: e?.panels[ind.code]?.scores,
      policy,
      allowMissing: allowMissing && e !== undefined,
    });
    indicators.push(outcome.score);
    if (e) findings.push(...outcome.findings);
    if (outcome.score.score === null) incomplete = true;
  }
  if (!e) incomplete = true;

  // Section subtotals: sums of the rounded indicator scores; weight = the indicator weights in
  // force (which validation checks against the policy's section weights).
  const sections: SectionScore[] = [];
  for (const s of LEVEL1) {
    const inSection = indicators.filter((i) => i.section === s);
    if (inSection.length === 0 && policy.sections[s] === undefined) continue;
    sections.push({ section: s as Level1, weight: sum(inSection.map((i) => i.weight)), score: sum(inSection.map((i) => i.score ?? ZERO)) });
  }

  const partsSum = sum([execution.score ?? ZERO, ...indicators.map((i) => i.score ?? ZERO)]);
  const status = incomplete ? 'incomplete' : 'scored';
  const total = incomplete ? null : partsSum;
  const grade = total === null ? null : gradeFor(policy, total);

  const result = newProject(d, policy, {
    status,
    total,
    partialTotal: incomplete ? partsSum : null,
    grade,
    execution,
    sections,
    indicators,
    findings,
    adjustments: force.applied.map((a) => a.date),
    files: [d.origin.file, ...(e ? [e.origin.file] : [])],
  });

  if (incomplete) {
    const missing = indicators.filter((i) => i.score === null).map((i) => i.code);
    if (execution.score === null) missing.unshift('execution');
    if (e) findings.push({ code: 'project-incomplete', severity: 'error', kind: 'data', args: { missing: missing.join(', '), count: missing.length, partial: text(partsSum) } });
  }
  if (e && total !== null) result.composite = composite(total, e, policy);
  if (e?.claimed) {
    const r = recheck({ claimed: e.claimed, execution, indicators, sections, total, grade, policy });
    result.discrepancies = r.discrepancies;
    findings.push(...r.findings);
  }
  if (grade !== null) {
    result.recommendation = recommendation(grade, force.budgetTotal, policy);
    findings.push({
      code: 'recommend-application',
      severity: 'info',
      kind: 'recommendation',
      args: { grade, adjustPct: text(result.recommendation.adjustPct), nextBudget: text(result.recommendation.nextBudget), unit: d.budget.unit, action: result.recommendation.action, actionEn: result.recommendation.actionEn ?? result.recommendation.action },
    });
  }
  return result;
}

function scoreExecution(
  budget: Dec,
  d: Dossier,
  e: Evaluation | undefined,
  spend: ScoreInput['monitoringSpend'],
  policy: Policy,
  allowMissing: boolean,
  findings: ScoreFinding[],
): ExecutionScore {
  const ex: ExecutionScore = { budget, initial: d.budget.initial, executed: null, source: null, rate: null, weight: policy.executionWeight, score: null };
  if (e?.executed !== undefined) {
    ex.executed = e.executed;
    ex.source = 'evaluation';
    ex.note = e.executedNote;
  } else if (spend) {
    ex.executed = spend.value;
    ex.source = 'monitoring';
    ex.note = e?.executedNote ?? spend.note;
    if (e) findings.push({ code: 'executed-from-monitoring', severity: 'info', kind: 'data', args: { executed: text(spend.value), period: spend.period, unit: d.budget.unit } });
  }
  if (ex.executed === null) {
    if (policy.executionWeight.isZero()) {
      ex.score = round(ZERO, policy.decimals);
    } else if (allowMissing && e) {
      ex.score = round(ZERO, policy.decimals);
      findings.push({ code: 'missing-executed-zero', severity: 'warning', kind: 'data', args: {} });
    } else if (e) {
      findings.push({ code: 'missing-executed', severity: 'error', kind: 'data', args: {} });
    }
    return ex;
  }
  const share = budget.isZero() ? ONE : ex.executed.dividedBy(budget);
  ex.rate = share.times(HUNDRED);
  ex.score = round(policy.executionWeight.times(min(share, ONE)), policy.decimals);
  const args = { rate: text(round(ex.rate, 2)), executed: text(ex.executed), budget: text(budget), unit: d.budget.unit, score: text(ex.score), weight: text(policy.executionWeight) };
  if (share.lessThan(policy.executionReasonBelow)) {
    if (ex.note) findings.push({ code: 'execution-low', severity: 'warning', kind: 'problem', args: Object.assign({}, args, { note: ex.note }) });
    else {
      findings.push({ code: 'execution-low-no-reason', severity: 'warning', kind: 'problem', args });
      findings.push({ code: 'recommend-explain-execution', severity: 'info', kind: 'recommendation', args });
    }
  } else if (share.greaterThan(ONE)) {
    findings.push({ code: 'execution-over-budget', severity: 'warning', kind: 'problem', args });
  } else {
    findings.push({ code: 'execution-good', severity: 'info', kind: 'achievement', args });
  }
  return ex;
}

type ProjectParts = Pick<ProjectScore, 'status' | 'total' | 'partialTotal' | 'grade' | 'execution' | 'sections' | 'indicators' | 'findings' | 'adjustments' | 'files'>;

/**
 * A project's result: who, what, which year, which unit and policy, then the parts. One literal
 * with every field named (not a spread of a header object: V8 builds that slowly and gives it a
 * slow dictionary shape, which cost a 10,000-project batch about 0.2 s here and more wherever
 * the projects were read afterwards).
 */
function newProject(d: Dossier, policy: Policy, x: ProjectParts): ProjectScore {
  return {
    code: d.code,
    name: d.name,
    department: d.department,
    unit: d.unit,
    year: d.year,
    goal: d.goal,
    budgetUnit: d.budget.unit,
    policy: policy.name,
    status: x.status,
    total: x.total,
    partialTotal: x.partialTotal,
    grade: x.grade,
    execution: x.execution,
    sections: x.sections,
    indicators: x.indicators,
    composite: null,
    findings: x.findings,
    discrepancies: [],
    recommendation: null,
    adjustments: x.adjustments,
    files: x.files,
    diagnostics: [],
  };
}

/** A project whose dossier or evaluation has errors: reported, never scored. */
export function unscorableProject(d: Dossier, e: Evaluation | undefined, policy: Policy): ProjectScore {
  return newProject(d, policy, {
    status: 'invalid',
    total: null,
    partialTotal: null,
    grade: null,
    execution: { budget: inForce(d).budgetTotal, initial: d.budget.initial, executed: e?.executed ?? null, source: e?.executed !== undefined ? 'evaluation' : null, rate: null, weight: policy.executionWeight, score: null },
    sections: [],
    indicators: [],
    findings: [{ code: 'project-invalid', severity: 'error', kind: 'data', args: { project: d.code } }],
    adjustments: [],
    files: [d.origin.file, ...(e ? [e.origin.file] : [])],
  });
}
