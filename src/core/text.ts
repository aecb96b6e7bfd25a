// Reading goal text the way a reviewer does, shared by the validation rules and the review:
// vague phrases without a number, clauses (one commitment each), the numbers a clause commits to
// (years and dates are not commitments), whether it says by when, and the content words (Chinese
// character pairs, English words) that tie an indicator's name to the goal.
import { D, type Dec } from './decimal.js';

/**
 * Words that make a goal unmeasurable when no number goes with them (seed §二(一)1:
 * "提高市民文化素养" is vague; "一年内举办至少50场…" is clear).
 */
export const VAGUE_WORDS = ['进一步', '提高', '加强', '有所', '显著', '明显'];

/** The vague phrases of `s` whose clause holds no number, e.g. ['提高市民文化素养']. */
export function vaguePhrases(s: string): string[] {
  // Most text has none of the words: nothing to split into clauses.
  if (!VAGUE_WORDS.some((v) => s.includes(v))) return [];
  const found: string[] = [];
  // A clause ends at Chinese or Western punctuation; a number anywhere in it makes it concrete.
  for (const clause of s.split(/[,，;；。!！?？、\n]/)) {
    if (/[0-9０-９]|[一二三四五六七八九十百千万]+(?:个|场|项|所|次|人|户|家|座|公里|平方米|%|成)/.test(clause)) continue;
    const w = VAGUE_WORDS.find((v) => clause.includes(v));
    if (w) found.push(clause.trim());
  }
  return found;
}

export function hasNumber(s: string): boolean {
  return /[0-9０-９]/.test(s);
}

/** Clauses of a goal: split at Chinese and Western sentence and clause punctuation. */
export function clauses(text: string): string[] {
  return text
    .split(/[,，;；。!！?？\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

const MULT: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/**
 * Numbers a clause commits to, each as written and with its multiplier applied (5万 → 5 and
 * 50000). Years (2025年), months and days (9月1日) and ISO dates are skipped.
 */
export function commitments(clause: string): Dec[] {
  const out: Dec[] = [];
  const s = clause.replace(/\d{4}-\d{2}-\d{2}/g, ' ').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const m of s.matchAll(/(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿|千)?(年|月|日|号)?/g)) {
    const after = m[3];
    const raw = m[1].replace(/,/g, '');
    if (after === '月' || after === '日' || after === '号') continue;
    if (after === '年' && /^(19|20)\d\d$/.test(raw) && !m[2]) continue;
    const v = new D(raw);
    out.push(v);
    if (m[2]) out.push(v.times(MULT[m[2]]));
  }
  return out;
}

/** Does the text say by when (a year, a date, 年内, 年底前, by …)? */
export function hasTimePhrase(text: string): boolean {
  return /(\d{4}\s*年|年内|年底|年末|年度内|本年度|当年|全年|\d+\s*月|月底|季度|之前|以前|\d{4}-\d{2}-\d{2}|\bby\s+\d{4}|\bby (the )?end\b|\bbefore\b|\bwithin\b|\bdeadline\b|\bin \d{4}\b)/i.test(text);
}

// Character pairs too generic to tie an indicator to a goal: they occur in most of either.
const GENERIC = new Set([
  '数量', '完成', '平均', '指标', '达到', '以上', '以内', '不少', '少于', '不低', '低于', '不超', '超过', '全年',
  '年度', '项目', '实现', '情况', '工作', '开展', '进行', '相关', '有关', '全部', '以下', '单位', '个数', '次数',
  '提高', '提升', '加强', '进一', '一步', '有所', '显著', '明显', '保持', '稳定', '控制', '确保',
]);
const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'per', 'rate', 'number', 'total', 'average', 'least', 'more', 'than', 'all']);

/** Content tokens: overlapping pairs of CJK characters, and English words of 3+ letters. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!GENERIC.has(pair)) out.add(pair);
    }
  }
  for (const w of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) if (!STOP.has(w)) out.add(w);
  return out;
}

/** How many of `a`'s tokens occur in `b`. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
