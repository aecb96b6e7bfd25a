// `json`: the stable machine contract of FORMATS.md §5:
//   {"tool": "bpm", "version", "command": "variance", "projects": [...], "diagnostics": [...]}
// Written project by project (the text is exactly JSON.stringify(whole, null, 2)), so that a
// report of a million monitoring rows is never one string in memory.
import type { FormatOptions } from '../../core/report.js';
import type { VarianceReport } from '../../commands/variance.js';
import { jsonDiagnostic, jsonProject } from './shared.js';

export function* json(report: VarianceReport, opts: FormatOptions): Generator<string> {
  yield `{\n  "tool": "bpm",\n  "version": ${JSON.stringify(opts.version)},\n  "command": "variance",\n  "projects": [`;
  let first = true;
  for (const p of report.projects) {
    yield (first ? '\n' : ',\n') + indent(JSON.stringify(jsonProject(p, opts), null, 2), '    ');
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const diags = report.diagnostics.map((d) => jsonDiagnostic(d, opts.lang));
  yield `  "diagnostics": ${indent(JSON.stringify(diags, null, 2), '  ').trimStart()}\n}\n`;
}

function indent(text: string, pad: string): string {
  return pad + text.replace(/\n/g, '\n' + pad);
}
