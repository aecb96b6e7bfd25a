// `sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//
// What GitHub's upload needs, and why the shape is what it is:
// - every result must have a location (the upload fails otherwise), so diagnostics without a
//   file are not results but `invocations[0].toolExecutionNotifications`;
// - `runs[0].results` must exist even when empty;
// - locations are relative URIs against `%SRCROOT%` (the checkout root), with forward slashes
//   and percent-encoded segments (Chinese file names are fine that way);
// - `region` only when the line is known: a made-up line 1 would point reviewers at the wrong
//   place. Columns count UTF-16 code units, as JavaScript string offsets do.
// Rules are the distinct codes, sorted; a rule's default level is the most severe level the
// code has in this report. Deterministic: no timestamps, no absolute paths invented.
import type { Diagnostic, Severity } from '../../core/diagnostics.js';
import { severityRank } from '../../core/diagnostics.js';
import type { FormatOptions, ValidateReport } from '../../core/report.js';
import { hasMessage, t } from '../../i18n/index.js';
import { groups, isPosition, messageOf, slashPath } from './shared.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/bpm-cli/bpm';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

export function sarif(report: ValidateReport, opts: FormatOptions): string {
  const all = groups(report);
  const located: Diagnostic[] = [];
  const unlocated: Diagnostic[] = [];
  for (const g of all) {
    for (const d of g.diagnostics) {
      const file = d.file ?? g.file;
      if (file === undefined || file === '') unlocated.push(d);
      else located.push({ ...d, file });
    }
  }

  // Artifacts: every file examined (in report order), then any other file a diagnostic names.
  const artifactIndex = new Map<string, number>();
  const artifacts: Array<{ location: ArtifactLocation }> = [];
  const artifact = (file: string): number => {
    let i = artifactIndex.get(file);
    if (i === undefined) {
      i = artifacts.length;
      artifactIndex.set(file, i);
      artifacts.push({ location: toArtifactLocation(file) });
    }
    return i;
  };
  for (const f of report.files) artifact(f.file);

  const worst = new Map<string, Severity>();
  for (const d of located) {
    const seen = worst.get(d.code);
    if (seen === undefined || severityRank(d.severity) < severityRank(seen)) worst.set(d.code, d.severity);
  }
  const codes = [...worst.keys()].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: hasMessage(`title.${code}`) ? t(opts.lang, `title.${code}`) : code },
    defaultConfiguration: { level: LEVEL[worst.get(code) ?? 'error'] },
  }));

  const results = located.map((d) => {
    const file = d.file as string;
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: { ...toArtifactLocation(file), index: artifact(file) },
    };
    const region = regionOf(d);
    if (region) physicalLocation.region = region;
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code) as number,
      level: LEVEL[d.severity],
      message: { text: messageOf(d, opts.lang) },
      locations: [{ physicalLocation }],
      // The JSON pointer helps a reader of the raw log; viewers ignore unknown properties.
      ...(d.path ? { properties: { path: d.path } } : {}),
    };
  });

  const notifications = unlocated.map((d) => ({
    level: LEVEL[d.severity],
    message: { text: messageOf(d, opts.lang) },
    descriptor: { id: d.code },
  }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bpm',
            version: opts.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !unlocated.some((d) => d.severity === 'error'),
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function regionOf(d: Diagnostic): { startLine: number; startColumn?: number } | undefined {
  if (!isPosition(d.line)) return undefined;
  return isPosition(d.column) ? { startLine: d.line, startColumn: d.column } : { startLine: d.line };
}

/**
 * A relative path becomes a relative URI against %SRCROOT%; an absolute one (which bpm avoids
 * but a user may type) becomes a file: URI, which GitHub also accepts.
 */
export function toArtifactLocation(file: string): ArtifactLocation {
  const p = slashPath(file);
  const encode = (segments: string[]): string => segments.map((s) => encodeURIComponent(s)).join('/');
  const drive = /^([A-Za-z]:)\/(.*)$/.exec(p);
  if (drive) return { uri: `file:///${drive[1]}/${encode(drive[2].split('/'))}` };
  if (p.startsWith('/')) return { uri: `file://${encode(p.split('/'))}` };
  return { uri: encode(p.split('/')), uriBaseId: '%SRCROOT%' };
}
