import type { CatalogPair } from '../index.js';

// Messages of the input/output layer: file discovery, output files, text encodings and the
// syntax of monitoring CSV files. Placeholders match the `args` of the errors and diagnostics.
export const io: CatalogPair = {
  en: {
    // Errors (UsageError / InputError keys)
    'missing-file': 'No such file or directory: {file}',
    'unmatched-glob': 'No files match the pattern {pattern}',
    'unreadable-file': 'Cannot read {file} ({reason})',
    'output-is-input': 'Refusing to write the output to {file}: it is one of the input files',
    'write-failed': 'Could not write {file} ({reason}); nothing was written',
    'unknown-encoding': 'Unknown encoding "{encoding}" (use utf8, gbk, gb18030, utf16le or utf16be)',
    'empty-directory': 'No YAML or CSV files in the directory {dir} (skipped: node_modules and dot-directories)',
    // Encoding diagnostics
    'encoding-mismatch': 'The file starts with a UTF-8 byte-order mark but is not UTF-8; it was read as GB18030/GBK',
    'binary-content':
      'The file contains a NUL character here: it is not a text file (or is UTF-16 without a byte-order mark; try --encoding utf16le); the rest of it was not read',
    'binary-content.control': 'The header line contains a control or undecodable character ({char}) here: this is not a text CSV file (an Excel .xlsx or another binary file?); it was not read',
    // Monitoring CSV diagnostics
    'csv-empty': 'The CSV file is empty: a header row (project, period, metric, value) is required',
    'csv-missing-column': 'The header has no "{column}" column',
    'csv-duplicate-column': 'Column "{header}" repeats the {column} column',
    'csv-unknown-column': 'Unknown column "{column}" is ignored',
    'csv-column-count': 'This row has {actual} cells but the header has {expected}; the row was skipped',
    'csv-unbalanced-quote': 'A quote opened here is never closed; lines {line}–{endLine} could not be read',
    'csv-stray-quote': 'Text after a closing quote; check the quoting of this cell',
    'csv-record-too-long': 'This row is longer than {max} characters and was skipped (an unclosed quote?)',
    'csv-empty-cell': 'The {column} cell is empty; the row was skipped',
    'csv-too-many-problems': '{omitted} more problems in this file were not listed (at most {max} are shown)',
    'value-empty': 'The value of {metric} is empty; enter the figure at the end of the period, or delete the row',
    'value-not-number': '"{value}" is not a number; write digits such as 1234.5, 1,234.5 or 85%',
    'value-not-number.range': '"{value}" is too large to compute with (beyond about 1.8 × 10^308); check the cell',
  },
  zh: {
    'missing-file': '文件或目录不存在:{file}',
    'unmatched-glob': '没有文件匹配模式 {pattern}',
    'unreadable-file': '无法读取 {file}({reason})',
    'output-is-input': '拒绝把输出写入 {file}:它是输入文件之一',
    'write-failed': '无法写入 {file}({reason}),未写入任何内容',
    'unknown-encoding': '未知编码“{encoding}”(可用 utf8、gbk、gb18030、utf16le、utf16be)',
    'empty-directory': '目录 {dir} 中没有 YAML 或 CSV 文件(node_modules 和以点开头的目录不会遍历)',
    'encoding-mismatch': '文件以 UTF-8 字节顺序标记(BOM)开头,但内容不是 UTF-8,已按 GB18030/GBK 读取',
    'binary-content':
      '文件在此处含有 NUL 字符:不是文本文件(或是没有 BOM 的 UTF-16,可试用 --encoding utf16le),其后内容未读取',
    'binary-content.control': '表头行在此处含有控制字符或无法解码的字符({char}):这不是文本 CSV 文件(是 Excel .xlsx 或其他二进制文件?),未读取',
    'csv-empty': 'CSV 文件为空:需要表头行(project、period、metric、value)',
    'csv-missing-column': '表头缺少“{column}”列',
    'csv-duplicate-column': '列“{header}”与 {column} 列重复',
    'csv-unknown-column': '未知列“{column}”,已忽略',
    'csv-column-count': '此行有 {actual} 个单元格,表头有 {expected} 列,已跳过此行',
    'csv-unbalanced-quote': '此处开始的引号没有闭合,第 {line}–{endLine} 行无法读取',
    'csv-stray-quote': '闭合引号之后还有文字,请检查此单元格的引号',
    'csv-record-too-long': '此行超过 {max} 个字符,已跳过(引号未闭合?)',
    'csv-empty-cell': '{column} 单元格为空,已跳过此行',
    'csv-too-many-problems': '此文件还有 {omitted} 个问题未列出(最多显示 {max} 个)',
    'value-empty': '{metric} 的数值为空;请填写期末数值,或删除此行',
    'value-not-number': '“{value}”不是数字;请填写阿拉伯数字,如 1234.5、1,234.5 或 85%',
    'value-not-number.range': '“{value}”过大,无法计算(超过约 1.8 × 10^308);请检查该单元格',
  },
};
