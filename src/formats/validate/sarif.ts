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
import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../../core/diagnostics.js';
import { severityRank } from '../../core/diagnostics.js';
import type { CheckReport, FormatOptions } from '../../core/report.js';
import { hasMessage, message } from '../../i18n/index.js';
import { groups, isPosition, messageOf, repoPath, slashPath } from './shared.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

export function sarif(report: CheckReport, opts: FormatOptions): string {
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
      artifacts.push({ location: toArtifactLocation(repoPath(file, opts)) });
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
  const rules = codes.map((code) => rule(code, worst.get(code) ?? 'error', opts));

  // Problems alike in every respect but their line are told apart by their order in the file.
  const seenPrints = new Map<string, number>();
  const occurrence = (print: string) => {
    const n = (seenPrints.get(print) ?? 0) + 1;
    seenPrints.set(print, n);
    return n === 1 ? print : `${print}:${n}`;
  };
  const results = located.map((d) => {
    const file = d.file as string;
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: { ...toArtifactLocation(repoPath(file, opts)), index: artifact(file) },
    };
    const region = regionOf(d);
    if (region) physicalLocation.region = region;
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code) as number,
      level: LEVEL[d.severity],
      message: { text: messageOf(d, opts.lang) },
      locations: [{ physicalLocation, ...(d.sheet !== undefined ? { logicalLocations: [cellLocation(d)] } : {}) }],
      partialFingerprints: { [FINGERPRINT]: occurrence(fingerprint(d, repoPath(file, opts))) },
      // The JSON pointer (and in a workbook the sheet and cell) help a reader of the raw log;
      // viewers ignore unknown properties.
      ...(d.path || d.sheet !== undefined ? { properties: { ...(d.path ? { path: d.path } : {}), ...(d.sheet !== undefined ? { sheet: d.sheet, cell: d.cell ?? '' } : {}) } } : {}),
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
            // bpm's documentation online, when known (BPM_DOCS_URL); no address is made up.
            ...(opts.docsUrl ? { informationUri: opts.docsUrl.replace(/\/docs\/rules\.md$/, '') } : {}),
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

/**
 * A rule: its id, a name (the code in PascalCase), the short title, what it checks, and help in
 * the language of --lang (what it checks, why, how to fix: docs/rules.md), with a link to that
 * section when bpm knows where its documentation is online (BPM_DOCS_URL; the GitHub Action sets
 * it to the action's own repository).
 */
function rule(code: string, severity: Severity, opts: FormatOptions) {
  const title = hasMessage(`title.${code}`) ? message(opts.lang, `title.${code}`) : code;
  const entry = opts.ruleHelp?.[code];
  // The chosen language, each part falling back to English where the page has no translation.
  const part = (k: 'checks' | 'why' | 'fix') => entry?.[opts.lang][k] ?? entry?.en[k];
  const more = entry ? (entry[opts.lang].more.length > 0 ? entry[opts.lang].more : entry.en.more) : [];
  const labels = HELP_LABELS[opts.lang];
  const parts = (['checks', 'why', 'fix'] as const).flatMap((k) => {
    const text = part(k);
    return text ? [{ label: labels[k], text }] : [];
  });
  const all = [...parts, ...more];
  const out: Record<string, unknown> = {
    id: code,
    name: code.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: plain(part('checks') ?? title) },
  };
  if (all.length > 0) {
    out.help = {
      text: all.map((p) => `${p.label}${COLON[opts.lang]}${plain(p.text)}`).join('\n'),
      markdown: all.map((p) => `**${p.label}**${COLON[opts.lang]}${p.text}`).join('\n\n'),
    };
  }
  if (opts.docsUrl) out.helpUri = `${opts.docsUrl}#${code}`;
  out.defaultConfiguration = { level: LEVEL[severity] };
  return out;
}

const HELP_LABELS = {
  en: { checks: 'What it checks', why: 'Why', fix: 'How to fix' },
  zh: { checks: '检查内容', why: '原因', fix: '修改方法' },
} as const;
const COLON = { en: ': ', zh: '：' } as const;

/** Markdown's inline code marks removed, for the text forms of the help. */
function plain(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1');
}

/**
 * The key under which code scanning matches a result across runs. It must not change when lines
 * move (an edit above a problem), so it is made of what the problem is: the rule, the file (from
 * the repository root), the JSON pointer of the offending node and the values the message names;
 * and, for problems alike in all of those, the how-many-th such one in the file.
 */
const FINGERPRINT = 'bpmFingerprint/v1';

function fingerprint(d: Diagnostic, file: string): string {
  const key = JSON.stringify([d.code, file, d.path ?? '', stableArgs(d.args)]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** Message arguments without the positional ones (a row number moves with the line). */
function stableArgs(args: Diagnostic['args']): [string, unknown][] {
  if (!args) return [];
  return Object.entries(args)
    .filter(([k]) => !/^(line|column|endLine|row|first|previous|previousLine)$/.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A workbook cell as a logical location (`自评表!D12`): the region's line and column are the
 * cell's row and column number, which a viewer of the binary file cannot show.
 */
function cellLocation(d: Diagnostic): { name: string; fullyQualifiedName: string; kind: string } {
  return { name: d.cell ?? '', fullyQualifiedName: `${d.sheet}!${d.cell ?? ''}`, kind: 'element' };
}

function regionOf(d: Diagnostic): { startLine: number; startColumn?: number } | undefined {
  if (!isPosition(d.line)) return undefined;
  return isPosition(d.column) ? { startLine: d.line, startColumn: d.column } : { startLine: d.line };
}

/**
 * A relative path becomes a relative URI against %SRCROOT%; an absolute one (which bpm avoids
 * but a user may type) becomes a file: URI, which GitHub also accepts.
 */
function toArtifactLocation(file: string): ArtifactLocation {
  const p = slashPath(file);
  const encode = (segments: string[]): string => segments.map((s) => encodeURIComponent(s)).join('/');
  const drive = /^([A-Za-z]:)\/(.*)$/.exec(p);
  if (drive) return { uri: `file:///${drive[1]}/${encode(drive[2].split('/'))}` };
  if (p.startsWith('/')) return { uri: `file://${encode(p.split('/'))}` };
  return { uri: encode(p.split('/')), uriBaseId: '%SRCROOT%' };
}
