// `junit`: JUnit XML for CI test reports (GitLab merge-request widgets, Jenkins JUnit plugin).
//
// Layout, chosen for how those tools display it:
// - one <testsuite> per file (report-level diagnostics in a first suite named "bpm");
// - one <testcase> per diagnostic. Errors carry a <failure>, so failures = errors and the build
//   fails exactly when `bpm validate` does. Warnings and infos are passing testcases whose
//   <system-out> holds the message: GitLab and Jenkins show a testcase's output in its details.
//   <skipped/> was rejected: both tools present it as "check not run", which misleads. With
//   --junit-warnings failure, warnings carry a <failure type="warning"> too, so that dashboards
//   list them among the failed tests (as ESLint's junit output does) — the build still follows
//   the exit code;
// - a file without errors also gets one passing testcase named "valid", so every valid file
//   appears as a passed test.
// Testcase names are language-independent (code and position), as CI tools track a test's
// history by classname + name; the messages are in the chosen language. No timestamps or host
// names: the output is deterministic.
import type { Diagnostic } from '../../core/diagnostics.js';
import type { CheckReport, FormatOptions } from '../../core/report.js';
import { groups, location, messageOf, normalizeNewlines, severityLabel, showControls } from './shared.js';

export function junit(report: CheckReport, opts: FormatOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const g of groups(report)) {
    const name = g.file ?? 'bpm';
    const cases: string[] = [];
    const used = new Map<string, number>();
    const unique = (base: string): string => {
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      return n === 1 ? base : `${base} #${n}`;
    };
    let suiteFailures = 0;
    for (const d of g.diagnostics) {
      const loc = location(d);
      const caseName = unique(loc ? `${d.code} ${loc}` : d.code);
      const detail = details(d, g.file, opts);
      const open = `    <testcase classname="${attr(name)}" name="${attr(caseName)}" time="0">`;
      if (d.severity === 'error') {
        suiteFailures++;
        const message = attr(messageOf(d, opts.lang));
        cases.push(`${open}\n      <failure message="${message}" type="${attr(d.code)}">${text(detail)}</failure>\n    </testcase>`);
      } else if (d.severity === 'warning' && opts.junitWarnings === 'failure') {
        suiteFailures++;
        const message = attr(messageOf(d, opts.lang));
        cases.push(`${open}\n      <failure message="${message}" type="warning">${text(detail)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${open}\n      <system-out>${text(detail)}</system-out>\n    </testcase>`);
      }
    }
    // A file (not the report-level suite) without failures passes as a whole.
    if (g.file !== undefined && suiteFailures === 0) {
      cases.push(`    <testcase classname="${attr(name)}" name="${attr(unique('valid'))}" time="0"/>`);
    }
    if (cases.length === 0) continue;
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n` +
        cases.join('\n') +
        '\n  </testsuite>',
    );
  }
  const head = `<testsuites name="bpm ${attr(report.command)}" tests="${tests}" failures="${failures}" errors="0" time="0">`;
  const body = suites.length > 0 ? `${head}\n${suites.join('\n')}\n</testsuites>` : `${head}</testsuites>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

/** The body of a failure or system-out: where, what, and the message. */
function details(d: Diagnostic, file: string | undefined, opts: FormatOptions): string {
  const where = [d.file ?? file ?? '', location(d)].filter((s) => s !== '').join(':');
  const head = [severityLabel(d.severity, opts.lang), d.code, where, d.path ? `(${d.path})` : '']
    .filter((s) => s !== '')
    .join(' ');
  return `${head}\n${messageOf(d, opts.lang)}`;
}

// Characters XML 1.0 forbids outright (even as references): control characters other than
// tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. showControls() makes the C0/C1 ones visible;
// this removes what is left (a lone surrogate cannot be shown meaningfully).
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function legal(s: string): string {
  return showControls(normalizeNewlines(s)).replace(ILLEGAL, '\uFFFD');
}

/** Escaped character data. `>` is escaped too, which also defuses any `]]>`. */
function text(s: string): string {
  return legal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped attribute value; newlines and tabs as references so that parsers keep them. */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
