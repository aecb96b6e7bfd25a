// Scoring one project (绩效评价, docs/scoring.md): budget execution, every
// indicator, section subtotals, total, grade, recheck and findings. Pure: the dossier, its
// evaluation, the policy and the monitoring spend come in; a ProjectScore comes out. The
// composite of several evaluation subjects and the result application are added above this, in
// core/application/evaluate.ts.
//
// Rounding happens once per part (half-up to policy.decimals): the execution score and each
// indicator score. Section subtotals and the total are sums of those rounded parts, so that
// every printed table adds up.
//
// Incomplete data is not zero: an indicator without an actual value (or a project without a
// known executed amount) makes the project `incomplete`: total and grade are null and the
// findings name what is missing; `partialTotal` holds the sum of what could be scored, labelled
// as such. With allowMissing the missing parts score 0 with a warning.
import { inForce } from '../model/adjust.js';
import { ZERO, sum, text } from '../decimal.js';
import type { Dossier, Evaluation, Level1 } from '../model/model.js';
import { LEVEL1 } from '../model/model.js';
import { gradeFor, type Policy } from '../model/policy.js';
import { recheck } from './recheck.js';
import type { IndicatorScore, ProjectScore, ScoreFinding, ScoreFindingCode, SectionScore } from './types.js';

export type ProjectCode = 'no-evaluation' | 'project-incomplete' | 'project-invalid';
import { type MonitoringSpend, scoreExecution } from './execution.js';
import { scoreIndicator } from './indicator.js';


export interface ScoreInput {
  dossier: Dossier;
  evaluation?: Evaluation;
  policy: Policy;
  /** The last cumulative spend in monitoring data (default for evaluation.budget.executed). */
  monitoringSpend?: MonitoringSpend;
  allowMissing?: boolean;
}

export function scoreProject(input: ScoreInput): ProjectScore {
  const { dossier: d, evaluation: e, policy } = input;
  const allowMissing = input.allowMissing === true;
  const force = inForce(d);
  const findings: ScoreFinding<ScoreFindingCode>[] = [];
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
      allowMissing: allowMissing && e !== undefined && !ind.informational,
    });
    if (ind.informational) {
      // A 其中 sub-row: its target and actual are shown in place; it has no points, no findings
      // and cannot make the project incomplete.
      outcome.score.score = null;
      outcome.score.method = 'informational';
      indicators.push(outcome.score);
      continue;
    }
    indicators.push(outcome.score);
    if (e) findings.push(...outcome.findings);
    if (outcome.score.score === null) incomplete = true;
  }
  if (!e) incomplete = true;

  // Section subtotals: sums of the rounded indicator scores; weight = the indicator weights in
  // force (which validation checks against the policy's section weights).
  const sections: SectionScore[] = [];
  for (const s of LEVEL1) {
    const inSection = indicators.filter((i) => i.section === s && !i.informational);
    if (inSection.length === 0 && policy.sections[s] === undefined) continue;
    sections.push({ section: s as Level1, weight: sum(inSection.map((i) => i.weight)), score: sum(inSection.map((i) => i.score ?? ZERO)) });
  }

  const partsSum = sum([execution.score ?? ZERO, ...indicators.map((i) => i.score ?? ZERO)]);
  const status = incomplete ? 'incomplete' : 'scored';
  const total = incomplete ? null : partsSum;
  const grade = total === null ? null : gradeFor(policy, total);

  const result = newProject(d, policy, {
    outcome: e?.outcome ?? null,
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
    const missing = indicators.filter((i) => i.score === null && !i.informational).map((i) => i.code);
    if (execution.score === null) missing.unshift('execution');
    if (e) findings.push({ code: 'project-incomplete', severity: 'error', kind: 'data', args: { missing: missing.join(', '), count: missing.length, partial: text(partsSum) } });
  }
  if (e?.claimed) {
    const r = recheck({ claimed: e.claimed, execution, indicators, sections, total, grade, policy });
    result.discrepancies = r.discrepancies;
    findings.push(...r.findings);
  }
  return result;
}

type ProjectParts = Pick<ProjectScore, 'outcome' | 'status' | 'total' | 'partialTotal' | 'grade' | 'execution' | 'sections' | 'indicators' | 'findings' | 'adjustments' | 'files'>;

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
    outcome: x.outcome,
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
    outcome: e?.outcome ?? null,
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
