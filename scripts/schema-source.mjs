// Source of the JSON Schemas in schemas/. `node scripts/write-schemas.mjs` writes them; a test
// checks that the committed files are up to date. Shared pieces (bilingual titles, quarter maps,
// aliases) are defined once here rather than copied across four JSON files.

// A name, not an address: the schemas are found by path (the modeline, `bpm schema`, the
// package's schemas/ folder), never fetched by their $id.
const BASE = 'urn:bpm:schema:v1:';

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
  kind: t('文档类型', 'Document kind', `固定为 ${kind}`, `Always ${kind}`, { const: kind }),
});
const obj = (props, required = [], extra = {}) => ({
  type: 'object',
  properties: props,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
  ...extra,
});
const QUARTERS = [['Q1', '一季度'], ['Q2', '二季度'], ['Q3', '三季度'], ['Q4', '四季度']];
/** Q1…Q4 of a schedule (`spending`: planned IN each quarter) or of milestones (the expected value AT each quarter end). */
const quarterMap = (zh, en, zhd, end, meaning) =>
  t(zh, en, zhd, end, {
    type: 'object',
    properties: Object.fromEntries(
      QUARTERS.map(([q, qzh]) => [
        q,
        meaning === 'spending'
          ? number(qzh, q, `${qzh}计划支出数（不是累计数）`, `Spending planned in ${q} (not cumulative)`, { minimum: 0 })
          : number(`${qzh}末`, `End of ${q}`, `${qzh}末的预期累计值或水平`, `The value expected at the end of ${q} (cumulative, or a level)`, { minimum: 0 }),
      ]),
    ),
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
  target: t('调整后的指标值', 'Adjusted target', '自调整日期起的年度指标值', 'The target from the adjustment date', { type: ['number', 'string'] }),
  weight: number('调整后的分值', 'Adjusted weight', '自调整日期起的分值，一级指标分值合计须不变', 'The weight from the adjustment date; section sums must stay as the policy sets them', { exclusiveMinimum: 0 }),
  milestones: quarterMap('调整后的季度进度', 'Adjusted milestones', '自调整日期起替代原季度进度目标', 'Replace the milestones from the adjustment date', 'milestones'),
});

const indicator = obj(
  {
    code: { ...code, ...t('指标编码', 'Indicator code', '在项目内唯一', 'Unique in the dossier') },
    level1: t('一级指标', 'Level-1 indicator', '产出/效益/满意度/成本/决策/过程', 'output | effect | satisfaction | cost | decision | process', { enum: level1Enum }),
    level2: string('二级指标', 'Level-2 indicator', '如 数量、质量、时效、成本、社会效益', 'e.g. quantity, quality, timeliness, cost, social', { minLength: 1 }),
    name: string('三级指标', 'Indicator name', '具体指标名称', 'The concrete (level-3) indicator', { minLength: 1 }),
    operator: t('指标性质', 'Operator', '≥ 越高越好，≤ 越低越好，= 等于，定性', '">=" higher is better, "<=" lower is better, "=" exact, qualitative', { enum: operatorEnum }),
    target: t('年度指标值', 'Target', '数值；定性指标为文字', 'A number; text for a qualitative indicator', { type: ['number', 'string'] }),
    unit: string('计量单位', 'Unit', '数值指标必填；"%" 表示 0-100 的百分比', 'Required for numeric targets; "%" means a percentage 0-100'),
    weight: number('分值', 'Weight (points)', '大于 0；仅“其中”说明行（informational）可省略或为 0', 'Above 0; may be omitted or 0 only on an informational row', { minimum: 0 }),
    informational: t('其中项（不计分）', 'Informational row', '如“其中：……”的说明行：在报告中原位列示，不计分，不计入一级指标分值合计', 'A sub-row such as 其中…: shown in place in reports, never scored, left out of section sums', { type: 'boolean' }),
    basis: t('取值依据', 'Basis of the target', '计划标准/行业标准/历史标准/其他', 'plan | industry | history | other', { enum: ['plan', 'industry', 'history', 'other', '计划标准', '行业标准', '历史标准', '其他'] }),
    baseline: number('上年实际值', 'Baseline', '上年度实际完成值', "Last year's actual value"),
    tracking: t('监控口径', 'Tracking', '累计值或当前水平', 'cumulative (a count) or level (a rate, a unit cost)', { enum: ['cumulative', 'level'] }),
    milestones: quarterMap('季度进度目标', 'Milestones', '各季度末的预期累计值', 'Expected value at each quarter end', 'milestones'),
  },
  ['code', 'level1', 'level2', 'name', 'operator', 'target'],
  {
    // A scored row needs a weight above 0; an informational row (其中…) may omit it or give 0.
    if: { properties: { informational: { type: 'boolean', const: true } }, required: ['informational'] },
    else: { required: ['weight'], properties: { weight: number('分值', 'Weight (points)', '计分指标的分值大于 0', 'A scored indicator weighs more than 0', { exclusiveMinimum: 0 }) } },
  },
);

export const dossier = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}project-dossier`,
  ...t('项目绩效目标申报表', 'Project performance dossier', '一个项目的绩效目标', "One project's performance goals (bpm ProjectDossier)"),
  ...obj(
    {
      ...header('ProjectDossier'),
      project: t('项目信息', 'Project', '项目编码、名称、部门、年度和战略目标', 'Code, name, department, year and strategic objectives', obj(
        {
          code: { ...code, ...t('项目编码', 'Project code', '在一批项目中唯一', 'Unique in a batch') },
          name: string('项目名称', 'Project name', '申报表所列的项目名称', 'The name the dossier gives the project', { minLength: 1 }),
          department: string('主管部门', 'Department', '项目的主管部门', 'The department in charge of the project', { minLength: 1 }),
          unit: string('实施单位', 'Implementing unit', '具体实施项目的单位（可选）', 'The unit that carries the project out (optional)'),
          year: t('预算年度', 'Fiscal year', '项目预算所属年度，如 2025', 'The budget year of the project, e.g. 2025', { type: 'integer', minimum: 1990, maximum: 2100 }),
          period: t('实施期间', 'Project period', '默认为预算年度的自然年', 'Default: the calendar year', obj(
            { start: date('开始日期', 'Start', '实施期间的第一天，YYYY-MM-DD', 'First day of the period, YYYY-MM-DD'), end: date('结束日期', 'End', '实施期间的最后一天，YYYY-MM-DD', 'Last day of the period, YYYY-MM-DD') },
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
      budget: t('预算', 'Budget', '金额单位、全年预算数、资金来源和分季度用款计划', 'Amount unit, total budget, funding sources and quarterly schedule', obj(
        {
          unit: t('金额单位', 'Amount unit', '本文档及其评价、监控数据的所有金额都用此单位', 'Every amount of the dossier, its evaluation and its monitoring data is in this unit', { enum: ['元', '万元'], default: '万元' }),
          initial: number('年初预算数', 'Initial budget', '默认等于全年预算数', 'Default: the total', { minimum: 0 }),
          total: number('全年预算数', 'Total budget', '批复的全年预算数；年中调整记入 adjustments', 'The approved full-year budget; record mid-year changes as adjustments', { minimum: 0 }),
          sources: t('资金来源', 'Funding sources', '合计须等于全年预算数', 'Must add up to the total', {
            type: 'array',
            items: obj({ name: string('来源', 'Source', '资金来源名称，如 当年财政拨款', 'Name of the source, e.g. 当年财政拨款', { minLength: 1 }), amount: number('金额', 'Amount', '该来源的金额', 'Amount from this source', { minimum: 0 }) }, ['name', 'amount']),
          }),
          schedule: quarterMap('分季度用款计划', 'Quarterly schedule', '各季度计划支出数，合计须等于全年预算数', 'Planned spending in each quarter; adds up to the total', 'spending'),
        },
        ['total'],
      )),
      goal: string('年度总体目标', 'Annual goal', '明确、可衡量：数量、单位、时限', 'Clear and measurable: a number, a unit, a deadline', { minLength: 1 }),
      indicators: t('绩效指标', 'Indicators', '三级指标表，至少一项产出指标和一项效益指标', 'The indicator table: at least one output and one effect indicator', { type: 'array', minItems: 1, items: indicator }),
      adjustments: t('动态调整', 'Approved adjustments', '按日期排列', 'In date order', {
        type: 'array',
        items: obj(
          {
            date: date('调整日期', 'Date', '调整自此日起生效，YYYY-MM-DD', 'The adjustment applies from this day, YYYY-MM-DD'),
            approvedBy: string('批准机关', 'Approved by', '批准调整的机关', 'The authority that approved the adjustment', { minLength: 1 }),
            reason: string('调整原因', 'Reason', '调整的理由', 'Why the budget or the targets were changed', { minLength: 1 }),
            budget: t('预算调整', 'Budget change', '调整后的全年预算数及其用款计划', 'The new total budget and its schedule', obj({
              total: number('调整后全年预算数', 'New total budget', '自调整日期起的全年预算数', 'The total budget from the adjustment date', { minimum: 0 }),
              schedule: quarterMap('调整后的分季度用款计划', 'New quarterly schedule', '自调整日期起替代原用款计划，合计须等于调整后的全年预算数；未写时按原计划的累计比例乘以调整后的全年预算数', 'Replaces the schedule from the adjustment date; adds up to the new total. Without it, the original schedule is scaled to the new total', 'spending'),
            })),
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

const note = string('偏差原因', 'Deviation note', '未达目标的原因和改进措施', 'Why the target was missed, and the measures taken');
const printed = string('实际完成值（原文）', 'Actual as printed', '自评表中实际完成值的原文，如“达成预期指标”“≥266米”，供报告列示', 'The actual exactly as printed in the source table（“达成预期指标”，“≥266米”），kept for reports', { minLength: 1 });
const actual = {
  ...t('实际完成值', 'Actual value', '数值，或带说明/定性等级/问卷调查的对象', 'A number, or an object with a note, a qualitative level or a survey'),
  anyOf: [
    { type: 'number' },
    obj({ value: number('实际完成值', 'Actual value', '指标的实际完成数值', "The indicator's actual figure"), note, text: printed }, ['value']),
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
        survey: t('满意度调查', 'Survey', '满意率 = 满意人数 / 有效样本数', 'Satisfaction rate = satisfied / respondents', obj(
          {
            respondents: t('有效样本数', 'Valid respondents', '有效问卷份数', 'Number of valid answers', { type: 'integer', minimum: 1 }),
            satisfied: t('满意人数', 'Satisfied respondents', '回答满意（含比较满意）的人数', 'Number answering satisfied', { type: 'integer', minimum: 0 }),
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
  $id: `${BASE}evaluation`,
  ...t('绩效评价', 'Evaluation', '年度实际完成情况与评价', 'Year-end facts and judgements for one project'),
  ...obj(
    {
      ...header('Evaluation'),
      project: { ...code, ...t('项目编码', 'Project code', '对应申报表的 project.code', "The dossier's project.code") },
      evaluator: t('评价主体', 'Evaluator', '单位自评/财政/专家/社会公众/第三方，默认单位自评', 'self | finance | expert | public | third-party; default self', { enum: roleEnum, default: 'self' }),
      policy: string('评分规则', 'Scoring policy', '内置名称（self/key）或评分规则文件路径', 'A built-in name (self, key) or a ScoringPolicy file path'),
      budget: t('预算执行', 'Budget execution', '全年执行数及执行偏差原因', 'The executed amount and why execution fell short', obj({
        executed: number('全年执行数', 'Executed', '默认取监控数据最后一期累计支出', 'Default: the last cumulative spend in monitoring data', { minimum: 0 }),
        note: string('执行偏差原因', 'Execution note', '预算执行率偏低的原因', 'Why budget execution fell short'),
      })),
      outcome: string('年度总体目标实际完成情况', 'Outcome', '自评表“年度总体目标”行的实际完成情况（文字）', "What the self-evaluation table says was achieved of the annual goal (text)", { minLength: 1 }),
      actuals: t('实际完成值', 'Actuals', '按指标编码', 'By indicator code', { type: 'object', additionalProperties: actual }),
      panels: t('专家评分', 'Expert panels', '每个指标的专家个人评分', 'Individual expert scores (points) per indicator', {
        type: 'object',
        additionalProperties: { type: 'array', minItems: 1, items: { type: 'number', minimum: 0 } },
      }),
      assessments: t('多元评价', 'Assessments', '其他评价主体的总分', 'Whole-project scores by other evaluation subjects', {
        type: 'array',
        items: obj(
          {
            by: t('评价主体', 'Assessor', '财政/专家/社会公众/第三方等', 'finance | expert | public | third-party …', { enum: roleEnum }),
            score: number('总分', 'Score', '该评价主体给出的总分（0-100）', "The assessor's total (0-100)", { minimum: 0, maximum: 100 }),
          },
          ['by', 'score'],
        ),
      }),
      claimed: t('自评表所列', 'Claimed', '提交的自评表中填写的分数', 'What the submitted self-evaluation table printed', obj({
        execution: number('预算执行得分', 'Execution score', '自评表所列预算执行率得分', 'The budget-execution score printed', { minimum: 0 }),
        indicators: t('指标得分', 'Indicator scores', '自评表所列各指标得分，按指标编码', 'The score printed for each indicator, by code', { type: 'object', additionalProperties: { type: 'number', minimum: 0 } }),
        sections: t('一级指标得分', 'Section scores', '自评表所列各一级指标得分小计', 'The subtotal printed for each level-1 section', { type: 'object', additionalProperties: { type: 'number', minimum: 0 } }),
        total: number('总分', 'Total', '自评表所列总分', 'The total printed', { minimum: 0 }),
        grade: t('等级', 'Grade', '自评表所列等级：优/良/中/差', 'The grade printed: excellent | good | fair | poor', { enum: gradeEnum }),
        budget: t('自评表预算执行行', 'Printed budget row', '自评表所列年初预算数、全年预算数、全年执行数、执行率（%）', 'The budget row as printed: initial budget, total budget, executed amount, execution rate (%)', obj({
          initial: number('年初预算数', 'Initial budget', '自评表所列年初预算数', 'The initial budget printed', { minimum: 0 }),
          total: number('全年预算数', 'Total budget', '自评表所列全年预算数', 'The total budget printed', { minimum: 0 }),
          executed: number('全年执行数', 'Executed', '自评表所列全年执行数', 'The executed amount printed', { minimum: 0 }),
          rate: number('执行率', 'Execution rate', '百分比，如 96 表示 96%', 'A percentage: 96 means 96 %', { minimum: 0 }),
        })),
      })),
    },
    ['apiVersion', 'kind', 'project'],
  ),
};

const fraction = { type: 'number', minimum: 0, maximum: 1 };
const band = (zh, en) =>
  t(zh, en, `“${zh}”等级的得分区间与默认得分（占分值的比例）`, `The band of the level ${en.toLowerCase()} and its default, as fractions of the weight`, obj({
    band: t('得分区间', 'Band', '[下限，上限]，占分值的比例；下限包含，上限不含（1.0 除外）', '[low, high] as fractions of the weight; low included, high excluded except 1.0', { type: 'array', prefixItems: [fraction, fraction], minItems: 2, maxItems: 2 }),
    default: t('默认得分比例', 'Default', '没有评分或专家评分时使用', 'Used when neither a score nor a panel is given', fraction),
  }));
const threshold = (zh, en, zhd, end) => number(zh, en, zhd, end, { minimum: 0 });

export const policy = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}scoring-policy`,
  ...t('评分规则', 'Scoring policy', '可继承内置规则并覆盖任意数值', 'Extends a built-in policy and overrides any value'),
  ...obj(
    {
      ...header('ScoringPolicy'),
      name: string('名称', 'Name', '评分规则的名称，报告中列示', 'The name of the policy, shown in reports', { minLength: 1 }),
      extends: string('继承', 'Extends', '内置规则 self/key 或另一文件', 'A built-in policy (self, key) or another file'),
      sections: t('一级指标分值', 'Section weights', '各一级指标的分值', 'Points per level-1 section', {
        type: 'object',
        propertyNames: { enum: level1Enum },
        additionalProperties: { type: 'number', minimum: 0 },
      }),
      execution: t('预算执行率', 'Budget execution', '预算执行率的分值和须说明原因的阈值', 'The points of budget execution and the rate needing a reason', obj({
        weight: number('预算执行率分值', 'Execution weight', '预算执行率的分值，单位自评默认 10', 'Points for budget execution; 10 under self', { minimum: 0 }),
        reasonBelow: number('须说明原因的执行率', 'Rate needing a reason', '执行率低于此值（0-1）须说明原因，默认 0.9', 'An execution rate below this (0-1) needs a written reason; default 0.9', { minimum: 0, maximum: 1 }),
      })),
      grades: t('等级划分', 'Grade bands', '下限包含', 'Lower bound included', {
        type: 'array',
        minItems: 1,
        items: obj({ min: number('下限', 'Minimum', '该等级的最低总分（含）', 'The lowest total of the grade (included)', { minimum: 0, maximum: 100 }), grade: t('等级', 'Grade', '优/良/中/差', 'excellent | good | fair | poor', { enum: gradeEnum }) }, ['min', 'grade']),
      }),
      reverse: t('反向指标计分', 'Reverse rule', 'ratio：目标/实际；linear: 1-（实际-目标）/目标', 'ratio: target/actual; linear: 1-(actual-target)/target', { enum: ['ratio', 'linear'] }),
      qualitative: t('定性指标等级', 'Qualitative levels', '达成、部分达成、未达成三个等级的得分区间', 'The bands of the levels achieved, partial and failed', obj({ achieved: band('达成', 'Achieved'), partial: band('部分达成', 'Partly achieved'), failed: band('未达成', 'Not achieved') })),
      overAchievement: number('超额完成提示阈值', 'Over-achievement threshold', '实际/目标', 'actual / target', { minimum: 1 }),
      panel: t('专家评分', 'Expert panel', '多名专家评分的合成方法', 'How the scores of several experts are combined', obj({
        method: t('合成方法', 'Method', 'trimmed-mean 去掉一个最高分和一个最低分后取平均，mean 平均，median 中位数', 'trimmed-mean drops one highest and one lowest score; mean; median', { enum: ['trimmed-mean', 'mean', 'median'] }),
        minRaters: t('去极值最少人数', 'Minimum raters', '专家人数达到此数时才去掉最高分和最低分', 'The trimmed mean drops extremes only from this many raters on', { type: 'integer', minimum: 1 }),
        spread: number('评分分歧阈值', 'Spread threshold', '专家评分极差占分值比例', 'Max-min spread as a fraction of the weight', { minimum: 0 }),
      })),
      assessorWeights: t('评价主体权重', 'Assessor weights', '综合得分中各评价主体的权重，未列出的为 1', 'The weight of each assessor in the composite score; one not listed weighs 1', {
        type: 'object',
        propertyNames: { enum: roleEnum },
        additionalProperties: { type: 'number', minimum: 0 },
      }),
      decimals: t('保留小数位', 'Decimals', '四舍五入', 'Rounded half-up', { type: 'integer', minimum: 0, maximum: 6 }),
      recheck: t('复核', 'Recheck', '自评表所列得分与复核得分的容差', 'How far a printed score may be from the recomputed one', obj({
        tolerance: number('复核容差', 'Tolerance', '自评得分与复核得分之差超过 min（容差，相对容差 × 分值）即为差异', 'A claimed score differs when it is off by more than min(tolerance, relativeTolerance × the item\'s weight)', { minimum: 0 }),
        relativeTolerance: number('相对复核容差', 'Relative tolerance', '占该项分值的比例，默认 0.05（总分按 100 分、执行率按 100 个百分点计）', "A fraction of the item's weight, default 0.05 (the total counts as 100 points, the execution rate as 100 percentage points)", { minimum: 0, maximum: 1 }),
      })),
      application: t('结果应用', 'Result application', '各等次下年度预算的调整比例和措施', "Next year's budget change and action per grade", obj(
        Object.fromEntries(
          [['excellent', '优'], ['good', '良'], ['fair', '中'], ['poor', '差']].map(([g, zh]) => [
            g,
            t(`${zh}等次`, `Grade ${g}`, `评价等次为“${zh}”的项目`, `Projects graded ${g}`, obj({ adjustPct: number('预算调整百分比', 'Budget adjustment %', '下年度预算增减的百分比，如 -10', "Next year's budget change in per cent, e.g. -10", { minimum: -100 }), action: string('措施', 'Action', '结果应用措施，如 核减预算并整改', 'What is done, e.g. 核减预算并整改') })),
          ]),
        ),
      )),
      monitoring: t('运行监控阈值', 'Monitoring thresholds', 'bpm variance 的预警阈值', 'The warning thresholds of bpm variance', obj({
        pace: t('预算执行进度', 'Budget pace', '进度比 = 预算执行率 / 时间进度', 'pace = execution rate / time progress', obj({
          red: threshold('红色预警', 'Red', '进度比低于此值为红色，默认 0.6', 'Below this the pace is red; default 0.6'),
          yellow: threshold('黄色预警', 'Yellow', '进度比低于此值为黄色，默认 0.8', 'Below this the pace is yellow; default 0.8'),
        })),
        indicator: t('指标完成进度', 'Indicator progress', '比值 = 实际值 / 预期值（≤ 指标取倒数）', 'ratio = actual / expected (inverted for "<=")', obj({
          red: threshold('红色预警', 'Red', '比值低于此值为红色，默认 0.6', 'Below this the ratio is red; default 0.6'),
          yellow: threshold('黄色预警', 'Yellow', '比值低于此值为黄色，默认 0.8', 'Below this the ratio is yellow; default 0.8'),
          ahead: threshold('超前', 'Ahead', '比值达到此值为超前，默认 1.2', 'At or above this the indicator is ahead; default 1.2'),
        })),
        dualGap: number('双监控偏差阈值', 'Dual-monitoring gap', '百分点', 'Percentage points', { minimum: 0 }),
        likelihood: t('完成目标可能性', 'Likelihood', '预计年末值 / 目标值', 'projection / target', obj({
          possible: threshold('有可能', 'Possible', '达到此值为有可能，达到 1 为确定能，默认 0.8', 'At or above this the target is possible (certain at 1); default 0.8'),
        })),
      })),
      review: t('目标审核阈值', 'Review thresholds', 'bpm review 的评分与判定阈值', 'Scores and thresholds of bpm review', obj({
        minScore: number('通过分数线', 'Pass mark', '审核得分不低于此值且无必须修改项为通过（默认 80）', 'A dossier passes at or above this score with no required change (default 80)', { minimum: 0, maximum: 100 }),
        minQuantitativeShare: number('定量指标最低占比', 'Minimum quantitative share', '0-1，默认 0.6', '0-1, default 0.6', { minimum: 0, maximum: 1 }),
        maxTargetToBaseline: number('目标/上年实际值上限', 'Maximum target / baseline', '超过视为不切实际（默认 2）', 'Above this a target is unrealistic (default 2)', { exclusiveMinimum: 1 }),
        unitCostFactor: number('单位成本偏离倍数', 'Unit-cost outlier factor', '与同类项目中位数相比超出 [1/f, f] 为异常（默认 3）', 'Outside median × [1/f, f] of the same category is an outlier (default 3)', { exclusiveMinimum: 1 }),
        costBudgetFactor: number('成本指标与预算偏离倍数', 'Cost-indicator vs budget factor', '单位成本×产出与预算相差超过此倍数为不一致（默认 1.5）', 'Unit-cost target × output off the budget by more than this factor is inconsistent (default 1.5)', { exclusiveMinimum: 1 }),
        maxQuarterShare: number('单季度用款最高占比', 'Maximum quarter share', '一季度或四季度超过此比例为前期/后期集中（默认 0.4）', 'Q1 or Q4 above this share of the budget is front-/back-loaded (default 0.4)', { minimum: 0, maximum: 1 }),
        requiredSections: t('必备一级指标', 'Required sections', '每个绩效目标必须包含的一级指标（默认 产出、效益、满意度）', 'Level-1 sections every dossier must have (default output, effect, satisfaction)', {
          type: 'array',
          items: { enum: level1Enum },
          uniqueItems: true,
        }),
        weights: t('审核维度分值', 'Dimension weights', '各审核维度的分值，合计宜为 100', 'Points per review dimension; should add up to 100', obj({
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
  $id: `${BASE}strategy-plan`,
  ...t('战略规划', 'Strategy plan', '绩效目标须服务的战略目标', 'The strategic objectives that goals must serve'),
  ...obj(
    {
      ...header('StrategyPlan'),
      name: string('名称', 'Name', '规划的名称', 'The name of the plan', { minLength: 1 }),
      objectives: t('战略目标', 'Objectives', '申报表的 project.objectives 引用其编号', "Their ids are what a dossier's project.objectives name", {
        type: 'array',
        minItems: 1,
        items: obj(
          {
            id: { ...code, ...t('目标编号', 'Objective id', '如 S3.2，在规划内唯一', 'e.g. S3.2; unique in the plan') },
            title: string('目标名称', 'Title', '战略目标的内容', 'What the objective is', { minLength: 1 }),
            parent: string('上级目标', 'Parent', '上级战略目标的编号', 'The id of the objective above it'),
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
