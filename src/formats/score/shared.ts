// Helpers shared by the score formats: numbers at the report's decimals, labels in the chosen
// language, and the grouping of findings for a reader.
import { LEVEL2 } from '../../core/model/aliases.js';
import { type Dec, round } from '../../core/decimal.js';
import type { Args, Diagnostic } from '../../core/diagnostics.js';
import type { Grade, Level1 } from '../../core/model/model.js';
import type { FormatOptions } from '../../core/report.js';
import type { ApplicationSummary, ApplicationTotals, FindingKind, IndicatorScore, ProjectScore, ScoreFinding } from '../../core/scoring/types.js';
import { type KeysUnder, message, t } from '../../i18n/index.js';

export type Lang = FormatOptions['lang'];

/** A score or amount at a fixed number of decimals ("98.30"); "—" for null. */
export function fixed(x: Dec | null | undefined, places: number): string {
  return x === null || x === undefined ? '—' : round(x, places).toFixed(places);
}

/** Plain decimal text without trailing zeros ("386.4"); "—" for null. */
export function plain(x: Dec | null | undefined, places = 4): string {
  return x === null || x === undefined ? '—' : round(x, places).toFixed();
}

/** A percentage with 2 decimals ("96.00%"). */
export function percent(x: Dec | null | undefined): string {
  return x === null || x === undefined ? '—' : `${round(x, 2).toFixed(2)}%`;
}

export function gradeLabel(g: Grade | null | undefined, lang: Lang): string {
  return g ? t(lang, `score.grade.${g}`) : '—';
}

export function sectionLabel(s: Level1, lang: Lang): string {
  return t(lang, `score.section.${s}`);
}

export function level2Label(level1: Level1, level2: string, lang: Lang): string {
  const known = LEVEL2[level1]?.[level2];
  if (lang === 'zh') return known ?? level2;
  // A level-2 code in English reads like its level 1 beside it (Output · Quantity); other text as written.
  return known === undefined ? level2 : level2.charAt(0).toUpperCase() + level2.slice(1);
}

const OP_ZH: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** The target as a reader expects it: "≥50 场", "≤6.5 万元/场", or the qualitative text. */
export function targetText(i: IndicatorScore): string {
  if (i.operator === 'qualitative' || i.target === null) return i.targetText;
  return `${OP_ZH[i.operator] ?? i.operator}${i.target.toFixed()}${unitSuffix(i.unit)}`;
}

/**
 * The actual as a reader expects it: the text printed in the source table when there is one
 * (达成预期指标, ≥266米), followed by the value it was scored as when the text does not show it;
 * else the level, or the value with its unit.
 */
export function actualText(i: IndicatorScore, lang: Lang): string {
  const printed = i.actualText;
  if (i.level) return printed ?? t(lang, `score.level.${i.level}`);
  if (i.actual === null) return printed ?? '—';
  const value = i.survey ? round(i.actual, 2).toFixed() : i.actual.toFixed();
  const shown = `${value}${unitSuffix(i.unit)}`;
  if (printed === undefined) return shown;
  return printed.includes(value) ? printed : paren(lang, printed, shown);
}

/** Points as shown in an indicator table: a 其中 row has none. */
export function weightText(i: IndicatorScore): string {
  return i.informational ? '—' : plain(i.weight);
}

function unitSuffix(unit: string | undefined): string {
  if (!unit) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

/**
 * How an indicator was scored, for the note below the indicator table: the survey or the panel
 * behind it, and the method unless it is the ordinary ratio (actual / target).
 */
export function methodText(i: IndicatorScore, lang: Lang, decimals: number): string {
  const parts: string[] = [];
  if (i.method !== 'ratio' || (!i.survey && !i.panel)) parts.push(t(lang, `score.method.${i.method}`));
  if (i.survey) parts.push(t(lang, 'score.line.survey', { satisfied: i.survey.satisfied, respondents: i.survey.respondents, margin: fixed(i.survey.margin, 2) }));
  if (i.panel) parts.push(t(lang, 'score.line.panel', { scores: i.panel.scores.map((x) => x.toFixed()).join(', '), combined: fixed(i.panel.combined, decimals), method: i.panel.method }));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

export const FINDING_KINDS: readonly FindingKind[] = ['achievement', 'problem', 'recommendation', 'data'];

export function findingsByKind(p: ProjectScore): Record<FindingKind, ScoreFinding[]> {
  const out: Record<FindingKind, ScoreFinding[]> = { achievement: [], problem: [], recommendation: [], data: [] };
  for (const f of p.findings) out[f.kind].push(f);
  return out;
}

export function kindHeading(kind: FindingKind, lang: Lang): string {
  return t(lang, ({ achievement: 'score.h.achievements', problem: 'score.h.problems', recommendation: 'score.h.recommendations', data: 'score.h.data' } as const)[kind]);
}

export function discrepancyItem(item: string, lang: Lang, p?: ProjectScore): string {
  if (item.startsWith('indicator:') && p) {
    const code = item.slice('indicator:'.length);
    const ind = p.indicators.find((i) => i.code === code);
    return ind ? `${code} ${ind.name}` : code;
  }
  if (item.startsWith('section:')) return sectionLabel(item.slice('section:'.length) as Level1, lang);
  if (item === 'execution') return t(lang, 'score.col.item.execution');
  if (item === 'total') return t(lang, 'score.col.item.total');
  if (item === 'total-arithmetic') return t(lang, 'score.col.item.totalArithmetic');
  if (item === 'grade') return t(lang, 'score.col.grade');
  if (item.startsWith('budget:')) return message(lang, `score.col.item.budget.${item.slice('budget:'.length)}`);
  return item;
}

/** A claimed or computed value of a discrepancy: a grade, a printed budget figure as written, or a score. */
export function claimedText(x: Dec | Grade | null, lang: Lang, decimals: number, item = ''): string {
  if (x === null) return '—';
  if (typeof x === 'string') return gradeLabel(x, lang);
  return item.startsWith('budget:') ? plain(x) : fixed(x, decimals);
}

/**
 * The result-application table of a batch (`summary.application`, docs/formats.md#score-json) as rows of
 * text: one per department, then the total; amounts to 2 places, the change signed.
 */
export function applicationRows(a: ApplicationSummary, lang: Lang): { head: string[]; rows: string[][] } {
  const h = (k: KeysUnder<'score.col.'>) => t(lang, `score.col.${k}`);
  const signed = (x: Dec) => (x.greaterThan(0) ? '+' : '') + fixed(x, 2);
  const row = (name: string, x: ApplicationTotals) => [name, String(x.projects), String(x.notApplied), fixed(x.budget, 2), fixed(x.nextBudget, 2), signed(x.change)];
  return {
    head: [h('department'), h('projects'), h('notApplied'), h('budget'), h('nextBudget'), h('change')],
    rows: [...a.departments.map((d) => row(d.department, d)), row(t(lang, 'score.row.allDepartments'), a.total)],
  };
}

/** Text cut to about `max` display columns with an ellipsis (terminal tables only). */
export function clip(text: string, max: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    const w = /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
    if (width + w > max) return out + '…';
    width += w;
    out += ch;
  }
  return out;
}

const OPERATOR_SYMBOL: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/**
 * A finding as a sentence in the chosen language (rendered when a format needs it, so that a
 * batch ranking of thousands of projects does not render sentences nobody reads).
 */
export function findingText(f: ScoreFinding, lang: Lang, unit: string): string {
  if (f.message !== undefined) return f.message;
  const args: Args = Object.assign({}, f.args, { unit: f.args.unit === undefined ? unit : f.args.unit });
  if (lang === 'en' && typeof args.actionEn === 'string') args.action = args.actionEn;
  if (typeof args.grade === 'string') args.gradeLabel = message(lang, `score.grade.${args.grade}`);
  if (typeof args.level === 'string') args.levelLabel = message(lang, `score.level.${args.level}`);
  if (typeof args.item === 'string') args.itemLabel = discrepancyItem(args.item, lang);
  if (typeof args.operator === 'string') args.operator = OPERATOR_SYMBOL[args.operator] ?? args.operator;
  return message(lang, f.code, args);
}

/** "text (note)" in English, "text（note）" in Chinese. */
export function paren(lang: Lang, text: string, note: string): string {
  return lang === 'zh' ? `${text}（${note}）` : `${text} (${note})`;
}

/** "label: text" in English, "label：text" in Chinese. */
export function colon(lang: Lang, label: string, text: string): string {
  return lang === 'zh' ? `${label}：${text}` : `${label}: ${text}`;
}

/** Where a diagnostic is: `file:line:column`, `file sheet!cell` in a workbook, '' without a file. */
export function diagnosticPlace(d: Diagnostic): string {
  if (!d.file) return '';
  return d.sheet !== undefined ? `${d.file} ${d.sheet}!${d.cell ?? ''}` : `${d.file}:${d.line ?? 1}:${d.column ?? 1}`;
}
