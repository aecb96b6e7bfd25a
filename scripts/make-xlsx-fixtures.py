#!/usr/bin/python3
"""Writes the workbook fixtures of test/fixtures/xlsx/ in the official layouts (docs/formats.md#excel-workbooks).

The fixtures are committed: CI needs neither Python nor LibreOffice. To rewrite them here:

    apt-get install -y python3-openpyxl libreoffice-calc-nogui
    /usr/bin/python3 scripts/make-xlsx-fixtures.py

openpyxl writes the forms (merges, number formats, borders); LibreOffice then opens and saves
the ones with formulas, which computes their cached values as Excel would, and writes the old
binary .xls. The formula fixture without cached values is openpyxl's own output. Every number
below mirrors a YAML example or a hand-written expectation in test/unit/io/xlsx/.
"""
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'xlsx')

THIN = Side(style='thin')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name='宋体', size=11)
BOLD = Font(name='宋体', size=11, bold=True)
TITLE = Font(name='宋体', size=16, bold=True)
WRAP = Alignment(wrap_text=True, vertical='center', horizontal='center')


class Form:
    """A sheet filled like a form: put(), merge(), with borders and 宋体 on every filled cell."""

    def __init__(self, ws):
        self.ws = ws

    def put(self, ref, value, fmt=None, font=FONT, border=True):
        c = self.ws[ref]
        c.value = value
        c.font = font
        c.alignment = WRAP
        if border:
            c.border = BORDER
        if fmt:
            c.number_format = fmt
        return c

    def merge(self, rng, value=None, fmt=None, font=FONT, border=True):
        first = rng.split(':')[0]
        if value is not None:
            self.put(first, value, fmt, font, border)
        self.ws.merge_cells(rng)

    def title(self, rng, text):
        self.merge(rng, text, font=TITLE, border=False)

    def widths(self, **w):
        for col, width in w.items():
            self.ws.column_dimensions[col].width = width


def twin_sheet(ws, with_values=True, output_label='产出指标（50分）'):
    """自评表 (财预〔2020〕10号) twin of examples/old-neighbourhood-renovation."""
    f = Form(ws)
    f.widths(A=6, B=14, C=16, D=26, E=16, F=16, G=10, H=10, I=16, J=16)
    f.title('A1:J1', '项目支出绩效自评表')
    f.merge('A2:J2', '（2025年度）', border=False)
    f.merge('A3:B3', '项目名称')
    f.merge('C3:F3', '2025年城镇老旧小区改造项目')
    f.put('G3', '项目编码')
    f.merge('H3:J3', 'DL-2025-ZJ-001')
    f.merge('A4:B4', '主管部门')
    f.merge('C4:F4', '大连市住房和城乡建设局')
    f.put('G4', '实施单位')
    f.merge('H4:J4', '大连市城市建设事务服务中心')
    f.merge('A5:B9', '项目资金\n（万元）')
    f.merge('C5:D5', '')
    for ref, text in zip('EFGHIJ', ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']):
        f.put(f'{ref}5', text)
    f.merge('C6:D6', '年度资金总额')
    f.put('E6', 2650.75, '0.00')
    f.put('F6', 2650.75, '0.00')
    f.put('G6', 2253.14, '0.00')
    f.put('H6', 10)
    f.put('I6', '=G6/F6', '0.00%')
    f.put('J6', '=H6*I6', '0.00')
    sources = [('其中：中央财政城镇保障性安居工程补助资金', 1200), ('当年财政拨款', 1250.75), ('居民及管线单位出资', 200)]
    for i, (name, amount) in enumerate(sources):
        r = 7 + i
        f.merge(f'C{r}:D{r}', name)
        f.put(f'E{r}', amount, '0.00')
        f.put(f'F{r}', amount, '0.00')
        for ref in 'GHIJ':
            f.put(f'{ref}{r}', '—' if ref in 'HJ' else None)
    f.merge('A10:B11', '年度总体目标')
    f.merge('C10:F10', '预期目标')
    f.merge('G10:J10', '实际完成情况')
    f.merge('C11:F11', '2025年完成中山区、西岗区、沙河口区、甘井子区12个2000年底前建成的老旧小区改造，改造建筑面积7.2万平方米，更新供热、排水等老旧管网9.6公里，惠及居民1380户；11月15日前全部完工，竣工验收合格率100%，单位改造成本不超过350元/平方米，改造后小区适老化设施覆盖率达到80%，居民满意度达到90%以上。')
    f.merge('G11:J11', '完成8个小区改造，改造建筑面积4.9万平方米，更新管网6.2公里，惠及居民890户；其余4个小区顺延至2026年5月完工。')
    ws.row_dimensions[11].height = 90
    f.merge('A12:A21', '绩效指标')
    for ref, text in zip('BCDEFGH', ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']):
        f.put(f'{ref}12', text, font=BOLD)
    f.merge('I12:J12', '偏差原因分析及改进措施', font=BOLD)
    f.merge('B13:B17', output_label)
    f.merge('C13:C15', '数量指标')
    f.put('C16', '质量指标')
    f.put('C17', '成本指标')
    f.merge('B18:B20', '效益指标（30分）')
    f.put('C18', '社会效益指标')
    f.put('C19', '可持续影响指标')
    f.put('C20', '社会效益指标')
    f.put('B21', '满意度指标（10分）')
    f.put('C21', '服务对象满意度指标')
    rows = [
        ('完成改造老旧小区数量', '≥12个', '8个', 10, 10, '甘井子区2个小区居民同意率未达到三分之二，9月才开工；另2个小区外墙保温跨年施工，4个小区顺延至2026年5月完工'),
        ('完成改造建筑面积', '≥7.2万平方米', '4.9万平方米', 15, 10.21, '同上，4个小区2.3万平方米顺延至2026年完成'),
        ('更新改造老旧管网长度', '≥9.6公里', 6.2, 5, 3.23, '供热管网须在采暖期前停止施工，剩余3.4公里安排在2026年非采暖期实施'),
        # Typed with a full-width ＝: an ASCII = would make Excel read a formula.
        ('竣工验收合格率', '＝100%', (1, '0%'), 10, 10, None),
        ('单位改造成本', '≤350元/平方米', '386元/平方米', 10, 10, '钢材、保温材料价格上涨，2个小区按居民意见增加雨污分流改造内容'),
        ('惠及居民户数', '≥1380户', '890户', 10, 6.45, '完工小区减少，惠及户数相应减少'),
        ('改造小区长效管理机制', '改造完成的小区100%成立业主委员会或物业管理委员会，并引入专业化物业服务或实行街道托管', '未达成', 10, 8, '8个完工小区中仅3个成立业主委员会或物业管理委员会，其余5个尚在筹备'),
        ('改造小区适老化设施覆盖率', '≥80%', (0.64, '0%'), 10, 8, '加装电梯受居民意见不一致影响，适老化设施覆盖不足'),
        ('改造小区居民满意度', '≥90%', '78.75%', 10, 8.75, '施工周期延长、外墙保温施工扰民'),
    ]
    for i, (name, target, actual, weight, score, note) in enumerate(rows):
        r = 13 + i
        f.put(f'D{r}', name)
        f.put(f'E{r}', target)
        if isinstance(actual, tuple):
            f.put(f'F{r}', actual[0], actual[1])
        else:
            f.put(f'F{r}', actual)
        f.put(f'G{r}', weight)
        f.put(f'H{r}', score, '0.00')
        f.merge(f'I{r}:J{r}', note if note else '')
    f.merge('A22:F22', '总分', font=BOLD)
    f.put('G22', '=SUM(G13:G21)+H6')
    # The claimed total as the unit typed it (the parts add up to 83.14: a mistake the recheck finds).
    f.put('H22', 84, '0.00')
    f.merge('I22:J22', '')
    f.merge('A23:B23', '自评等级')
    f.merge('C23:J23', '良')
    f.merge('A24:J24', '填表人：王某某          联系电话：0411-8xxxxxx6          填报日期：2026年1月20日', border=False)


def self_eval_small(ws, code, name, executed, rows, hidden_note=None):
    """A compact 自评表 for the several-projects workbook."""
    f = Form(ws)
    f.title('A1:I1', '项目支出绩效自评表')
    f.merge('A2:I2', '（2025年度）', border=False)
    f.put('A3', '项目名称')
    f.merge('B3:E3', name)
    f.put('F3', '项目编码')
    f.merge('G3:I3', code)
    f.put('A4', '主管部门')
    f.merge('B4:E4', '大连市卫生健康委员会')
    f.put('F4', '实施单位')
    f.merge('G4:I4', '大连市疾病预防控制中心')
    f.merge('A5:A6', '项目资金（万元）')
    for ref, text in zip('BCDEFGH', ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']):
        f.put(f'{ref}5', text)
    f.put('B6', '年度资金总额')
    f.put('C6', 100)
    f.put('D6', 100)
    f.put('E6', executed)
    f.put('F6', 10)
    f.put('G6', executed / 100, '0.0%')
    f.put('H6', executed / 10, '0.00')
    f.put('A7', '年度总体目标')
    f.merge('B7:I7', f'{name}：全年完成目标任务')
    f.merge(f'A8:A{8 + len(rows)}', '绩效指标')
    for ref, text in zip('BCDEFGHI', ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']):
        f.put(f'{ref}8', text)
    for i, row in enumerate(rows):
        r = 9 + i
        for ref, v in zip('BCDEFGHI', row):
            if isinstance(v, tuple):
                f.put(f'{ref}{r}', v[0], v[1])
            else:
                f.put(f'{ref}{r}', v)
    r = 9 + len(rows)
    f.merge(f'A{r}:F{r}', '总分')
    f.put(f'G{r}', 100)
    f.put(f'H{r}', sum(x[6] for x in rows) + executed / 10, '0.00')


def sichuan_sheet(ws):
    """部门预算项目支出绩效自评表, Sichuan 一体化 layout: separate 指标性质/指标值/度量单位 columns."""
    f = Form(ws)
    f.title('A1:K1', '部门预算项目支出绩效自评表')
    f.merge('A2:K2', '（2023年度）', border=False)
    # A line the central form does not have: every label below sits one row lower.
    f.merge('A3:K3', '填报单位（盖章）：四川省某某厅', border=False)
    f.put('A4', '项目名称')
    f.merge('B4:K4', '51000021R000000019951-工资性支出')
    f.put('A5', '主管部门')
    f.merge('B5:E5', '四川省某某厅')
    f.put('F5', '实施单位')
    f.merge('G5:K5', '四川省某某事务中心')
    f.merge('A6:A11', '预算执行情况（万元）(10分)')
    for ref, text in zip('BCDEFGH', ['', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分']):
        f.put(f'{ref}6', text)
    f.merge('I6:K6', '原因')
    # Amounts typed as text, as the 一体化 system exports them.
    budget = [('总额', '1,520.00', '1,650.00', '1,610.50'), ('其中:财政资金', '1,520.00', '1,650.00', '1,610.50'), ('财政专户管理资金', '0', '0', '0'), ('单位资金', '', '', ''), ('其他资金', '', '', '')]
    for i, (name, a, b, c) in enumerate(budget):
        r = 7 + i
        f.put(f'B{r}', name)
        f.put(f'C{r}', a or None)
        f.put(f'D{r}', b or None)
        f.put(f'E{r}', c or None)
        f.merge(f'I{r}:K{r}', '')
    f.put('F7', 1610.5 / 1650, '0.00%')
    f.put('G7', 10)
    f.put('H7', 9.76, '0.00')
    f.put('I7', '年中追加人员经费130万元')
    f.merge('A12:A13', '年度总体目标')
    f.merge('B12:F12', '预期目标')
    f.merge('G12:K12', '实际完成情况')
    f.merge('B13:F13', '保障120名在职人员工资按月足额发放，保障单位正常运转。')
    f.merge('G13:K13', '全年按月足额发放118名在职人员工资，单位运转正常。')
    f.merge('A14:A22', '绩效指标(90分)')
    for ref, text in zip('BCDEFGHIJK', ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']):
        f.put(f'{ref}14', text)
    # 一级/二级 are blank under their first row (no merges): they are filled down.
    rows = [
        ('产出指标', '数量指标', '保障在职人员数', '≥', 120, '人', '118', 20, 19.67, '2人调离'),
        ('', '', '其中：新进人员', '≥', 5, '人', 6, None, None, None),
        ('', '质量指标', '工资发放准确率', '=', 100, '%', 100, 10, 10, None),
        ('', '时效指标', '工资按月及时发放', '定性', '按月发放', None, '按期完成', 10, 10, None),
        ('', '成本指标', '人均年工资成本', '≤', 13.2, '万元/人', 13.1, 10, 10, None),
        ('效益指标', '社会效益指标', '保障单位正常运转', '定性', '正常运转', None, '达成预期指标', 15, 15, None),
        ('', '可持续影响指标', '人员队伍稳定性', '≥', 95, '%', '96%', 15, 15, None),
        ('满意度指标', '服务对象满意度指标', '职工满意度', '≥', 90, '%', (0.93, '0%'), 10, 10, None),
    ]
    for i, row in enumerate(rows):
        r = 15 + i
        for ref, v in zip('BCDEFGHIJK', row):
            if isinstance(v, tuple):
                f.put(f'{ref}{r}', v[0], v[1])
            else:
                f.put(f'{ref}{r}', v if v != '' else None)
    f.merge('A23:H23', '总分')
    f.put('I23', 100)
    f.put('J23', 98.43, '0.00')
    f.put('K23', None)


def declaration_sheet(ws):
    """项目支出绩效目标申报表 (central 财预〔2015〕88号 style) of examples/culture-community-events."""
    f = Form(ws)
    f.widths(A=10, B=14, C=16, D=30, E=20, F=20)
    f.title('A1:F1', '项目支出绩效目标申报表')
    f.merge('A2:F2', '（2025年度）', border=False)
    f.put('A3', '项目名称')
    f.merge('B3:C3', '社区文化惠民工程')
    f.put('D3', '项目负责人及电话')
    f.merge('E3:F3', '李某某 0411-8xxxxxx1')
    f.put('A4', '主管部门')
    f.merge('B4:C4', '大连市文化和旅游局')
    f.put('D4', '实施单位')
    f.merge('E4:F4', '大连市群众艺术馆')
    f.merge('A5:A6', '项目资金\n（万元）')
    f.put('B5', '年度资金总额')
    f.put('C5', '其中：财政拨款')
    f.put('D5', '其他资金')
    f.merge('E5:F6', '')
    f.put('B6', 386.4)
    f.put('C6', 350.1)
    f.put('D6', 36.3)
    f.put('A7', '年度总体目标')
    f.merge('B7:F7', '2025年内在全市10个区（市）县举办社区文化活动不少于50场，参与市民5万人次以上；培训社区文艺骨干600人次，新组建社区群众文艺团队30支；单场活动平均成本控制在6.5万元以内，参与市民满意度达到90%以上。')
    ws.row_dimensions[7].height = 60
    f.merge('A8:A17', '绩效指标')
    for ref, text in zip('BCD', ['一级指标', '二级指标', '三级指标']):
        f.put(f'{ref}8', text)
    f.merge('E8:F8', '指标值')
    f.merge('B9:B13', '产出指标')
    f.merge('C9:C10', '数量指标')
    f.put('C11', '质量指标')
    f.put('C12', '时效指标')
    f.put('C13', '成本指标')
    f.merge('B14:B16', '效益指标')
    f.put('C14', '社会效益指标')
    f.put('C15', '可持续影响指标')
    f.put('C16', '社会效益指标')
    f.put('B17', '满意度指标')
    f.put('C17', '服务对象满意度指标')
    rows = [
        ('举办社区文化活动场次', '不少于50场'),
        ('培训社区文艺骨干人次', '≥600人次'),
        ('惠民演出中本土原创节目占比', '≥30%'),
        ('活动按季度计划如期举办', '各季度活动均按年度排期表如期举办，因组织原因取消或延期的场次为0'),
        ('单场活动平均成本', '6.5万元/场以内'),
        ('参与活动市民人次', '5万人次以上'),
        ('社区文化服务长效机制', '形成可复制推广的“15分钟公共文化服务圈”社区文化服务模式，编制服务规范并在全市至少3个区（市）县推广'),
        ('新组建社区群众文艺团队数量', '≥30支'),
        ('参与市民满意度', '不低于90%'),
    ]
    for i, (name, target) in enumerate(rows):
        r = 9 + i
        f.put(f'D{r}', name)
        f.merge(f'E{r}:F{r}', target)


def declaration_local_sheet(ws):
    """A local 申报表 variant: amounts in 元, 项目编码, planned dates, 上年度实际水平 | 本年度计划水平, 分值, 取值依据."""
    f = Form(ws)
    f.title('A1:H1', '2025年度项目支出绩效目标申报表')
    f.put('A2', '项目名称')
    f.merge('B2:D2', '社区卫生服务中心设备更新')
    f.put('E2', '项目编码')
    f.merge('F2:H2', 'SH-2025-WJ-007')
    f.put('A3', '主管部门')
    f.merge('B3:D3', '某区卫生健康委员会')
    f.put('E3', '实施单位')
    f.merge('F3:H3', '某区社区卫生服务中心')
    f.put('A4', '项目类别')
    f.merge('B4:D4', '专项业务费')
    f.put('E4', '项目性质')
    f.merge('F4:H4', '延续')
    f.put('A5', '计划开始日期')
    f.merge('B5:D5', date(2025, 3, 1), 'yyyy"年"m"月"d"日"')
    f.put('E5', '计划完成日期')
    f.merge('F5:H5', date(2025, 11, 30), 'yyyy-mm-dd')
    f.merge('A6:A8', '项目资金（元）')
    f.merge('B6:D6', '年度资金总额：')
    f.merge('E6:H6', 1850000, '#,##0.00')
    f.merge('B7:D7', '其中：财政拨款')
    f.merge('E7:H7', 1500000, '#,##0.00')
    f.merge('B8:D8', '自有资金')
    f.merge('E8:H8', 350000, '#,##0.00')
    f.put('A9', '年度总体目标')
    f.merge('B9:H9', '2025年11月底前完成5个社区卫生服务中心120台（套）诊疗设备更新，设备完好率98%，门诊服务人次比上年增长10%，居民满意度90%以上。')
    f.merge('A10:A16', '绩效指标')
    for ref, text in zip('BCDEFGH', ['一级指标', '二级指标', '三级指标', '上年度实际水平', '本年度计划水平', '分值', '取值依据']):
        f.put(f'{ref}10', text)
    rows = [
        ('产出指标（50分）', '数量指标', '更新诊疗设备数量', '96台（套）', '≥120台（套）', 20, '计划标准'),
        ('', '质量指标', '设备完好率', (0.95, '0%'), (0.98, '0%'), 15, '行业标准'),
        ('', '时效指标', '设备更新完成时间', None, '2025年11月底前完成', 15, '计划标准'),
        ('效益指标（30分）', '社会效益指标', '门诊服务人次', 185000, '≥203500人次', 15, '历史标准'),
        ('', '可持续影响指标', '设备使用年限', '5年', '≥8年', 15, '行业标准'),
        ('满意度指标（10分）', '服务对象满意度指标', '就诊居民满意度', '88%', '≥90%', 10, '历史标准'),
    ]
    for i, row in enumerate(rows):
        r = 11 + i
        for ref, v in zip('BCDEFGH', row):
            if isinstance(v, tuple):
                f.put(f'{ref}{r}', v[0], v[1])
            else:
                f.put(f'{ref}{r}', v if v != '' else None)
    f.merge('B11:B13', '产出指标（50分）')
    f.merge('B14:B15', '效益指标（30分）')


def placeholder_sheet(ws):
    """An unfilled 申报表: `**` placeholders in 指标值 (docs/formats.md#excel-workbooks)."""
    f = Form(ws)
    f.title('A1:E1', '项目支出绩效目标申报表')
    f.merge('A2:E2', '（2025年度）', border=False)
    f.put('A3', '项目名称')
    f.merge('B3:E3', 'MZ-2025-001-农村低保')
    f.put('A4', '主管部门')
    f.merge('B4:E4', '某县民政局')
    f.put('A5', '项目资金（万元）')
    f.put('B5', '年度资金总额')
    f.put('C5', 1200)
    f.put('A6', '年度总体目标')
    f.merge('B6:E6', '目标1：保障农村低保对象基本生活。')
    f.merge('A7:A9', '绩效指标')
    for ref, text in zip('BCDE', ['一级指标', '二级指标', '三级指标', '指标值']):
        f.put(f'{ref}7', text)
    f.put('B8', '产出指标')
    f.put('C8', '数量指标')
    f.put('D8', '农村低保发放人数')
    f.put('E8', '≥**人次')
    f.put('B9', '产出指标')
    f.put('C9', '成本指标')
    f.put('D9', '孤儿基本生活保障标准')
    f.put('E9', '**元/人·月')


def monitoring_sheet(ws):
    """Monitoring data with the §2.1 columns under their Chinese names."""
    f = Form(ws)
    for ref, text in zip('ABCDE', ['项目编码', '期间', '指标编码', '累计值', '说明']):
        f.put(f'{ref}1', text, font=BOLD)
    rows = [
        ('DL-2025-ZJ-001', '2025-Q1', 'spend', 265.4, '冬季停工，仅支付2024年续建工程款'),
        ('DL-2025-ZJ-001', '2025-Q1', 'OUT-1', 1, None),
        ('DL-2025-ZJ-001', '2025-Q1', 'EFF-3', (0.48, '0%'), None),
        ('DL-2025-ZJ-001', '2025-Q1', 'SAT-1', '83%', None),
        ('DL-2025-ZJ-001', '2025-Q2', 'spend', '818.6', '甘井子区2个小区居民意见征询未完成'),
        ('DL-2025-ZJ-001', '2025-Q2', 'OUT-2', '1.5', None),
        ('DL-2025-ZJ-001', (date(2025, 8, 1), 'yyyy-mm'), 'spend', '1,204.7', '8月末累计'),
    ]
    for i, row in enumerate(rows):
        r = 2 + i
        for ref, v in zip('ABCDE', row):
            if isinstance(v, tuple):
                f.put(f'{ref}{r}', v[0], v[1])
            else:
                f.put(f'{ref}{r}', v)


# The sixth example project, kept as workbooks (examples/sports-fitness-facilities/): a 申报表
# with 分值 and a 战略目标 row, and the unit's 自评表. The printed scores follow the rules except
# OUT-2 (full marks for a missed target), which the recheck finds.
SPORTS = {
    'code': 'DL-2025-TY-001',
    'name': '社区全民健身设施补短板工程',
    'department': '大连市体育局',
    'unit': '大连市体育事业发展中心',
    'goal': '2025年在全市新建更新社区健身路径不少于60处、多功能运动场8个，10月底前全部完工验收，健身器材验收合格率100%，单处健身路径平均造价不超过7.5万元；经常参加体育锻炼人口比例达到42%以上，设施管护责任落实率95%以上，周边居民满意度达到90%以上。',
    'outcome': '新建更新社区健身路径62处、多功能运动场7个（1个因选址调整顺延至2026年4月），均于10月底前完工验收；经常参加体育锻炼人口比例43.5%，周边居民满意度93%。',
    'sources': [('其中：当年财政拨款', 400), ('体育彩票公益金', 80)],
    # level1, level2, name, target, weight, actual, printed score, note
    'rows': [
        ('产出指标', '数量指标', '新建更新社区健身路径数量', '≥60处', 15, '62处', 15, None),
        ('产出指标', '数量指标', '新建多功能运动场数量', '≥8个', 10, '7个', 10, '1个运动场因选址调整顺延至2026年4月完工'),
        ('产出指标', '质量指标', '健身器材验收合格率', '＝100%', 10, (1, '0%'), 10, None),
        ('产出指标', '时效指标', '全部完工验收时间', '2025年10月底前全部完工验收', 5, '按期完成', 5, None),
        ('产出指标', '成本指标', '单处健身路径平均造价', '≤7.5万元/处', 10, '7.2万元/处', 10, None),
        ('效益指标', '社会效益指标', '经常参加体育锻炼人口比例', '≥42%', 15, (0.435, '0.0%'), 15, None),
        ('效益指标', '可持续影响指标', '设施日常管护责任落实率', '≥95%', 15, '92%', 14.53, '3个街道管护协议年底前未签订，已督促2026年一季度完成'),
        ('满意度指标', '服务对象满意度指标', '周边居民满意度', '≥90%', 10, '93%', 10, None),
    ],
}


def sports_declaration(ws):
    """绩效目标申报表 of the sixth example: 分值 and 取值依据 columns, a 战略目标 row."""
    f = Form(ws)
    p = SPORTS
    f.widths(A=10, B=14, C=16, D=28, E=24, F=12, G=8, H=10)
    f.title('A1:H1', '项目支出绩效目标申报表')
    f.merge('A2:H2', '（2025年度）', border=False)
    f.put('A3', '项目名称')
    f.merge('B3:D3', p['name'])
    f.put('E3', '项目编码')
    f.merge('F3:H3', p['code'])
    f.put('A4', '主管部门')
    f.merge('B4:D4', p['department'])
    f.put('E4', '实施单位')
    f.merge('F4:H4', p['unit'])
    f.put('A5', '项目类别')
    f.merge('B5:D5', '文化旅游体育与传媒')
    f.put('E5', '战略目标')
    f.merge('F5:H5', 'S6.4')
    f.merge('A6:A7', '项目资金\n（万元）')
    f.put('B6', '年度资金总额')
    f.put('C6', '其中：当年财政拨款')
    f.put('D6', '体育彩票公益金')
    f.merge('E6:H7', '')
    f.put('B7', 480, '0.00')
    f.put('C7', 400, '0.00')
    f.put('D7', 80, '0.00')
    f.put('A8', '年度总体目标')
    f.merge('B8:H8', p['goal'])
    ws.row_dimensions[8].height = 48
    f.merge('A9:A17', '绩效指标')
    for ref, text in zip('BCDEFGH', ['一级指标', '二级指标', '三级指标', '指标值', '上年度实际水平', '分值', '取值依据']):
        f.put(f'{ref}9', text, font=BOLD)
    bases = ['计划标准', '计划标准', '行业标准', '计划标准', '历史标准', '历史标准', '行业标准', '历史标准']
    baselines = ['52处', '5个', (1, '0%'), None, '7.6万元/处', (0.402, '0.0%'), '90%', '88%']
    for i, (l1, l2, name, target, weight, _a, _s, _n) in enumerate(p['rows']):
        r = 10 + i
        if r != 11:
            f.put(f'C{r}', l2)
        f.put(f'D{r}', name)
        f.put(f'E{r}', target)
        b = baselines[i]
        if isinstance(b, tuple):
            f.put(f'F{r}', b[0], b[1])
        else:
            f.put(f'F{r}', b)
        f.put(f'G{r}', weight)
        f.put(f'H{r}', bases[i])
    f.merge('B10:B14', '产出指标（50分）')
    f.merge('C10:C11', '数量指标')
    f.merge('B15:B16', '效益指标（30分）')
    f.put('B17', '满意度指标（10分）')
    f.merge('A18:H18', '填报人：张某某          联系电话：0411-8xxxxxx3          填报日期：2024年11月15日', border=False)


def sports_self_evaluation(ws):
    """项目支出绩效自评表 (财预〔2020〕10号) of the sixth example, with formulas (cached by LibreOffice)."""
    f = Form(ws)
    p = SPORTS
    f.widths(A=6, B=14, C=16, D=26, E=16, F=16, G=10, H=10, I=16, J=16)
    f.title('A1:J1', '项目支出绩效自评表')
    f.merge('A2:J2', '（2025年度）', border=False)
    f.merge('A3:B3', '项目名称')
    f.merge('C3:F3', p['name'])
    f.put('G3', '项目编码')
    f.merge('H3:J3', p['code'])
    f.merge('A4:B4', '主管部门')
    f.merge('C4:F4', p['department'])
    f.put('G4', '实施单位')
    f.merge('H4:J4', p['unit'])
    f.merge('A5:B8', '项目资金\n（万元）')
    f.merge('C5:D5', '')
    for ref, text in zip('EFGHIJ', ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']):
        f.put(f'{ref}5', text)
    f.merge('C6:D6', '年度资金总额')
    f.put('E6', 480, '0.00')
    f.put('F6', 480, '0.00')
    f.put('G6', 456.3, '0.00')
    f.put('H6', 10)
    f.put('I6', '=G6/F6', '0.00%')
    f.put('J6', '=ROUND(H6*I6,2)', '0.00')
    for i, (name, amount) in enumerate(p['sources']):
        r = 7 + i
        f.merge(f'C{r}:D{r}', name)
        f.put(f'E{r}', amount, '0.00')
        f.put(f'F{r}', amount, '0.00')
        for ref in 'GHIJ':
            f.put(f'{ref}{r}', '—' if ref in 'HJ' else None)
    f.merge('A9:B10', '年度总体目标')
    f.merge('C9:F9', '预期目标')
    f.merge('G9:J9', '实际完成情况')
    f.merge('C10:F10', p['goal'])
    f.merge('G10:J10', p['outcome'])
    ws.row_dimensions[10].height = 80
    f.merge('A11:A19', '绩效指标')
    for ref, text in zip('BCDEFGH', ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']):
        f.put(f'{ref}11', text, font=BOLD)
    f.merge('I11:J11', '偏差原因分析及改进措施', font=BOLD)
    f.merge('B12:B16', '产出指标（50分）')
    f.merge('C12:C13', '数量指标')
    f.merge('B17:B18', '效益指标（30分）')
    f.put('B19', '满意度指标（10分）')
    for i, (l1, l2, name, target, weight, actual, score, note) in enumerate(p['rows']):
        r = 12 + i
        if r != 13:
            f.put(f'C{r}', l2)
        f.put(f'D{r}', name)
        f.put(f'E{r}', target)
        if isinstance(actual, tuple):
            f.put(f'F{r}', actual[0], actual[1])
        else:
            f.put(f'F{r}', actual)
        f.put(f'G{r}', weight)
        f.put(f'H{r}', score, '0.00')
        f.merge(f'I{r}:J{r}', note if note else '')
    f.merge('A20:F20', '总分', font=BOLD)
    f.put('G20', '=SUM(G12:G19)+H6')
    f.put('H20', '=SUM(H12:H19)+J6', '0.00')
    f.merge('I20:J20', '')
    f.merge('A21:B21', '自评等级')
    f.merge('C21:J21', '优')
    f.merge('A22:J22', '填表人：张某某          联系电话：0411-8xxxxxx3          填报日期：2026年1月18日', border=False)


def sports_monitoring(ws):
    """The sixth example's quarterly monitoring data as a sheet (the 执行监控 figures to Q3)."""
    f = Form(ws)
    f.widths(A=18, B=10, C=10, D=10, E=40)
    for ref, text in zip('ABCDE', ['项目编码', '期间', '指标编码', '累计值', '说明']):
        f.put(f'{ref}1', text, font=BOLD)
    code = SPORTS['code']
    rows = [
        ('2025-Q1', 'spend', 72, '一季度完成设计和招标'),
        ('2025-Q1', 'OUT-1', 8, None),
        ('2025-Q1', 'OUT-2', 0, '运动场选址中'),
        ('2025-Q2', 'spend', 196.5, None),
        ('2025-Q2', 'OUT-1', 25, None),
        ('2025-Q2', 'OUT-2', 2, None),
        ('2025-Q2', 'EFF-2', (0.9, '0%'), None),
        ('2025-Q3', 'spend', 338.2, None),
        ('2025-Q3', 'OUT-1', 47, None),
        ('2025-Q3', 'OUT-2', 5, '1个运动场因选址调整推迟开工'),
        ('2025-Q3', 'OUT-5', 7.3, None),
        ('2025-Q3', 'EFF-2', (0.91, '0%'), None),
    ]
    for i, (period, metric, value, note) in enumerate(rows):
        r = 2 + i
        f.put(f'A{r}', code)
        f.put(f'B{r}', period)
        f.put(f'C{r}', metric)
        if isinstance(value, tuple):
            f.put(f'D{r}', value[0], value[1])
        else:
            f.put(f'D{r}', value)
        f.put(f'E{r}', note)


def recalculated(wb, name, tmp, out=OUT):
    """Saves through LibreOffice, which computes every formula's cached value."""
    src = os.path.join(tmp, name)
    wb.save(src)
    outdir = os.path.join(tmp, 'out')
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, HOME=tmp)
    subprocess.run(['soffice', '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', outdir, src], check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.copy(os.path.join(outdir, name), os.path.join(out, name))


def write_ole(path, encrypted):
    """An OLE compound file header (what Office wraps an encrypted .xlsx in), padded to 2 KB."""
    header = bytes.fromhex('D0CF11E0A1B11AE1') + bytes(16) + struct.pack('<HHHH', 0x3E, 3, 0xFFFE, 9)
    body = bytearray(header.ljust(1536, b'\0'))
    # A directory entry name as Office writes it (UTF-16LE).
    body += ('EncryptedPackage' if encrypted else 'Workbook').encode('utf-16le').ljust(64, b'\0')
    body += ('EncryptionInfo' if encrypted else 'SummaryInformation').encode('utf-16le').ljust(64, b'\0')
    with open(path, 'wb') as fh:
        fh.write(bytes(body).ljust(2048, b'\0'))


def write_zip_bomb(path):
    """A workbook whose sheet inflates past the 64 MB entry cap, with sizes that lie in the headers."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=False) as w:
            w.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = b' ' * (1 << 20)
            for _ in range(65):
                w.write(block)
            w.write(b'</sheetData></worksheet>')
    raw = bytearray(data.getvalue())
    # Make the sheet's declared size small in its local header and central directory entry: the
    # reader must stop at its cap while inflating, not trust the header.
    name = b'xl/worksheets/sheet1.xml'
    pos = 0
    while True:
        pos = raw.find(b'PK\x03\x04', pos)
        if pos < 0:
            break
        n = struct.unpack_from('<H', raw, pos + 26)[0]
        if raw[pos + 30:pos + 30 + n] == name:
            struct.pack_into('<I', raw, pos + 22, 1000)
        pos += 4
    pos = 0
    while True:
        pos = raw.find(b'PK\x01\x02', pos)
        if pos < 0:
            break
        n = struct.unpack_from('<H', raw, pos + 28)[0]
        if raw[pos + 46:pos + 46 + n] == name:
            struct.pack_into('<I', raw, pos + 24, 1000)
        pos += 4
    with open(path, 'wb') as fh:
        fh.write(bytes(raw))


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='bpm-xlsx-')
    try:
        # 1. The 自评表 twin of examples/old-neighbourhood-renovation (formulas: LibreOffice).
        wb = Workbook()
        twin_sheet(wb.active)
        wb.active.title = '自评表'
        recalculated(wb, 'self-evaluation.xlsx', tmp)

        # 2. The same form as saved by a program that does not calculate: no cached values.
        wb = Workbook()
        twin_sheet(wb.active)
        wb.active.title = '自评表'
        wb.save(os.path.join(OUT, 'formula-no-value.xlsx'))

        # 3. Sichuan variant (numbers stored as text, blanks filled down, a row moved down).
        wb = Workbook()
        sichuan_sheet(wb.active)
        wb.active.title = '部门预算项目支出绩效自评表'
        wb.save(os.path.join(OUT, 'sichuan.xlsx'))

        # 4. 申报表, central and local variants.
        wb = Workbook()
        declaration_sheet(wb.active)
        wb.active.title = '申报表'
        wb.save(os.path.join(OUT, 'declaration.xlsx'))
        wb = Workbook()
        declaration_local_sheet(wb.active)
        wb.active.title = '绩效目标申报表'
        wb.save(os.path.join(OUT, 'declaration-local.xlsx'))

        # 5. Monitoring data.
        wb = Workbook()
        monitoring_sheet(wb.active)
        wb.active.title = '监控数据'
        wb.save(os.path.join(OUT, 'monitoring.xlsx'))

        # 6. Several projects, one per sheet, an instruction sheet and a hidden sheet.
        wb = Workbook()
        ws = wb.active
        ws.title = '填报说明'
        ws['A1'] = '填报说明：1. 每个项目填写一张自评表；2. 金额单位为万元；3. 得分保留两位小数。'
        a = wb.create_sheet('疫苗接种')
        self_eval_small(a, 'DL-2025-WJ-011', '免疫规划疫苗接种', 96, [
            ('产出指标', '数量指标', '适龄儿童接种剂次', '≥52000剂次', '53110剂次', 30, 30, None),
            ('产出指标', '质量指标', '疫苗接种率', '≥95%', (0.97, '0%'), 20, 20, None),
            ('效益指标', '社会效益指标', '疫苗针对传染病发病率', '≤5/10万', '3.1/10万', 30, 30, None),
            ('满意度指标', '服务对象满意度指标', '受种者家长满意度', '≥90%', '92%', 10, 10, None),
        ])
        b = wb.create_sheet('慢病防控')
        self_eval_small(b, 'DL-2025-WJ-012', '慢性病综合防控', 80, [
            ('产出指标', '数量指标', '高血压患者规范管理人数', '≥30000人', '27600人', 30, 27.6, '随访人员不足'),
            ('产出指标', '时效指标', '筛查工作完成时间', '2025年10月底前完成', '按期完成', 20, 20, None),
            ('效益指标', '社会效益指标', '居民健康素养水平', '≥30%', '31%', 30, 30, None),
            ('满意度指标', '服务对象满意度指标', '患者满意度', '≥85%', '基本满意', 10, 8, None),
        ])
        old = wb.create_sheet('旧版自评表')
        self_eval_small(old, 'DL-2024-WJ-011', '免疫规划疫苗接种（2024）', 90, [
            ('产出指标', '数量指标', '适龄儿童接种剂次', '≥50000剂次', '51000剂次', 50, 50, None),
        ])
        old.sheet_state = 'hidden'
        wb.save(os.path.join(OUT, 'several-projects.xlsx'))

        # 7. Broken workbooks.
        wb = Workbook()
        placeholder_sheet(wb.active)
        wb.active.title = '申报表'
        wb.save(os.path.join(OUT, 'placeholder.xlsx'))

        wb = Workbook()
        ws = wb.active
        ws.title = '通讯录'
        for r, row in enumerate([('姓名', '电话'), ('王某某', '0411-8xxxxxx6'), ('李某某', '0411-8xxxxxx1')], start=1):
            for c, v in enumerate(row, start=1):
                ws.cell(row=r, column=c, value=v)
        wb.save(os.path.join(OUT, 'no-form.xlsx'))

        with open(os.path.join(OUT, 'self-evaluation.xlsx'), 'rb') as fh:
            whole = fh.read()
        with open(os.path.join(OUT, 'corrupt.xlsx'), 'wb') as fh:
            fh.write(whole[: len(whole) // 2])

        write_ole(os.path.join(OUT, 'encrypted.xlsx'), True)
        # A real old binary workbook, written by LibreOffice.
        env = dict(os.environ, HOME=tmp)
        subprocess.run(['soffice', '--headless', '--calc', '--convert-to', 'xls', '--outdir', tmp, os.path.join(OUT, 'declaration.xlsx')], check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, 'declaration.xls'), os.path.join(OUT, 'legacy.xls'))

        write_zip_bomb(os.path.join(OUT, 'zip-bomb.xlsx'))

        # 8. Validate fixtures: printed section points that are not the policy's; a 自评表
        # beside a YAML dossier whose targets and weights it does not print.
        validate = os.path.join(ROOT, 'test', 'fixtures', 'validate')
        wb = Workbook()
        twin_sheet(wb.active, output_label='产出指标（40分）')
        wb.active.title = '自评表'
        os.makedirs(os.path.join(validate, 'form-section-points'), exist_ok=True)
        recalculated(wb, 'form.xlsx', tmp, os.path.join(validate, 'form-section-points'))
        os.makedirs(os.path.join(validate, 'form-target-changed'), exist_ok=True)
        shutil.copy(os.path.join(OUT, 'self-evaluation.xlsx'), os.path.join(validate, 'form-target-changed', 'evaluation.xlsx'))
        os.makedirs(os.path.join(validate, 'weights-missing'), exist_ok=True)
        shutil.copy(os.path.join(OUT, 'declaration.xlsx'), os.path.join(validate, 'weights-missing', 'declaration.xlsx'))
        os.makedirs(os.path.join(validate, 'xlsx-legacy-skipped'), exist_ok=True)
        shutil.copy(os.path.join(OUT, 'legacy.xls'), os.path.join(validate, 'xlsx-legacy-skipped', 'old-form.xls'))

        # 9. The sixth example project, as workbooks.
        sports = os.path.join(ROOT, 'examples', 'sports-fitness-facilities')
        os.makedirs(sports, exist_ok=True)
        wb = Workbook()
        sports_declaration(wb.active)
        wb.active.title = '绩效目标申报表'
        wb.save(os.path.join(sports, 'dossier.xlsx'))
        wb = Workbook()
        sports_self_evaluation(wb.active)
        wb.active.title = '绩效自评表'
        recalculated(wb, 'evaluation.xlsx', tmp, sports)
        wb = Workbook()
        sports_monitoring(wb.active)
        wb.active.title = '监控数据'
        wb.save(os.path.join(sports, 'monitoring.xlsx'))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for name in sorted(os.listdir(OUT)):
        if name.endswith('.xlsx') or name.endswith('.xls'):
            print(f'{os.path.getsize(os.path.join(OUT, name)):>8}  {name}')


if __name__ == '__main__':
    sys.exit(main())
