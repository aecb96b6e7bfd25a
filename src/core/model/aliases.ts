// Chinese (and symbol) aliases accepted on input, mapped to the canonical English values, and
// the canonical level-2 values by level 1 (docs/formats.md#level-1-and-level-2-indicators).
import type { Basis, Grade, Level1, Operator, QualLevel, Role } from './model.js';

export const LEVEL1_ALIASES: Record<string, Level1> = {
  output: 'output', 产出指标: 'output', 产出: 'output',
  effect: 'effect', 效益指标: 'effect', 效益: 'effect',
  satisfaction: 'satisfaction', 满意度指标: 'satisfaction', 满意度: 'satisfaction',
  cost: 'cost', 成本指标: 'cost', 成本: 'cost',
  decision: 'decision', 决策: 'decision', 决策指标: 'decision',
  process: 'process', 过程: 'process', 过程指标: 'process',
};

export const LEVEL1_ZH: Record<Level1, string> = {
  output: '产出指标',
  effect: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  decision: '决策',
  process: '过程',
};

/** Canonical level-2 values with their Chinese names; decision/process take free text. */
export const LEVEL2: Partial<Record<Level1, Record<string, string>>> = {
  output: { quantity: '数量指标', quality: '质量指标', timeliness: '时效指标', cost: '成本指标' },
  effect: { economic: '经济效益指标', social: '社会效益指标', ecological: '生态效益指标', sustainability: '可持续影响指标' },
  satisfaction: { satisfaction: '服务对象满意度指标' },
  cost: { economic: '经济成本指标', social: '社会成本指标', ecological: '生态环境成本指标' },
};

/** Level-2 value as written → canonical English, for the level 1 given; undefined if unknown. */
export function canonicalLevel2(level1: Level1, written: string): string | undefined {
  const table = LEVEL2[level1];
  if (!table) return written;
  if (Object.prototype.hasOwnProperty.call(table, written)) return written; // already canonical
  const w = written.trim();
  for (const [en, zh] of Object.entries(table)) {
    const short = zh.replace(/指标$/, '');
    if (w.toLowerCase() === en || w === zh || w === short) return en;
  }
  // Common short forms: 服务对象满意度, 生态环境成本, 可持续影响.
  if (level1 === 'satisfaction' && /满意度/.test(w)) return 'satisfaction';
  if (level1 === 'cost' && w === '生态环境成本') return 'ecological';
  return undefined;
}

export const OPERATOR_ALIASES: Record<string, Operator> = {
  '>=': '>=', '≥': '>=', '<=': '<=', '≤': '<=', '=': '=', qualitative: 'qualitative', 定性: 'qualitative',
};

export const GRADE_ALIASES: Record<string, Grade> = {
  excellent: 'excellent', 优: 'excellent', good: 'good', 良: 'good', fair: 'fair', 中: 'fair', poor: 'poor', 差: 'poor',
};

export const GRADE_ZH: Record<Grade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

export const QUAL_ALIASES: Record<string, QualLevel> = {
  achieved: 'achieved', 达成: 'achieved', partial: 'partial', 部分达成: 'partial', failed: 'failed', 未达成: 'failed',
};

export const QUAL_ZH: Record<QualLevel, string> = { achieved: '达成', partial: '部分达成', failed: '未达成' };

/** Evaluation subjects (评价主体) in Chinese. */
export const ROLE_ZH: Record<Role, string> = { self: '单位自评', finance: '财政评价', expert: '专家评价', public: '公众评价', 'third-party': '第三方评价' };

export const BASIS_ALIASES: Record<string, Basis> = {
  plan: 'plan', 计划标准: 'plan', industry: 'industry', 行业标准: 'industry', history: 'history', 历史标准: 'history', other: 'other', 其他: 'other',
};
