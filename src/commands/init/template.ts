// The blank 绩效目标申报表 of `bpm init --format xlsx`: the official layout (docs/formats.md#excel-workbooks) with
// the Sichuan-style separate 指标性质 | 指标值 | 度量单位 columns, so that an operator is chosen
// from a list rather than typed, and 分值 and 取值依据 columns. Drop-down lists for 一级指标,
// 二级指标, 指标性质 and 取值依据 read their choices from a hidden sheet 选项. What a person fills
// in reads back through io/xlsx/forms as a ProjectDossier.
import { LEVEL1_ZH, LEVEL2 } from '../../core/model/aliases.js';
import type { CellStyle, WriteCell, WriteSheet } from '../../io/xlsx/write.js';

/** Indicator rows of the blank form. */
export const TEMPLATE_ROWS = 20;
/** The first indicator row. */
export const FIRST_ROW = 10;

const LEVEL1 = [LEVEL1_ZH.output, LEVEL1_ZH.effect, LEVEL1_ZH.satisfaction, LEVEL1_ZH.cost];
const LEVEL2_NAMES = [...new Set(Object.values(LEVEL2).flatMap((t) => Object.values(t!)))];
const OPERATORS = ['≥', '≤', '=', '定性'];
const BASES = ['计划标准', '行业标准', '历史标准', '其他'];

const cellStyle: CellStyle = { border: true, wrap: true, align: 'center' };
const label: CellStyle = { ...cellStyle, bold: true };
const text: CellStyle = { border: true, wrap: true, align: 'left' };

/** The blank form; its title names `year` when one is given (else a gap to write it in). */
export function declarationTemplate(year?: number): WriteSheet[] {
  const cells: WriteCell[] = [];
  const put = (row: number, col: number, value: string | null, style: CellStyle = cellStyle) => cells.push({ row, col, value, style });
  put(1, 1, '项目支出绩效目标申报表', { bold: true, size: 16, align: 'center' });
  put(2, 1, year === undefined ? '（      年度）' : `（${year}年度）`, { align: 'center' });
  put(3, 1, '项目名称', label);
  put(3, 3, null, text);
  put(3, 6, '项目编码', label);
  put(3, 7, null, text);
  put(4, 1, '主管部门', label);
  put(4, 3, null, text);
  put(4, 6, '实施单位', label);
  put(4, 7, null, text);
  put(5, 1, '计划开始日期', label);
  put(5, 3, null, { ...text, numFmt: 'yyyy-mm-dd' });
  put(5, 6, '计划完成日期', label);
  put(5, 7, null, { ...text, numFmt: 'yyyy-mm-dd' });
  put(6, 1, '项目资金（万元）', label);
  put(6, 3, '年度资金总额', label);
  put(6, 4, '其中：财政拨款', label);
  put(6, 5, '其他资金', label);
  put(6, 6, null);
  for (const col of [3, 4, 5]) put(7, col, null, { ...cellStyle, numFmt: '0.00' });
  put(7, 6, null);
  put(8, 1, '年度总体目标', label);
  put(8, 3, null, text);
  put(9, 1, '绩效指标', label);
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '取值依据'].forEach((h, i) => put(9, i + 2, h, label));
  const last = FIRST_ROW + TEMPLATE_ROWS - 1;
  for (let r = FIRST_ROW; r <= last; r++) {
    for (let c = 2; c <= 9; c++) put(r, c, null, c === 4 ? text : c === 8 ? { ...cellStyle, numFmt: '0.00' } : cellStyle);
  }
  const total = last + 1;
  put(total, 1, '总分', label);
  put(total, 8, null, { ...cellStyle, numFmt: '0.00' });
  put(total, 9, null);
  put(total + 1, 1, '填表说明：比较符号在“指标性质”列选择（≥ 不低于，≤ 不高于，= 等于，定性）；“指标值”只填数字或定性描述，单位填在“度量单位”列；金额单位为万元。', { wrap: true, align: 'left' });

  const list = (col: string, n: number) => ({ range: `'选项'!$${col}$1:$${col}$${n}` });
  const rows = (col: string) => `${col}${FIRST_ROW}:${col}${last}`;
  const form: WriteSheet = {
    name: '绩效目标申报表',
    cells,
    merges: ['A1:I1', 'A2:I2', 'A3:B3', 'C3:E3', 'G3:I3', 'A4:B4', 'C4:E4', 'G4:I4', 'A5:B5', 'C5:E5', 'G5:I5', 'A6:B7', 'F6:I7', 'A8:B8', 'C8:I8', `A9:A${last}`, `A${total}:G${total}`, `A${total + 1}:I${total + 1}`],
    widths: { 1: 8, 2: 12, 3: 16, 4: 30, 5: 10, 6: 14, 7: 10, 8: 8, 9: 12 },
    heights: { ...Object.fromEntries(Array.from({ length: total - 2 }, (_, i) => [i + 3, 20])), 1: 30, 8: 60, [total + 1]: 32 },
    validations: [
      { ref: rows('B'), list: list('A', LEVEL1.length) },
      { ref: rows('C'), list: list('B', LEVEL2_NAMES.length) },
      { ref: rows('E'), list: list('C', OPERATORS.length) },
      { ref: rows('I'), list: list('D', BASES.length) },
    ],
    freezeRows: 9,
  };
  const options: WriteSheet = {
    name: '选项',
    state: 'hidden',
    cells: [LEVEL1, LEVEL2_NAMES, OPERATORS, BASES].flatMap((values, i) => values.map((value, j) => ({ row: j + 1, col: i + 1, value }))),
  };
  return [form, options];
}
