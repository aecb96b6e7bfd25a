// The texts of an indicator row as people type them (docs/formats.md#excel-workbooks): a 指标值 is an operator, a
// number and a unit ("≥50个", "不低于95%", "6.5万元/场以内"); `**` is an unfilled placeholder;
// other text is a qualitative target. An actual (实际完成值) is a number and a unit, an operator
// in front ignored ("≥100%" achieved 100). Qualitative actuals are read from a short word list.
import { parseNumber } from '../../number.js';
import type { QualLevel } from '../../../core/model/model.js';

export type NumericOperator = '>=' | '<=' | '=';

export type TargetReading =
  | { kind: 'number'; operator: NumericOperator; value: string; unit: string; inferred: boolean }
  | { kind: 'placeholder' }
  | { kind: 'text'; text: string };

/** Operators in front of the number, longest first within each meaning. */
const LEADING: [RegExp, NumericOperator][] = [
  [/^(>=|≥|≧|大于或等于|大于等于|不低于|不少于|不小于|至少|达到|超过|高于|多于|大于|>)/, '>='],
  [/^(<=|≤|≦|小于或等于|小于等于|不高于|不超过|不多于|不大于|至多|最多|控制在|低于|少于|小于|<)/, '<='],
  [/^(=|等于)/, '='],
];

/** Words after the number and unit. */
const TRAILING: [RegExp, NumericOperator][] = [
  [/(及以上|以上)$/, '>='],
  [/(及以下|以下|以内)$/, '<='],
];

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?/;

/**
 * A unit is short and is not a clause or a date: "个", "万元/场", "%", "/10万"; not
 * "%,且无安全事故", not the "年12月底前完成" of "2025年12月底前完成".
 */
const UNIT = /^[^,;。:!?]{0,8}$/;
const NOT_UNIT = /前|底|完成|之|[年月日].*\d|\d.*[年月日]/;

function clean(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

function unitOf(rest: string): string {
  return rest === '百分比' ? '%' : rest;
}

/** Operator, number and unit of a 指标值 text; a placeholder; or a qualitative text. */
export function parseTarget(raw: string): TargetReading {
  const s = clean(raw);
  if (s.includes('*')) return { kind: 'placeholder' };
  const text = raw.trim();
  let rest = s;
  let operator: NumericOperator | undefined;
  for (const [re, op] of LEADING) {
    const m = re.exec(rest);
    if (m) {
      operator = op;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const m = NUMBER.exec(rest);
  const num = m && m[0] !== '' && /\d/.test(m[0]) ? parseNumber(m[0]) : null;
  if (!num) return { kind: 'text', text };
  rest = rest.slice(m![0].length);
  for (const [re, op] of TRAILING) {
    const t = re.exec(rest);
    if (t) {
      operator ??= op;
      rest = rest.slice(0, t.index);
      break;
    }
  }
  if (!UNIT.test(rest) || NOT_UNIT.test(rest)) return { kind: 'text', text };
  return { kind: 'number', operator: operator ?? '=', value: num.value, unit: unitOf(rest), inferred: operator === undefined };
}

/** Number and unit of an actual; null when the text holds no leading number. */
export function parseActual(raw: string): { value: string; unit: string } | null {
  const t = parseTarget(raw);
  return t.kind === 'number' ? { value: t.value, unit: t.unit } : null;
}

/** 指标性质 of the Sichuan layout: ≥ ≤ = 定性 (also 正向 / 反向); undefined when not one of them. */
export function parseOperatorCell(raw: string): NumericOperator | 'qualitative' | undefined {
  const s = clean(raw).replace(/指标$/, '');
  if (s === '') return undefined;
  if (s === '定性') return 'qualitative';
  if (s === '正向') return '>=';
  if (s === '反向') return '<=';
  for (const [re, op] of LEADING) {
    const m = re.exec(s);
    if (m && m[0] === s) return op;
  }
  return undefined;
}

const LEVEL_WORDS: Record<string, QualLevel> = {};
for (const w of ['达成', '完成', '已完成', '已达成', '按期完成', '已按期完成', '达成预期', '达成预期指标', '达成预期目标', '是', 'achieved']) LEVEL_WORDS[w] = 'achieved';
for (const w of ['基本达成', '基本完成', '部分达成', '部分完成', 'partial']) LEVEL_WORDS[w] = 'partial';
for (const w of ['未达成', '未完成', '否', 'failed']) LEVEL_WORDS[w] = 'failed';

/** The level of a qualitative actual, from its words; undefined for any other text. */
export function qualitativeLevel(raw: string): QualLevel | undefined {
  const s = clean(raw).replace(/[.。!]+$/, '').toLowerCase();
  return Object.hasOwn(LEVEL_WORDS, s) ? LEVEL_WORDS[s] : undefined;
}
