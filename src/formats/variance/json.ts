// `json`: the stable machine contract of docs/formats.md#variance-json:
//   {"tool": "bpm", "version", "command": "variance", "projects": [...], "diagnostics": [...]}
// The text is exactly JSON.stringify(whole, null, 2), written period by period from templates
// (a million monitoring rows make about a million indicator records: building an object and
// stringifying it again for each would cost more than computing it), so that the report is
// never one string in memory and its pieces die young in the garbage collector.
// test/unit/commands/variance/variance.test.ts holds the templates to JSON.stringify.
import type { FormatOptions } from '../../core/report.js';
import type { VarianceReport } from '../../core/report.js';
import type { IndicatorRow, PeriodVariance, ProjectVariance } from '../../core/monitoring/report.js';
import type { Lang } from '../../i18n/index.js';
import { memoText } from '../memo.js';
import { flagMessage, jsonAdjustment, jsonDiagnostic } from './shared.js';

export function* json(report: VarianceReport, opts: FormatOptions): Generator<string> {
  yield `{\n  "tool": "bpm",\n  "version": ${JSON.stringify(opts.version)},\n  "command": "variance",\n  "projects": [`;
  let first = true;
  for (const p of report.projects) {
    yield (first ? '\n' : ',\n') + project(p, opts.lang);
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const summary = report.summary;
  if (summary !== undefined) yield `  "summary": ${pretty(summary, '  ')},\n`;
  const diags = report.diagnostics.map((d) => jsonDiagnostic(d, opts.lang));
  yield `  "diagnostics": ${pretty(diags, '  ')}\n}\n`;
}

/** A project, at four spaces, with its periods. */
function project(p: ProjectVariance, lang: Lang): string {
  let out = `    {\n      "code": ${str(p.code)},\n      "name": ${str(p.name)},\n      "department": ${str(p.department)},\n      "unit": ${str(p.unit)},\n      "file": ${str(p.file)},\n      "policy": ${str(p.policy)},\n      "status": ${str(p.status)},\n      "periods": [`;
  if (p.periods.length === 0) return out + ']\n    }';
  for (let k = 0; k < p.periods.length; k++) out += (k === 0 ? '\n' : ',\n') + period(p.periods[k], lang);
  return out + '\n      ]\n    }';
}

/** A period, at eight spaces. */
function period(per: PeriodVariance, lang: Lang): string {
  const b = per.budget;
  const ev = per.earnedValue;
  let out = `        {
          "period": ${str(per.period)},
          "end": ${str(per.end)},
          "timeProgress": ${num(per.timeProgress)},
          "budget": {
            "total": ${num(b.total)},
            "planned": ${num(b.planned)},
            "actual": ${num(b.actual)},
            "variance": ${num(b.variance)},
            "variancePct": ${num(b.variancePct)},
            "executionRate": ${num(b.executionRate)},
            "status": ${str(b.status)},
            "pace": ${num(b.pace)},
            "plannedFrom": ${str(b.plannedFrom)},
            "note": ${str(b.note)}
          },
          "indicators": [`;
  if (per.indicators.length === 0) out += ']';
  else {
    for (let k = 0; k < per.indicators.length; k++) out += (k === 0 ? '\n' : ',\n') + indicator(per.indicators[k]);
    out += '\n          ]';
  }
  out += `,
          "goalProgress": ${num(per.goalProgress)},
          "dualGap": ${num(per.dualGap)},
          "earnedValue": {
            "bac": ${num(ev.bac)},
            "pv": ${num(ev.pv)},
            "ev": ${num(ev.ev)},
            "ac": ${num(ev.ac)},
            "cpi": ${num(ev.cpi)},
            "spi": ${num(ev.spi)},
            "eac": ${num(ev.eac)}
          },
          "adjustments": ${pretty(per.adjustments.map(jsonAdjustment), '          ')},
          "flags": [`;
  if (per.flags.length === 0) out += ']';
  else {
    for (let k = 0; k < per.flags.length; k++) {
      const f = per.flags[k];
      const about = f.indicator === undefined ? '' : `\n              "indicator": ${str(f.indicator)},`;
      out += `${k === 0 ? '\n' : ',\n'}            {\n              "code": ${str(f.code)},\n              "severity": ${str(f.severity)},${about}\n              "message": ${str(flagMessage(f, lang))}\n            }`;
    }
    out += '\n          ]';
  }
  return out + '\n        }';
}

/** An indicator record, at twelve spaces: the hottest template of all. */
function indicator(i: IndicatorRow): string {
  return `            {
              "code": ${str(i.code)},
              "name": ${str(i.name)},
              "unit": ${str(i.unit)},
              "operator": ${str(i.operator)},
              "tracking": ${str(i.tracking)},${i.informational ? '\n              "informational": true,' : ''}
              "target": ${num(i.target)},
              "expected": ${num(i.expected)},
              "expectedFrom": ${str(i.expectedFrom)},
              "actual": ${num(i.actual)},
              "variance": ${num(i.variance)},
              "ratio": ${num(i.ratio)},
              "status": ${str(i.status)},
              "projection": ${num(i.projection)},
              "likelihood": ${str(i.likelihood)},
              "note": ${str(i.note)}
            }`;
}

/** A JSON number as JSON.stringify writes it (null when absent, or not finite). */
function num(x: number | null): string {
  return x === null || !Number.isFinite(x) ? 'null' : String(x);
}

// Names, codes and units repeat in every period of every project: their JSON text is kept.
const quoted = memoText((s) => JSON.stringify(s));

/** A JSON string, or null when absent. */
function str(s: string | null | undefined): string {
  return s === null || s === undefined ? 'null' : quoted(s);
}

/** JSON.stringify(value, null, 2), its lines after the first indented by `pad`. */
function pretty(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + pad);
}
