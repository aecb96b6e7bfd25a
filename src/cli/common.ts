// Shared option definitions and helpers for the subcommands.
import { Option, type Command, type HelpConfiguration } from 'commander';
import { UsageError } from '../errors.js';
import { formatNames, type FormatTable } from '../formats/names.js';
import { hanging, styledWidth, wrapWidth } from '../formats/validate/width.js';
import { formats as catalog } from '../i18n/catalog/formats.js';

export { loadOptions, reportPaths, resolveCommon, sarifHelp } from './resolve.js';

/**
 * The options every reporting command shares. `--format` takes its choices from the command's
 * table of formats, and --help lists each format with its description from the catalog.
 */
export function addCommonOptions<T extends FormatTable>(cmd: Command, formats: T, defaultFormat: keyof T & string): Command {
  cmd.addHelpText('after', ({ command }) => formatsHelp(formats, command.createHelp().helpWidth ?? HELP_WIDTH));
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format / 输出格式').choices(formatNames(formats)).default(defaultFormat))
    .option('-o, --output <file>', 'write to a file (atomically; never over an input) / 写入文件')
    .option('--force', 'let -o replace an existing bpm document / 允许 -o 覆盖已有的 bpm 文档')
    .addOption(new Option('--lang <lang>', 'language of messages / 输出语言 (default: from LANG)').choices(['zh', 'en']))
    .option('--policy <policy>', 'scoring policy: self, key or a ScoringPolicy file / 评分规则')
    .option('--strategy <file>', 'StrategyPlan file / 战略规划文件')
    .option('--encoding <encoding>', 'force the CSV encoding (utf8, gbk, gb18030, utf16le, utf16be) / 指定 CSV 编码')
    .option('-q, --quiet', 'errors only / 只显示错误')
    .option('--color', 'colours even when the output is not a terminal / 强制使用颜色')
    .option('--no-color', 'no colours / 不使用颜色')
    .option('--verbose', 'show stack traces of internal errors / 显示内部错误堆栈');
}

/** --max-warnings: a count, or -1 for no limit (as ESLint). */
export function parseMaxWarnings(value: string): number {
  if (!/^(?:\d+|-1)$/.test(value.trim())) throw new UsageError('invalid-option', { option: '--max-warnings', value });
  return Number(value);
}

function parseNumberOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError('invalid-option', { option: name, value });
    return n;
  };
}

/** A score threshold (--fail-under, --min-score): a number from 0 to 100, as scores are. */
export function parseScoreOption(name: string) {
  const parse = parseNumberOption(name);
  return (value: string): number => {
    const n = parse(value);
    if (n < 0 || n > 100) throw new UsageError('invalid-option', { option: name, value });
    return n;
  };
}

/** Collects a repeatable option (`--data a.csv --data b.csv`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --junit-warnings (validate and review). */
export function junitWarningsOption(): Option {
  return new Option('--junit-warnings <as>', 'junit: warnings as passing testcases with their message, or as failures of type "warning" / JUnit 中警告的呈现方式').choices(['output', 'failure']).default('output');
}

/**
 * The formats section of a command's --help: each format with its one-line description in
 * English and, below it, in Chinese (like every line of bpm's help, in both languages: help is
 * printed before --lang is read).
 */
export function formatsHelp(formats: FormatTable, columns = HELP_WIDTH): string {
  const names = formatNames(formats);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.flatMap((n) => [hanging(`  ${n.padEnd(width)}  `, catalog.en[formats[n]], columns), hanging(`  ${' '.repeat(width)}  `, catalog.zh[formats[n]], columns)]);
  return ['', 'Formats / 输出格式:', ...lines].join('\n');
}

/** The width of --help when it does not go to a terminal (commander's own). */
const HELP_WIDTH = 80;
/** A column of descriptions narrower than this is not wrapped (commander's default: 40). */
const MIN_WRAP = 16;

/**
 * How commander lays out --help: to the terminal's width (`columns`, the one CliEnv gives, so
 * that a test sets it), counting a Chinese character two columns and breaking lines between
 * Chinese characters as well as at spaces, as every other text bpm writes to a terminal.
 */
export function helpLayout(columns: number | undefined): HelpConfiguration {
  return {
    // A terminal that gives no size (0) is taken as none: commander's 80 columns.
    helpWidth: columns !== undefined && columns > 0 ? columns : undefined,
    minWidthToWrap: MIN_WRAP,
    displayWidth: styledWidth,
    boxWrap: (text: string, width: number) => (width < MIN_WRAP ? text : text.split(/\r\n|\n/).flatMap((line) => wrapWidth(line, width)).join('\n')),
  };
}
