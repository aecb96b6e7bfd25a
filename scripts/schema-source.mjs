// Source of the JSON Schemas in schemas/. `node scripts/write-schemas.mjs` writes them; a test
// checks that the committed files are up to date. Shared pieces (bilingual titles, quarter maps,
// aliases) are defined once here rather than copied across four JSON files.

const BASE = 'https://bpm.dev/schemas/v1/';

function t(zhTitle, enTitle, zhDesc, enDesc, extra = {}) {
  const d = [zhDesc, enDesc].filter(Boolean).join(' / ');
  return { title: `${zhTitle} / ${enTitle}`, ...(d ? { description: d } : {}), ...extra };
}

const number = (zh, en, zhd, end, extra = {}) => t(zh, en, zhd, end, { type: 'number', ...extra });
const string = (zh, en, zhd, end, extra = {}) => t(zh, en, zhd, end, { type: 'string', ...extra });
const date = (zh, en, zhd, end) =>
  t(zh, en, zhd, end, { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
const header = (kind) => ({
  apiVersion: t('接口版本', 'API version', '固定为 bpm/v1', 'Always bpm/v1', { const: 'bpm/v1' }),
  kind: t('文档类型', 'Document kind', '', '', { const: kind }),
});
const obj = (props, required = [], extra = {}) => ({
  type: 'object',
  properties: props,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
  ...extra,
});
const quarterMap = (zh, en, zhd, end) =>
  t(zh, en, zhd, end, {
    type: 'object',
    properties: Object.fromEntries(['Q1', 'Q2', 'Q3', 'Q4'].map((q) => [q, { type: 'number', minimum: 0 }])),
    additionalProperties: false,
  });

export const LEVEL1 = {
  output: ['产出指标', '产出'],
  effect: ['效益指标', '效益'],
  satisfaction: ['满意度指标', '满意度'],
  cost: ['成本指标', '成本'],
  decision: ['决策', '决策指标'],
  process: ['过程', '过程指标'],
};
const level1Enum = Object.entries(LEVEL1).flatMap(([k, v]) => [k, ...v]);
const operatorEnum = ['>=', '<=', '=', 'qualitative', '≥', '≤', '定性'];
const gradeEnum = ['excellent', 'good', 'fair', 'poor', '优', '良', '中', '差'];
const roleEnum = ['self', 'finance', 'expert', 'public', 'third-party'];

const code = string('编码', 'Code', '字母、数字、点、下划线、短横线', "Letters, digits, '.', '_', '-'", {
  pattern: '^[A-Za-z0-9._-]+$',
  minLength: 1,
});

const indicatorPatch = obj({
  target: t('调整后的指标值', 'Adjusted target', '', '', { type: ['number', 'string'] }),
  weight: number('调整后的分值', 'Adjusted weight', '', '', { exclusiveMinimum: 0 }),
  milestones: quarterMap('调整后的季度进度', 'Adjusted milestones', '', ''),
});

const indicator = obj(
  {
    code: { ...code, ...t('指标编码', 'Indicator code', '在项目内唯一', 'Unique in the dossier') },
    level1: t('一级指标', 'Level-1 indicator', '产出/效益/满意度/成本/决策/过程', 'output | effect | satisfaction | cost | decision | process', { enum: level1Enum }),
    level2: string('二级指标', 'Level-2 indicator', '如 数量、质量、时效、成本、社会效益', 'e.g. quantity, quality, timeliness, cost, social', { minLength: 1 }),
    name: string('三级指标', 'Indicator name', '具体指标名称', 'The concrete (level-3) indicator', { minLength: 1 }),
    operator: t('指标性质', 'Operator', '≥ 越高越好, ≤ 越低越好, = 等于, 定性', '">=" higher is better, "<=" lower is better, "=" exact, qualitative', { enum: operatorEnum }),
    target: t('年度指标值', 'Target', '数值;定性指标为文字', 'A number; text for a qualitative indicator', { type: ['number', 'string'] }),
    unit: string('计量单位', 'Unit', '数值指标必填;"%" 表示 0-100 的百分比', 'Required for numeric targets; "%" means a percentage 0-100'),
    weight: number('分值', 'Weight (points)', '大于 0;仅“其中”说明行(informational)可省略或为 0', 'Above 0; may be omitted or 0 only on an informational row', { minimum: 0 }),
    informational: t('其中项(不计分)', 'Informational row', '如“其中:……”的说明行:在报告中原位列示,不计分,不计入一级指标分值合计', 'A sub-row such as 其中…: shown in place in reports, never scored, left out of section sums', { type: 'boolean' }),
    basis: t('取值依据', 'Basis of the target', '计划标准/行业标准/历史标准/其他', 'plan | industry | history | other', { enum: ['plan', 'industry', 'history', 'other', '计划标准', '行业标准', '历史标准', '其他'] }),
    baseline: number('上年实际值', 'Baseline', '上年度实际完成值', "Last year's actual value"),
    tracking: t('监控口径', 'Tracking', '累计值或当前水平', 'cumulative (a count) or level (a rate, a unit cost)', { enum: ['cumulative', 'level'] }),
    milestones: quarterMap('季度进度目标', 'Milestones', '各季度末的预期累计值', 'Expected value at each quarter end'),
  },
  ['code', 'level1', 'level2', 'name', 'operator', 'target'],
  {
    // A scored row needs a weight above 0; an informational row (其中…) may omit it or give 0.
    if: { properties: { informational: { type: 'boolean', const: true } }, required: ['informational'] },
    else: { required: ['weight'], properties: { weight: { type: 'number', exclusiveMinimum: 0 } } },
  },
);

export const dossier = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}project-dossier.schema.json`,
  ...t('项目绩效目标申报表', 'Project performance dossier', '一个项目的绩效目标', "One project's performance goals (bpm ProjectDossier)"),
  ...obj(
    {
      ...header('ProjectDossier'),
      project: t('项目信息', 'Project', '', '', obj(
        {
          code: { ...code, ...t('项目编码', 'Project code', '在一批项目中唯一', 'Unique in a batch') },
          name: string('项目名称', 'Project name', '', '', { minLength: 1 }),
          department: string('主管部门', 'Department', '', '', { minLength: 1 }),
          unit: string('实施单位', 'Implementing unit', '', ''),
          year: t('预算年度', 'Fiscal year', '', '', { type: 'integer', minimum: 1990, maximum: 2100 }),
          period: t('实施期间', 'Project period', '默认为预算年度的自然年', 'Default: the calendar year', obj(
            { start: date('开始日期', 'Start', '', ''), end: date('结束日期', 'End', '', '') },
            ['start', 'end'],
          )),
          objectives: t('对应战略目标', 'Strategic objectives', '与战略规划衔接', 'Objectives of the StrategyPlan served', {
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1 },
          }),
          category: string('项目类别', 'Category', '用于同类项目比较', 'Used to compare projects of a kind'),
        },
        ['code', 'name', 'department', 'year', 'objectives'],
      )),
      budget: t('预算', 'Budget', '', '', obj(
        {
          unit: t('金额单位', 'Amount unit', '', '', { enum: ['元', '万元'], default: '万元' }),
          initial: number('年初预算数', 'Initial budget', '默认等于全年预算数', 'Default: the total', { minimum: 0 }),
          total: number('全年预算数', 'Total budget', '', '', { minimum: 0 }),
          sources: t('资金来源', 'Funding sources', '合计须等于全年预算数', 'Must add up to the total', {
            type: 'array',
            items: obj({ name: string('来源', 'Source', '', '', { minLength: 1 }), amount: number('金额', 'Amount', '', '', { minimum: 0 }) }, ['name', 'amount']),
          }),
          schedule: quarterMap('分季度用款计划', 'Quarterly schedule', '各季度计划支出数,合计须等于全年预算数', 'Planned spending in each quarter; adds up to the total'),
        },
        ['total'],
      )),
      goal: string('年度总体目标', 'Annual goal', '明确、可衡量:数量、单位、时限', 'Clear and measurable: a number, a unit, a deadline', { minLength: 1 }),
      indicators: t('绩效指标', 'Indicators', '', '', { type: 'array', minItems: 1, items: indicator }),
      adjustments: t('动态调整', 'Approved adjustments', '按日期排列', 'In date order', {
        type: 'array',
        items: obj(
          {
            date: date('调整日期', 'Date', '', ''),
            approvedBy: string('批准机关', 'Approved by', '', '', { minLength: 1 }),
            reason: string('调整原因', 'Reason', '', '', { minLength: 1 }),
            budget: obj({
              total: number('调整后全年预算数', 'New total budget', '', '', { minimum: 0 }),
              schedule: quarterMap('调整后的分季度用款计划', 'New quarterly schedule', '自调整日期起替代原用款计划,合计须等于调整后的全年预算数;未写时按原计划的累计比例乘以调整后的全年预算数', 'Replaces the schedule from the adjustment date; adds up to the new total. Without it, the original schedule is scaled to the new total'),
            }),
            indicators: t('指标调整', 'Indicator changes', '按指标编码', 'By indicator code', {
              type: 'object',
              additionalProperties: indicatorPatch,
            }),
          },
          ['date'],
        ),
      }),
    },
    ['apiVersion', 'kind', 'project', 'budget', 'goal', 'indicators'],
  ),
};

const note = string('偏差原因', 'Deviation note', '', '');
const printed = string('实际完成值(原文)', 'Actual as printed', '自评表中实际完成值的原文,如“达成预期指标”“≥266米”,供报告列示', 'The actual exactly as printed in the source table ("达成预期指标", "≥266米"), kept for reports', { minLength: 1 });
const actual = {
  ...t('实际完成值', 'Actual value', '数值,或带说明/定性等级/问卷调查的对象', 'A number, or an object with a note, a qualitative level or a survey'),
  anyOf: [
    { type: 'number' },
    obj({ value: { type: 'number' }, note, text: printed }, ['value']),
    obj(
      {
        level: t('定性等级', 'Qualitative level', '达成/部分达成/未达成', 'achieved | partial | failed', { enum: ['achieved', 'partial', 'failed', '达成', '部分达成', '未达成'] }),
        score: number('得分', 'Score', '在该等级的分数区间内', "Inside the level's band", { minimum: 0 }),
        note,
        text: printed,
      },
      ['level'],
    ),
    obj(
      {
        survey: t('满意度调查', 'Survey', '', '', obj(
          {
            respondents: t('有效样本数', 'Valid respondents', '', '', { type: 'integer', minimum: 1 }),
            satisfied: t('满意人数', 'Satisfied respondents', '', '', { type: 'integer', minimum: 0 }),
          },
          ['respondents', 'satisfied'],
        )),
        note,
        text: printed,
      },
      ['survey'],
    ),
  ],
};

export const evaluation = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}evaluation.schema.json`,
  ...t('绩效评价', 'Evaluation', '年度实际完成情况与评价', 'Year-end facts and judgements for one project'),
  ...obj(
    {
      ...header('Evaluation'),
      project: { ...code, ...t('项目编码', 'Project code', '对应申报表的 project.code', "The dossier's project.code") },
      evaluator: t('评价主体', 'Evaluator', '', '', { enum: roleEnum, default: 'self' }),
      policy: string('评分规则', 'Scoring policy', '内置名称(self/key)或评分规则文件路径', 'A built-in name (self, key) or a ScoringPolicy file path'),
      budget: obj({
        executed: number('全年执行数', 'Executed', '默认取监控数据最后一期累计支出', 'Default: the last cumulative spend in monitoring data', { minimum: 0 }),
        note: string('执行偏差原因', 'Execution note', '预算执行率偏低的原因', 'Why budget execution fell short'),
      }),
      outcome: string('年度总体目标实际完成情况', 'Outcome', '自评表“年度总体目标”行的实际完成情况(文字)', "What the self-evaluation table says was achieved of the annual goal (text)", { minLength: 1 }),
      actuals: t('实际完成值', 'Actuals', '按指标编码', 'By indicator code', { type: 'object', additionalProperties: actual }),
      panels: t('专家评分', 'Expert panels', '每个指标的专家个人评分', 'Individual expert scores (points) per indicator', {
        type: 'object',
        additionalProperties: { type: 'array', minItems: 1, items: { type: 'number', minimum: 0 } },
      }),
      assessments: t('多元评价', 'Assessments', '其他评价主体的总分', 'Whole-project scores by other evaluation subjects', {
        type: 'array',
        items: obj(
          {
            by: t('评价主体', 'Assessor', '', '', { enum: roleEnum }),
            score: number('总分', 'Score', '', '', { minimum: 0, maximum: 100 }),
          },
          ['by', 'score'],
        ),
      }),
      claimed: t('自评表所列', 'Claimed', '提交的自评表中填写的分数', 'What the submitted self-evaluation table printed', obj({
        execution: number('预算执行得分', 'Execution score', '', '', { minimum: 0 }),
        indicators: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
        sections: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
        total: number('总分', 'Total', '', '', { minimum: 0 }),
        grade: t('等级', 'Grade', '', '', { enum: gradeEnum }),
        budget: t('自评表预算执行行', 'Printed budget row', '自评表所列年初预算数、全年预算数、全年执行数、执行率(%)', 'The budget row as printed: initial budget, total budget, executed amount, execution rate (%)', obj({
          initial: number('年初预算数', 'Initial budget', '', '', { minimum: 0 }),
          total: number('全年预算数', 'Total budget', '', '', { minimum: 0 }),
          executed: number('全年执行数', 'Executed', '', '', { minimum: 0 }),
          rate: number('执行率', 'Execution rate', '百分比,如 96 表示 96%', 'A percentage: 96 means 96 %', { minimum: 0 }),
        })),
      })),
    },
    ['apiVersion', 'kind', 'project'],
  ),
};

const fraction = { type: 'number', minimum: 0, maximum: 1 };
const band = (zh, en) =>
  t(zh, en, '', '', obj({
    band: { type: 'array', prefixItems: [fraction, fraction], minItems: 2, maxItems: 2 },
    default: fraction,
  }));
const threshold = { type: 'number', minimum: 0 };

export const policy = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}scoring-policy.schema.json`,
  ...t('评分规则', 'Scoring policy', '可继承内置规则并覆盖任意数值', 'Extends a built-in policy and overrides any value'),
  ...obj(
    {
      ...header('ScoringPolicy'),
      name: string('名称', 'Name', '', '', { minLength: 1 }),
      extends: string('继承', 'Extends', '内置规则 self/key 或另一文件', 'A built-in policy (self, key) or another file'),
      sections: t('一级指标分值', 'Section weights', '各一级指标的分值', 'Points per level-1 section', {
        type: 'object',
        propertyNames: { enum: level1Enum },
        additionalProperties: { type: 'number', minimum: 0 },
      }),
      execution: obj({
        weight: number('预算执行率分值', 'Execution weight', '', '', { minimum: 0 }),
        reasonBelow: number('须说明原因的执行率', 'Rate needing a reason', '执行率低于此值(0-1)须说明原因,默认 0.9', 'An execution rate below this (0-1) needs a written reason; default 0.9', { minimum: 0, maximum: 1 }),
      }),
      grades: t('等级划分', 'Grade bands', '下限包含', 'Lower bound included', {
        type: 'array',
        minItems: 1,
        items: obj({ min: number('下限', 'Minimum', '', '', { minimum: 0, maximum: 100 }), grade: { enum: gradeEnum } }, ['min', 'grade']),
      }),
      reverse: t('反向指标计分', 'Reverse rule', 'ratio: 目标/实际; linear: 1-(实际-目标)/目标', 'ratio: target/actual; linear: 1-(actual-target)/target', { enum: ['ratio', 'linear'] }),
      qualitative: obj({ achieved: band('达成', 'Achieved'), partial: band('部分达成', 'Partly achieved'), failed: band('未达成', 'Not achieved') }),
      overAchievement: number('超额完成提示阈值', 'Over-achievement threshold', '实际/目标', 'actual / target', { minimum: 1 }),
      panel: obj({
        method: { enum: ['trimmed-mean', 'mean', 'median'] },
        minRaters: { type: 'integer', minimum: 1 },
        spread: number('评分分歧阈值', 'Spread threshold', '专家评分极差占分值比例', 'Max-min spread as a fraction of the weight', { minimum: 0 }),
      }),
      assessorWeights: t('评价主体权重', 'Assessor weights', '', '', {
        type: 'object',
        propertyNames: { enum: roleEnum },
        additionalProperties: { type: 'number', minimum: 0 },
      }),
      decimals: t('保留小数位', 'Decimals', '四舍五入', 'Rounded half-up', { type: 'integer', minimum: 0, maximum: 6 }),
      recheck: obj({
        tolerance: number('复核容差', 'Tolerance', '自评得分与复核得分之差超过 min(容差, 相对容差 × 分值) 即为差异', 'A claimed score differs when it is off by more than min(tolerance, relativeTolerance × the item\'s weight)', { minimum: 0 }),
        relativeTolerance: number('相对复核容差', 'Relative tolerance', '占该项分值的比例,默认 0.05(总分按 100 分、执行率按 100 个百分点计)', "A fraction of the item's weight, default 0.05 (the total counts as 100 points, the execution rate as 100 percentage points)", { minimum: 0, maximum: 1 }),
      }),
      application: t('结果应用', 'Result application', '', '', obj(
        Object.fromEntries(
          [['excellent', '优'], ['good', '良'], ['fair', '中'], ['poor', '差']].map(([g, zh]) => [
            g,
            t(`${zh}等次`, `Grade ${g}`, '', '', obj({ adjustPct: number('预算调整百分比', 'Budget adjustment %', '', '', { minimum: -100 }), action: string('措施', 'Action', '', '') })),
          ]),
        ),
      )),
      monitoring: t('运行监控阈值', 'Monitoring thresholds', '', '', obj({
        pace: obj({ red: threshold, yellow: threshold }),
        indicator: obj({ red: threshold, yellow: threshold, ahead: threshold }),
        dualGap: number('双监控偏差阈值', 'Dual-monitoring gap', '百分点', 'Percentage points', { minimum: 0 }),
        likelihood: obj({ possible: threshold }),
      })),
      review: t('目标审核阈值', 'Review thresholds', 'bpm review 的评分与判定阈值', 'Scores and thresholds of bpm review', obj({
        minScore: number('通过分数线', 'Pass mark', '审核得分不低于此值且无必须修改项为通过(默认 80)', 'A dossier passes at or above this score with no required change (default 80)', { minimum: 0, maximum: 100 }),
        minQuantitativeShare: number('定量指标最低占比', 'Minimum quantitative share', '0-1,默认 0.6', '0-1, default 0.6', { minimum: 0, maximum: 1 }),
        maxTargetToBaseline: number('目标/上年实际值上限', 'Maximum target / baseline', '超过视为不切实际(默认 2)', 'Above this a target is unrealistic (default 2)', { exclusiveMinimum: 1 }),
        unitCostFactor: number('单位成本偏离倍数', 'Unit-cost outlier factor', '与同类项目中位数相比超出 [1/f, f] 为异常(默认 3)', 'Outside median × [1/f, f] of the same category is an outlier (default 3)', { exclusiveMinimum: 1 }),
        costBudgetFactor: number('成本指标与预算偏离倍数', 'Cost-indicator vs budget factor', '单位成本×产出与预算相差超过此倍数为不一致(默认 1.5)', 'Unit-cost target × output off the budget by more than this factor is inconsistent (default 1.5)', { exclusiveMinimum: 1 }),
        maxQuarterShare: number('单季度用款最高占比', 'Maximum quarter share', '一季度或四季度超过此比例为前期/后期集中(默认 0.4)', 'Q1 or Q4 above this share of the budget is front-/back-loaded (default 0.4)', { minimum: 0, maximum: 1 }),
        requiredSections: t('必备一级指标', 'Required sections', '每个绩效目标必须包含的一级指标(默认 产出、效益、满意度)', 'Level-1 sections every dossier must have (default output, effect, satisfaction)', {
          type: 'array',
          items: { enum: level1Enum },
          uniqueItems: true,
        }),
        weights: t('审核维度分值', 'Dimension weights', '各审核维度的分值,合计宜为 100', 'Points per review dimension; should add up to 100', obj({
          completeness: number('完整性', 'Completeness', '默认 25', 'Default 25', { minimum: 0 }),
          measurability: number('可衡量性', 'Measurability', '默认 25', 'Default 25', { minimum: 0 }),
          relevance: number('相关性', 'Relevance', '默认 15', 'Default 15', { minimum: 0 }),
          feasibility: number('可行性', 'Feasibility', '默认 20', 'Default 20', { minimum: 0 }),
          budget: number('预算一致性', 'Budget consistency', '默认 15', 'Default 15', { minimum: 0 }),
        })),
      })),
    },
    ['apiVersion', 'kind'],
  ),
};

export const strategy = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}strategy-plan.schema.json`,
  ...t('战略规划', 'Strategy plan', '绩效目标须服务的战略目标', 'The strategic objectives that goals must serve'),
  ...obj(
    {
      ...header('StrategyPlan'),
      name: string('名称', 'Name', '', '', { minLength: 1 }),
      objectives: t('战略目标', 'Objectives', '', '', {
        type: 'array',
        minItems: 1,
        items: obj(
          {
            id: { ...code, ...t('目标编号', 'Objective id', '', '') },
            title: string('目标名称', 'Title', '', '', { minLength: 1 }),
            parent: string('上级目标', 'Parent', '', ''),
          },
          ['id', 'title'],
        ),
      }),
    },
    ['apiVersion', 'kind', 'objectives'],
  ),
};

export const SCHEMAS = {
  ProjectDossier: { file: 'project-dossier.schema.json', schema: dossier },
  Evaluation: { file: 'evaluation.schema.json', schema: evaluation },
  ScoringPolicy: { file: 'scoring-policy.schema.json', schema: policy },
  StrategyPlan: { file: 'strategy-plan.schema.json', schema: strategy },
};
