// The skeleton of `bpm init --blank`: a dossier and an evaluation with every required field
// present, the values an analyst must supply left as a placeholder word (待填写, or TODO with
// --lang en) that `bpm validate` reports as the error `placeholder` at its line, naming the field
// (io/schema.ts), and the fields with an obvious first value filled in (apiVersion, kind, year,
// period, unit, indicator codes and levels). A comment beside each field says what goes there.
// The monitoring CSV holds its header only.

/** The three files of a blank project, by name, for the fiscal `year`; `todo` is the placeholder word. */
export function blankFiles(year: number, todo: string): { name: string; content: string }[] {
  return [
    { name: 'dossier.yaml', content: blankDossier(year, todo) },
    { name: 'evaluation.yaml', content: blankEvaluation(todo) },
    { name: 'monitoring.csv', content: 'project,period,metric,value,note\n' },
  ];
}

function blankDossier(year: number, todo: string): string {
  return `# yaml-language-server: $schema=../../schemas/project-dossier.schema.json
# 项目支出绩效目标申报表（${year}年度）/ Project performance goals, ${year}
# 把每个“${todo}”换成本项目的内容；bpm validate 逐项指出尚未填写之处。
# Replace each ${todo} with the project's own value; bpm validate lists those still left.
apiVersion: bpm/v1
kind: ProjectDossier
project:
  code: ${todo}            # 项目编码（字母、数字、. _ -）/ project code (letters, digits, . _ -)
  name: ${todo}            # 项目名称 / project name
  department: ${todo}      # 主管部门 / department in charge
  unit: ${todo}            # 实施单位（可删去）/ implementing unit (optional: may be deleted)
  year: ${year}
  period: {start: ${year}-01-01, end: ${year}-12-31}   # 实施期间 / project period
  objectives: [${todo}]    # 服务的战略目标编号（StrategyPlan 中的 id）/ ids of the strategic objectives served
budget:
  unit: 万元               # 万元 或 元 / 万元 or 元
  total: ${todo}           # 全年预算数 / full-year budget
  # 可选 / optional:
  # initial: 年初预算数，默认等于 total / initial budget, default total
  # sources: [{name: 当年财政拨款, amount: …}]   # 资金来源，合计等于 total / funding sources adding up to total
  # schedule: {Q1: …, Q2: …, Q3: …, Q4: …}       # 分季度用款计划，合计等于 total / spending planned in each quarter
goal: ${todo}              # 年度总体目标：做什么、做多少、何时完成 / overall annual goal: what, how much, by when
# 绩效指标：按 self 评分规则，产出指标分值合计 50、效益指标 30、满意度指标 10；可增加行。
# Indicators: under the self policy output weighs 50 in all, effect 30, satisfaction 10; add rows as needed.
indicators:
  - code: OUT-1
    level1: output         # 产出指标 / output
    level2: quantity       # quantity 数量 | quality 质量 | timeliness 时效 | cost 成本
    name: ${todo}          # 三级指标 / indicator name
    operator: ">="         # ">=" | "<=" | "=" | qualitative（定性）
    target: ${todo}        # 指标值（定性指标填文字）/ target (text for a qualitative indicator)
    unit: ${todo}          # 计量单位，如 场、人次、万元、% / unit
    weight: ${todo}        # 分值 / points
  - code: EFF-1
    level1: effect         # 效益指标 / effect
    level2: social         # economic 经济 | social 社会 | ecological 生态 | sustainability 可持续影响
    name: ${todo}
    operator: ">="
    target: ${todo}
    unit: ${todo}
    weight: ${todo}
  - code: SAT-1
    level1: satisfaction   # 满意度指标 / satisfaction
    level2: satisfaction
    name: ${todo}          # 如：服务对象满意度 / e.g. satisfaction of the people served
    operator: ">="
    target: ${todo}        # 百分数写 90，不写 0.9 / a percentage: 90, not 0.9
    unit: "%"
    weight: ${todo}
`;
}

function blankEvaluation(todo: string): string {
  return `# yaml-language-server: $schema=../../schemas/evaluation.schema.json
# 项目支出绩效自评（年度终了填写）/ Self-evaluation, filled in after the year ends
# 把每个“${todo}”换成实际数据；bpm score 计算得分。
# Replace each ${todo} with the facts; bpm score computes the scores.
apiVersion: bpm/v1
kind: Evaluation
project: ${todo}           # 与申报表的 project.code 相同 / the dossier's project.code
budget:
  executed: ${todo}        # 全年执行数（与申报表同一金额单位）/ amount executed in the year, in the dossier's unit
actuals:                   # 实际完成值，按指标编码 / actual values by indicator code
  OUT-1: ${todo}
  EFF-1: ${todo}
  SAT-1: ${todo}           # 或 {survey: {respondents: 调查人数, satisfied: 满意人数}} / or a survey
`;
}
