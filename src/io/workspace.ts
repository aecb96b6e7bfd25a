// Loading a run: command-line paths → files → parsed, schema-checked, normalised documents
// and the rule context. Every problem becomes a diagnostic on the file that holds it; only a
// path that cannot be read at all (missing file, unmatched glob) throws.
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Dossier, Evaluation, StrategyPlan } from '../core/model/model.js';
import { normaliseDossier, normaliseEvaluation, normaliseStrategy } from '../core/model/normalise.js';
import { BUILTIN_POLICIES, builtinPolicy, type Policy } from '../core/model/policy.js';
import type { DocKind, FileKind } from '../core/report.js';
import type { PolicyDocument, RuleContext } from '../core/rules/index.js';
import type { ScoringPolicyDoc } from '../core/model/schema-types.js';
import { suggest } from '../core/suggest.js';
import { isUsageError, UsageError } from '../errors.js';
import type { InputCode } from './codes.js';
import { parseMonitoringCsv, type MonitoringRow } from './csv.js';
import { decodeYamlText } from './encoding.js';
import { isBpmReport, isOtherCsv } from './bpm-files.js';
import { discoverInputs, type Found, type StdinInput } from './discover.js';
import { MAX_YAML_BYTES, readRegularFile, type ReadResult } from './read-file.js';

export { MAX_YAML_BYTES };

// Kept here too: callers found it in this module first.
export { discoverInputs };
import { PolicyLoadError, resolvePolicyDoc, resolvePolicyRef, type PolicyReads } from './policy-files.js';
import { BPM_API, locateFast, parseYamlFastChecked } from './fast-yaml.js';
import { checkDocument, DOC_KINDS } from './schema.js';
import { emptyScan, scalarsWorthScanning, scanScalars } from './scalars.js';
import { normaliseLineEnds, parseYaml, type ParsedYaml, type Position } from './yaml.js';
import { loadWorkbook, type CellLocation, type FormDossier } from './workbook-files.js';
import { pairForms } from './form-pairs.js';
import { ZIP_LIMITS } from './xlsx/zip.js';
import { BIG_RUN_FILES, tuneForBatch } from './engine.js';

/** A monitoring CSV read whole (validate, score); `bpm variance` streams files of any size. */
export const MAX_CSV_BYTES = 1024 * 1024 * 1024;

export interface LoadOptions {
  cwd: string;
  /** --policy: a built-in name or a ScoringPolicy file. */
  policy?: string;
  /** --strategy: a StrategyPlan file. */
  strategy?: string;
  /** --encoding for CSV files. */
  encoding?: string;
  /**
   * Parse monitoring CSV rows (validate needs them; score only for defaults). `false`: list the
   * CSV files in `monitoring` with no rows, for a command that streams them (variance).
   */
  readCsv?: boolean;
  /** Called after each input file is loaded (a progress bar for large batches). */
  onFile?: (done: number, total: number) => void;
  /**
   * Keep each YAML file's `locate` (its node tree, for positions of later findings). `false`
   * frees the trees once a file is loaded (load-time diagnostics still have positions): a run
   * over thousands of dossiers that reports no rule findings (variance) needs far less memory.
   */
  keepPositions?: boolean;
  /** The inputs, when the caller has discovered them already (discoverInputs). */
  inputs?: Found[];
  /** Standard input, read by the command when a path is `-`. */
  stdin?: StdinInput;
  /**
   * --skip-non-bpm: files named on the command line are read as if found by walking, so that a
   * file that is not a bpm document is skipped rather than reported (pre-commit and lint-staged
   * pass every staged file).
   */
  skipNonBpm?: boolean;
}

export interface LoadedFile {
  /**
   * The file as the user named it; for one sheet of a workbook with several (workbook-files.ts),
   * a key naming the sheet too, which its documents' origins carry: shownFile() gives the name.
   */
  file: string;
  abs: string;
  kind: FileKind | null;
  diagnostics: Diagnostic[];
  /** Position of a JSON pointer in this file: a YAML node, or a workbook cell (then with its sheet and cell). */
  locate?: (pointer: string, key?: boolean) => Position & { sheet?: string; cell?: string };
  /** The workbook's name, when `file` is the key of one of its sheets. */
  shown?: string;
  /** A monitoring sheet: the cell of a row that a data problem (a code) is about. */
  rowCell?: (line: number, code: string) => CellLocation;
}

export interface MonitoringFile {
  file: string;
  abs: string;
  rows: MonitoringRow[];
}

export interface Workspace {
  files: LoadedFile[];
  dossiers: Dossier[];
  evaluations: Evaluation[];
  strategies: StrategyPlan[];
  policies: PolicyDocument[];
  monitoring: MonitoringFile[];
  /** The policy named by --policy (or the single ScoringPolicy of the run), if any. */
  defaultPolicy: Policy;
  ctx: RuleContext;
  /** Absolute paths of every input, so output never overwrites one. */
  inputs: string[];
  /** Run-level diagnostics (no file). */
  diagnostics: Diagnostic[];
  /** Project codes of dossiers that failed their schema. */
  invalidDossierCodes: Set<string>;
  /** Every policy file the load read (`--policy`, `extends`, an evaluation's `policy`), with the fingerprint of what it read. */
  policyFiles: PolicyReads;
  /** The files of those dossiers, with their project codes (for --project). */
  invalidDossierFiles: Map<string, string>;
}


/** A workspace while its files are loaded: everything but the rule context, built last. */
type Loading = Omit<Workspace, 'ctx'>;

/** The input files of a run: the paths given (walked, globs expanded) and the --strategy file. */
export async function loadWorkspace(paths: string[], opts: LoadOptions): Promise<Workspace> {
  const found = opts.inputs ?? (await discoverInputs(paths, opts));
  const all = opts.skipNonBpm ? found.map((f) => (f.explicit ? { ...f, explicit: false } : f)) : found;
  // A batch: the engine's optimising compiler inlines less, its code comes sooner (io/engine.ts).
  if (all.length >= BIG_RUN_FILES) tuneForBatch();

  const ws: Loading = {
    files: [],
    dossiers: [],
    evaluations: [],
    strategies: [],
    policies: [],
    monitoring: [],
    defaultPolicy: builtinPolicy('self')!,
    inputs: all.map((f) => f.abs),
    diagnostics: [],
    invalidDossierCodes: new Set(),
    policyFiles: new Map(),
    invalidDossierFiles: new Map(),
  };
  const policyDocs: { doc: ScoringPolicyDoc; file: LoadedFile }[] = [];
  const forms: FormDossier[] = [];

  for (const [i, f] of all.entries()) {
    let loaded: LoadedFile | undefined;
    const lower = f.abs.toLowerCase();
    if (lower.endsWith('.csv')) loaded = opts.readCsv === false ? listCsv(f, ws) : await loadCsv(f, opts, ws);
    else if (isWorkbookName(lower)) {
      for (const part of readWorkbookFile(f, ws, forms)) ws.files.push(part);
    } else loaded = loadYaml(f, ws, policyDocs);
    if (loaded && opts.keepPositions === false) loaded.locate = undefined;
    if (loaded) ws.files.push(loaded);
    opts.onFile?.(i + 1, all.length);
  }
  // A project's dossier (YAML or 申报表) and its 自评表: the dossier is the reference.
  if (forms.length) pairForms(forms, ws.dossiers, ws.evaluations);

  for (const { doc, file } of policyDocs) {
    try {
      ws.policies.push({ file: file.file, doc, policy: resolvePolicyDoc(doc, file.abs, ws.policyFiles) });
    } catch (e) {
      if (!(e instanceof PolicyLoadError)) throw e;
      file.diagnostics.push({ code: e.key, severity: 'error', file: file.file, path: '/extends', args: policyArgs(e), ...file.locate?.('/extends') });
    }
  }

  if (opts.policy) {
    try {
      ws.defaultPolicy = resolvePolicyRef(opts.policy, opts.cwd, ws.policyFiles);
    } catch (e) {
      if (e instanceof PolicyLoadError) throw new UsageError(e.key, policyArgs(e));
      throw e;
    }
  } else if (ws.policies.length === 1) {
    ws.defaultPolicy = ws.policies[0].policy;
  }

  return Object.assign(ws, { ctx: buildContext(ws, opts) });
}

/** Message arguments of a policy that cannot be used, with its own problems summarised. */
function policyArgs(e: PolicyLoadError): Record<string, string> {
  return { ...e.args, detail: e.diagnostics.map(formatShort).join('; ') };
}

function formatShort(d: Diagnostic): string {
  return `${d.file ?? ''}:${d.line ?? 1}:${d.column ?? 1} ${d.code}`;
}

/** The file's bytes (only its head when it is larger than `cap`), or undefined after a diagnostic. */
function readBytes(f: Found, ws: Loading, cap: number): ReadResult | undefined {
  if (f.content) {
    const size = f.content.length;
    return { bytes: size > cap ? f.content.subarray(0, 64 * 1024) : f.content, size, truncated: size > cap };
  }
  try {
    return readRegularFile(f.abs, f.display, cap);
  } catch (e) {
    if (isUsageError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      const d: Diagnostic<InputCode> = { code: 'is-a-directory', severity: 'error', file: f.display, line: 1, column: 1 };
      ws.diagnostics.push(d);
      return undefined;
    }
    throw new UsageError('unreadable-file', { file: f.display, reason: code ?? String(e) });
  }
}

/**
 * Reads, decodes and parses one YAML file: the parse result, null when the file is done (a
 * diagnostic was recorded), or undefined when it is skipped (not a bpm document, found by walking).
 */
function readAndParse(f: Found, ws: Loading, loaded: LoadedFile, diag: (d: Omit<Diagnostic<InputCode>, 'file'>) => void): (ParsedYaml & { text: string }) | null | undefined {
  const read = readBytes(f, ws, MAX_YAML_BYTES);
  if (!read) return undefined;
  const bytes = read.bytes;
  if (read.truncated) {
    // Found by walking: report it only if its head says it is a bpm document.
    if (!f.explicit && !BPM_API.test(bytes.toString('latin1'))) return undefined;
    diag({ code: 'file-too-large', severity: 'error', args: { size: read.size, limit: MAX_YAML_BYTES } });
    return null;
  }
  const decoded = decodeYamlText(bytes, f.display);
  const text = decoded.text;
  // Walked directories hold other YAML too: skip what is not a bpm document, silently.
  if (!f.explicit && !BPM_API.test(text)) return undefined;
  for (const d of decoded.diagnostics) diag({ ...d });
  if (decoded.diagnostics.some((d) => d.severity === 'error')) return null;
  // (no `{ ...parsed, text }`: see src/core/shapes.ts)
  const parsed = parseWithPositions(text, f.display);
  return { data: parsed.data, diagnostics: parsed.diagnostics, locate: parsed.locate, finite: parsed.finite, text };
}

/**
 * Parses with bpm's reader of the plain subset when it is sure to give the same data as the
 * `yaml` package (see fast-yaml.ts); positions then come from reading the text again, only if
 * something asks for one, as the `yaml` package would give them. Both see the text with its line
 * ends normalised.
 */
export function parseWithPositions(source: string, file: string): ParsedYaml {
  const text = normaliseLineEnds(source);
  const fast = parseYamlFastChecked(text);
  if (fast === undefined) return parseYaml(text, file);
  let locate: ParsedYaml['locate'] | undefined;
  return {
    data: fast.data,
    diagnostics: [],
    locate: (pointer, key) => (locate ??= locateFast(text) ?? parseYaml(text, file).locate)(pointer, key),
    finite: fast.finite ? true : undefined,
  };
}

function loadYaml(f: Found, ws: Loading, policyDocs: { doc: ScoringPolicyDoc; file: LoadedFile }[]): LoadedFile | undefined {
  const loaded: LoadedFile = { file: f.display, abs: f.abs, kind: null, diagnostics: [] };
  const diag = (d: Omit<Diagnostic<InputCode>, 'file'>) => loaded.diagnostics.push({ line: 1, column: 1, ...d, file: f.display });
  const parsed = readAndParse(f, ws, loaded, diag);
  if (!parsed) return parsed === null ? loaded : undefined;
  loaded.locate = parsed.locate;
  loaded.diagnostics.push(...parsed.diagnostics);
  const data = parsed.data as Record<string, unknown> | undefined;
  if (!data) return loaded;
  if (data.apiVersion !== 'bpm/v1') {
    if (!f.explicit) return undefined;
    diag({ code: 'not-bpm-document', severity: 'error', path: '/apiVersion', args: { apiVersion: String(data.apiVersion ?? '') }, ...parsed.locate('/apiVersion') });
    return loaded;
  }
  const kind = data.kind as DocKind;
  if (!DOC_KINDS.includes(kind)) {
    diag({ code: 'unknown-kind', severity: 'error', path: '/kind', args: { kind: String(data.kind ?? ''), kinds: DOC_KINDS.join(', '), suggestion: suggest(String(data.kind ?? ''), DOC_KINDS) ?? null }, ...parsed.locate('/kind') });
    return loaded;
  }
  loaded.kind = kind;
  // One walk over the values: ９０ and ％ typed by an IME are read as 90 and %, with a note
  // where each was; what else it finds is reported below and by checkDocument.
  // (Skipped when the text shows there is nothing to find: most documents of a batch.)
  const scan = parsed.finite !== true || scalarsWorthScanning(parsed.text) ? scanScalars(data, { fold: true, invisible: true }) : emptyScan();
  for (const x of scan.folded) {
    diag({ code: 'full-width-normalised', severity: 'info', path: x.pointer, args: { value: x.from, as: x.to }, ...parsed.locate(x.pointer) });
  }
  const { doc, diagnostics } = checkDocument(kind, data, f.display, scan);
  for (const d of diagnostics) {
    const at = parsed.locate(d.path ?? '', d.code === 'unknown-key');
    if (d.code === 'unknown-key' && valueAt(data, d.path ?? '') === null) {
      // `{name: 福彩公益金, 含上级补助, amount: 100}`: an ASCII comma split the value and made the
      // rest a key of its own. Say so, rather than advise removing the user's text.
      const before = commaBefore(parsed.text, at.line, at.column);
      if (before !== undefined) d.args = { ...d.args, variant: 'comma', value: `${before}, ${String(d.args?.key)}`, suggestion: null };
    }
    loaded.diagnostics.push({ ...d, ...at });
  }
  // Text that starts or ends with a character YAML does not take as white space (a full-width
  // space typed after 万元): a warning that names it, unless a schema error there names it already.
  const failed = scan.invisible.length > 0 ? new Set(diagnostics.map((d) => d.path)) : undefined;
  for (const { pointer: path, value, edge } of scan.invisible) {
    if (failed?.has(path)) continue;
    const { at, ...char } = edge;
    diag({ code: 'invisible-character', severity: 'warning', path, args: { value, ...char, ...(at === 'start' ? { variant: 'start' } : {}) }, ...parsed.locate(path) });
  }
  if (!doc) {
    const code = (data.project as Record<string, unknown> | undefined)?.code;
    if (kind === 'ProjectDossier' && typeof code === 'string') {
      ws.invalidDossierCodes.add(code);
      ws.invalidDossierFiles.set(f.display, code);
    }
    return loaded;
  }

  switch (doc.kind) {
    case 'ProjectDossier':
      ws.dossiers.push(normaliseDossier(doc, f.display));
      break;
    case 'Evaluation':
      ws.evaluations.push(normaliseEvaluation(doc, f.display));
      break;
    case 'StrategyPlan':
      ws.strategies.push(normaliseStrategy(doc, f.display));
      break;
    case 'ScoringPolicy':
      policyDocs.push({ doc, file: loaded });
      break;
  }
  return loaded;
}

/** The value at a JSON pointer of plain data (undefined when there is none). */
function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const seg of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

/**
 * When the text at line:column (1-based) follows `value,` inside a `{…}` on the same line, the
 * plain value before the comma; else undefined.
 */
export function commaBefore(text: string, line: number, column: number): string | undefined {
  const row = text.split(/\r\n|\n|\r/)[line - 1];
  if (row === undefined) return undefined;
  const head = row.slice(0, column - 1);
  const m = /[{,]\s*([^{},:]+?)\s*:\s*([^{},]*?)\s*,\s*$/.exec(head);
  if (!m || !head.includes('{') || m[2] === '') return undefined;
  return m[2];
}

/** Workbooks by their names: .xlsx (and macro-enabled .xlsm), and the formats refused with a hint to save as .xlsx. */
function isWorkbookName(lower: string): boolean {
  return /\.(xlsx|xlsm|xls|et|ods)$/.test(lower);
}

/** The parts of a workbook (workbook-files.ts), their documents added to the run. */
function readWorkbookFile(f: Found, ws: Loading, forms: FormDossier[]): LoadedFile[] {
  const read = readBytes(f, ws, ZIP_LIMITS.maxFileBytes);
  if (!read) return [];
  if (read.truncated) {
    const d: Diagnostic<InputCode> = { code: 'xlsx-too-large', severity: 'error', file: f.display, line: 1, column: 1, args: { variant: 'file', limit: ZIP_LIMITS.maxFileBytes } };
    return [{ file: f.display, abs: f.abs, kind: null, diagnostics: [d] }];
  }
  const wb = loadWorkbook(read.bytes, f.display, f.abs, f.explicit);
  if (!wb) return [];
  for (const form of wb.forms) {
    ws.dossiers.push(form.dossier);
    forms.push(form);
  }
  ws.evaluations.push(...wb.evaluations);
  ws.monitoring.push(...wb.monitoring);
  for (const [file, code] of wb.invalid) {
    ws.invalidDossierCodes.add(code);
    ws.invalidDossierFiles.set(file, code);
  }
  return wb.files;
}

/**
 * The position fields of a diagnostic found after loading (a rule, a monitoring check) in the
 * file it names: its YAML node or workbook cell by JSON pointer, or the cell of a monitoring
 * sheet's row; line 1, column 1 when nothing better is known.
 */
export function positionIn(f: LoadedFile, d: Pick<Diagnostic, 'path' | 'line' | 'code'> & { key?: boolean }): Partial<CellLocation> {
  if (d.line === undefined) return f.locate ? f.locate(d.path ?? '', d.key) : { line: 1, column: 1 };
  return f.rowCell ? f.rowCell(d.line, d.code) : {};
}

/** The file a report names for a diagnostic's or document's file: a workbook's name for one of its sheets. */
export function shownFile(ws: Pick<Workspace, 'files'>): (file: string) => string {
  const shown = new Map<string, string>();
  for (const f of ws.files) if (f.shown !== undefined) shown.set(f.file, f.shown);
  return (file) => shown.get(file) ?? file;
}

/**
 * Gives diagnostics with the files a report names (see shownFile), built once per run; it
 * returns the same list when no file of the run is renamed.
 */
export function showFiles(ws: Pick<Workspace, 'files'>): <T extends Diagnostic>(list: T[]) => T[] {
  if (!ws.files.some((f) => f.shown !== undefined)) return (list) => list;
  const name = shownFile(ws);
  return (list) => list.map((d) => (d.file === undefined || name(d.file) === d.file ? d : { ...d, file: name(d.file) }));
}

/** The command streams the file itself (bpm variance: files of any size): listed, not read. */
function listCsv(f: Found, ws: Loading): LoadedFile | undefined {
  // bpm's own CSV reports (`score --out-dir` into a project folder) are not data.
  if (!f.explicit) {
    try {
      if (isOtherCsv(readRegularFile(f.abs, f.display, 0, 4096).bytes)) return undefined;
    } catch {
      // unreadable: the streaming read reports it
    }
  }
  ws.monitoring.push({ file: f.display, abs: f.abs, rows: [] });
  return { file: f.display, abs: f.abs, kind: 'MonitoringData', diagnostics: [] };
}

async function loadCsv(f: Found, opts: LoadOptions, ws: Loading): Promise<LoadedFile | undefined> {
  const read = readBytes(f, ws, MAX_CSV_BYTES);
  if (!read) return undefined;
  if (read.truncated) {
    const diagnostics: Diagnostic<InputCode>[] = [{ code: 'file-too-large', severity: 'error', file: f.display, line: 1, column: 1, args: { size: read.size, limit: MAX_CSV_BYTES, variant: 'csv' } }];
    return { file: f.display, abs: f.abs, kind: 'MonitoringData', diagnostics };
  }
  // Found by walking, a CSV of another kind (one of bpm's own reports, say) is skipped.
  if (!f.explicit && isOtherCsv(read.bytes)) return undefined;
  if (isBpmReport(read.bytes)) {
    // Named, one of bpm's own reports is not monitoring data.
    const d: Diagnostic<InputCode> = { code: 'csv-is-bpm-report', severity: 'error', file: f.display, line: 1, column: 1 };
    return { file: f.display, abs: f.abs, kind: 'MonitoringData', diagnostics: [d] };
  }
  const res = parseMonitoringCsv(read.bytes, f.display, { encoding: opts.encoding });
  ws.monitoring.push({ file: f.display, abs: f.abs, rows: res.rows });
  return { file: f.display, abs: f.abs, kind: 'MonitoringData', diagnostics: res.diagnostics };
}

function buildContext(ws: Loading, opts: LoadOptions): RuleContext {
  const dossierByCode = new Map<string, Dossier>();
  for (const d of ws.dossiers) if (!dossierByCode.has(d.code)) dossierByCode.set(d.code, d);
  const evalPolicy = new Map<string, Policy>();
  if (!opts.policy && ws.evaluations.length > 0) {
    // An evaluation may name its policy; it then governs its project's weights too.
    const byFile = new Map(ws.files.map((f) => [f.file, f]));
    // One resolution per policy (a batch's evaluations all name the same file or built-in):
    // resolving reads, parses and checks the file and builds its decimals every time. Keyed by
    // the reference as written and the file it names (error messages quote the reference).
    const resolved = new Map<string, Policy | PolicyLoadError>();
    for (const e of ws.evaluations) {
      if (!e.policy || evalPolicy.has(e.project)) continue;
      const file = byFile.get(e.origin.file);
      try {
        const base = dirname(file?.abs ?? opts.cwd);
        const key = Object.hasOwn(BUILTIN_POLICIES, e.policy) ? `builtin:${e.policy}` : `${e.policy}\0${resolve(base, e.policy)}`;
        let policy = resolved.get(key);
        if (policy === undefined) {
          try {
            policy = resolvePolicyRef(e.policy, base, ws.policyFiles);
          } catch (err) {
            if (!(err instanceof PolicyLoadError)) throw err;
            policy = err;
          }
          resolved.set(key, policy);
        }
        if (policy instanceof PolicyLoadError) throw policy;
        evalPolicy.set(e.project, policy);
      } catch (err) {
        if (!(err instanceof PolicyLoadError)) throw err;
        file?.diagnostics.push({ code: err.key, severity: 'error', file: e.origin.file, path: '/policy', args: policyArgs(err), ...file.locate?.('/policy') });
      }
    }
  }
  const ids = ws.strategies.length ? new Set(ws.strategies.flatMap((s) => s.objectives.map((o) => o.id))) : undefined;
  return {
    dossiers: ws.dossiers,
    evaluations: ws.evaluations,
    strategies: ws.strategies,
    policies: ws.policies,
    policyFor: (d) => evalPolicy.get(d.code) ?? ws.defaultPolicy,
    objectiveIds: ids,
    dossierByCode,
    invalidDossierCodes: ws.invalidDossierCodes,
  };
}
