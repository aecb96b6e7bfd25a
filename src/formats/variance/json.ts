// `json`: the stable machine contract of FORMATS.md §5:
//   {"tool": "bpm", "version", "command": "variance", "projects": [...], "diagnostics": [...]}
// Written period by period (the text is exactly JSON.stringify(whole, null, 2)), so that a
// report of a million monitoring rows is never one string in memory, and the pieces are small
// enough to die young in the garbage collector instead of piling up as large objects.
import type { FormatOptions } from '../../core/report.js';
import type { VarianceReport } from '../../core/report.js';
import { jsonDiagnostic, jsonPeriod, jsonProjectHead } from './shared.js';

export function* json(report: VarianceReport, opts: FormatOptions): Generator<string> {
  yield `{\n  "tool": "bpm",\n  "version": ${JSON.stringify(opts.version)},\n  "command": "variance",\n  "projects": [`;
  let first = true;
  const chunks: string[] = [];
  for (const p of report.projects) {
    // The project's own fields, then "periods": [ … ] one period at a time.
    const head = JSON.stringify(jsonProjectHead(p), null, 2);
    yield (first ? '\n' : ',\n') + indent(head.slice(0, -2), '    ') + ',\n      "periods": [';
    p.periods.forEach((per, k) => {
      chunks.push((k === 0 ? '\n' : ',\n') + indent(JSON.stringify(jsonPeriod(per, p.decimals, opts.lang), null, 2), '        '));
    });
    yield* chunks.splice(0);
    yield p.periods.length > 0 ? '\n      ]\n    }' : ']\n    }';
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const diags = report.diagnostics.map((d) => jsonDiagnostic(d, opts.lang));
  yield `  "diagnostics": ${indent(JSON.stringify(diags, null, 2), '  ').trimStart()}\n}\n`;
}

function indent(text: string, pad: string): string {
  return pad + text.replace(/\n/g, '\n' + pad);
}
