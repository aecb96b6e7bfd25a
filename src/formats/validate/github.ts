// `github`: GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as
// annotations on the run and on the pull request's changed files:
//   ::error file=p/dossier.yaml,line=12,col=5,title=bpm weights-sum::指标权重合计为 90,应为 100
// Severity maps to error / warning / notice. Escaping follows @actions/core: in the message
// `%`, CR and LF are percent-encoded; in property values also `:` and `,`. Other control
// characters are made visible so that none can reach the log raw. Honours --quiet.
import type { Diagnostic, Severity } from '../../core/diagnostics.js';
import type { CheckReport, FormatOptions } from '../../core/report.js';
import { groups, isPosition, messageOf, repoPath, showControls } from './shared.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function github(report: CheckReport, opts: FormatOptions): string {
  const lines: string[] = [];
  for (const g of groups(report, opts.quiet === true)) {
    for (const d of g.diagnostics) lines.push(command(d, d.file ?? g.file, opts));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function command(d: Diagnostic, file: string | undefined, opts: FormatOptions): string {
  const props: string[] = [];
  if (file) props.push(`file=${escapeProperty(repoPath(file, opts))}`);
  if (file && isPosition(d.line)) {
    props.push(`line=${d.line}`);
    if (isPosition(d.column)) props.push(`col=${d.column}`);
  }
  // A workbook has no lines to annotate: the title names the sheet and cell (`自评表!D12`).
  props.push(`title=${escapeProperty(`bpm ${d.code}${d.sheet !== undefined ? ` ${d.sheet}!${d.cell ?? ''}` : ''}`)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(messageOf(d, opts.lang))}`;
}

/** Message text of a workflow command. */
export function escapeData(s: string): string {
  return showControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
