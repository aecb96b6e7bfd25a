// Helpers shared by the validate/review formatters: message text, locations, severity words,
// the summary sentence and the sanitising of text for terminals and markup.
import path from 'node:path';
import type { Diagnostic, Severity } from '../../core/diagnostics.js';
import { countBySeverity, sortDiagnostics } from '../../core/diagnostics.js';
import type { CheckReport, FileResult, FormatOptions } from '../../core/report.js';
import { message, t } from '../../i18n/index.js';

/** One block of output: a file, or the report-level diagnostics (`file` undefined). */
export interface Group {
  file?: string;
  result?: FileResult;
  diagnostics: Diagnostic[];
}

/**
 * The diagnostics to show, grouped: report-level diagnostics first, then each file in report
 * order. Diagnostics are sorted again (idempotent) so that output never depends on how a command
 * happened to collect them. With `onlyErrors`, warnings and infos are dropped (--quiet).
 */
export function groups(report: CheckReport, onlyErrors = false): Group[] {
  const keep = (list: readonly Diagnostic[]): Diagnostic[] =>
    sortDiagnostics(onlyErrors ? list.filter((d) => d.severity === 'error') : list);
  const out: Group[] = [];
  const general = keep(report.diagnostics);
  if (general.length > 0) out.push({ diagnostics: general });
  for (const result of report.files) out.push({ file: result.file, result, diagnostics: keep(result.diagnostics) });
  return out;
}

/** The rendered message; falls back to rendering the code's catalog entry. */
export function messageOf(d: Diagnostic, lang: FormatOptions['lang']): string {
  return d.message ?? message(lang, d.code, d.args ?? {});
}

/** `12:5`, `12` (no column), `自评表!D12` in a workbook, or '' when the position is unknown. */
export function location(d: Diagnostic): string {
  if (d.sheet !== undefined) return `${d.sheet}!${d.cell ?? ''}`;
  if (!isPosition(d.line)) return '';
  return isPosition(d.column) ? `${d.line}:${d.column}` : String(d.line);
}

/** A usable 1-based line or column. */
export function isPosition(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

export function severityLabel(s: Severity, lang: FormatOptions['lang']): string {
  return t(lang, `fmt.severity.${s}`);
}

/** "3 problems" / "1 error" / "3 个问题": English plural forms, one Chinese form. */
export function count(lang: FormatOptions['lang'], noun: 'problem' | 'error' | 'warning' | 'info' | 'file', n: number): string {
  return t(lang, `fmt.count.${noun}`, { n });
}

/**
 * The closing sentence: `✖ 3 problems (2 errors, 1 warning) in 2 files` or
 * `✔ 5 files checked, no problems`. Counts what is shown (so --quiet counts errors only);
 * "problems" are errors and warnings, infos are mentioned after them.
 */
export function summaryLine(report: CheckReport, shown: readonly Group[], opts: FormatOptions): string {
  const lang = opts.lang;
  const all = shown.flatMap((g) => g.diagnostics);
  const { errors, warnings, infos } = countBySeverity(all);
  const problems = errors + warnings;
  const withProblems = shown.filter(
    (g) => g.file !== undefined && g.diagnostics.some((d) => d.severity !== 'info'),
  ).length;
  const extra = infos > 0 ? t(lang, 'fmt.summary.infos', { infos: count(lang, 'info', infos) }) : '';
  if (problems === 0) {
    const key = opts.quiet ? 'fmt.summary.cleanQuiet' : 'fmt.summary.clean';
    return t(lang, key, { files: count(lang, 'file', report.summary.files) }) + extra;
  }
  const args = {
    problems: count(lang, 'problem', problems),
    errors: count(lang, 'error', errors),
    warnings: count(lang, 'warning', warnings),
    files: count(lang, 'file', withProblems),
  };
  return t(lang, withProblems > 0 ? 'fmt.summary.problems' : 'fmt.summary.problemsNoFile', args) + extra;
}

// C0 and C1 control characters other than tab, line feed and carriage return.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Makes control characters visible as `\u0007`: in a terminal they would ring, move the cursor
 * or start an escape sequence; in XML 1.0 most of them are illegal even as character references.
 * The analyst still sees that the input held one, and which.
 */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** CRLF and lone CR as LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Forward slashes, no leading `./`: how CI systems and GitHub name files in a repository. */
/**
 * A file as CI tools want it (sarif, github): the report's path (relative to the working
 * directory, or absolute) re-based on the repository root when `opts.paths` says where both
 * are — relative with forward slashes below the root, else absolute; else the path as given.
 */
export function repoPath(file: string, opts: FormatOptions): string {
  if (!opts.paths) return slashPath(file);
  const abs = path.resolve(opts.paths.cwd, file);
  const rel = path.relative(opts.paths.root, abs);
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return slashPath(abs);
  return slashPath(rel);
}

export function slashPath(file: string): string {
  let p = file.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}
