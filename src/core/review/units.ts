// Units as written in dossiers, reduced to what the review compares: money units to 元 and
// quantity units to a base unit with a multiplier (7.2 万平方米 = 72000 平方米). A cost unit is a
// money unit per quantity unit ("万元/场", "元/平方米").
import { D, type Dec } from '../decimal.js';

const MONEY: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 千万元: 1e7, 亿元: 1e8 };
const PREFIX: [string, number][] = [['百万', 1e6], ['千万', 1e7], ['万', 1e4], ['亿', 1e8], ['千', 1e3]];

function clean(u: string): string {
  return u.replace(/\s+/g, '').replace(/／/g, '/');
}

/** 元 per one money unit ("万元" → 10000), or undefined when `u` is not money. */
export function moneyFactor(u: string | undefined): Dec | undefined {
  if (u === undefined) return undefined;
  const f = MONEY[clean(u)];
  return f === undefined ? undefined : new D(f);
}

export interface QuantityUnit {
  /** How many base units one unit is (万人次 → 10000 人次). */
  factor: Dec;
  base: string;
}

/** `万平方米` → {10000, 平方米}; `场` → {1, 场}. Percentages and money are not quantities. */
export function quantityUnit(u: string | undefined): QuantityUnit | undefined {
  if (u === undefined) return undefined;
  const c = clean(u);
  if (c === '' || c === '%' || c.includes('/') || moneyFactor(c)) return undefined;
  for (const [p, f] of PREFIX) if (c.startsWith(p) && c.length > p.length) return { factor: new D(f), base: c.slice(p.length) };
  return { factor: new D(1), base: c };
}

export interface CostUnit {
  /** 元 per money unit of the numerator. */
  money: Dec;
  per: QuantityUnit;
}

/** `万元/场` → {10000, {1, 场}}, or undefined when `u` is not money per quantity. */
export function costUnit(u: string | undefined): CostUnit | undefined {
  if (u === undefined) return undefined;
  const c = clean(u);
  const i = c.indexOf('/');
  if (i <= 0) return undefined;
  const money = moneyFactor(c.slice(0, i));
  const per = quantityUnit(c.slice(i + 1));
  return money && per ? { money, per } : undefined;
}
