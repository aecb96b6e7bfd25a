// `bpm import FILE.xlsx… [-o DIR] [--force]` (docs/formats.md#excel-workbooks): the YAML documents read from
// workbooks, as DIR/<code>/dossier.yaml and evaluation.yaml (monitoring sheets as
// DIR/<workbook>.csv). Each file starts with a comment naming its workbook and sheet. Nothing is
// written when a workbook has an error, nor over an existing file unless `force`.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { MonitoringRow } from '../../core/monitoring/data.js';
import { UsageError } from '../../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import { discover } from '../../io/discover.js';
import { writeOutput } from '../../io/output.js';
import { readWorkbookDocuments, type WorkbookDocument } from '../../io/xlsx/forms/index.js';
import { pairDocuments } from '../../io/form-pairs.js';
import { documentYaml } from '../../io/yaml-write.js';
import { schemaRef } from '../init/run.js';
import { validateFresh } from '../validate/run.js';
import { packageUrl } from '../../paths.js';

const SCHEMA_DIR = fileURLToPath(packageUrl('schemas/'));
const SCHEMA_FILE = { ProjectDossier: 'project-dossier.schema.json', Evaluation: 'evaluation.schema.json' } as const;

export interface ImportOptions {
  cwd: string;
  files: string[];
  /** -o: the folder the project folders go into; the working directory when absent. */
  outDir?: string;
  force?: boolean;
  lang: Lang;
}

export interface PlannedFile {
  /** Absolute path. */
  target: string;
  content: string;
  /** The workbook and sheet it comes from. */
  source: { file: string; sheet: string };
}

export interface ImportResult {
  /** Files written (relative to cwd), in order; empty when a workbook had an error. */
  written: string[];
  diagnostics: Diagnostic[];
}

export async function importWorkbooks(opts: ImportOptions): Promise<ImportResult> {
  const { files } = await discover(opts.files, { cwd: opts.cwd, extensions: ['.xlsx'] });
  const dir = resolve(opts.cwd, opts.outDir ?? '.');
  const diagnostics: Diagnostic[] = [];
  const picked = new Picker(diagnostics);
  for (const f of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(f.abs);
    } catch (e) {
      throw new UsageError('unreadable-file', { file: f.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    const reading = readWorkbookDocuments(bytes, f.display);
    diagnostics.push(...reading.diagnostics);
    for (const doc of reading.documents) picked.add(f.display, doc);
  }
  // A 自评表 whose project's dossier comes from a 申报表: what its own dossier lacks is moot.
  const superseded = new Set<string>();
  for (const [code, self] of picked.selfDossiers) if (picked.dossiers.get(code)?.doc.form === 'declaration') superseded.add(`${self.file}\0${self.doc.sheet}`);
  const moot = (d: Diagnostic) => (d.code === 'form-no-objectives' || d.code === 'form-no-weights') && superseded.has(`${d.file}\0${d.sheet}`);
  if (superseded.size) diagnostics.splice(0, diagnostics.length, ...diagnostics.filter((d) => !moot(d)));
  if (diagnostics.some((d) => d.severity === 'error')) return { written: [], diagnostics };
  // The documents read are checked as `bpm validate` checks the same workbooks (schema and
  // rules, at their sheets and cells): a workbook with an error writes nothing.
  const { report } = await validateFresh({ paths: opts.files, cwd: opts.cwd, lang: opts.lang });
  const errors = [...report.diagnostics, ...report.files.flatMap((f) => f.diagnostics)].filter((d) => d.severity === 'error');
  if (errors.length) return { written: [], diagnostics: [...diagnostics, ...errors] };

  const plan = planFiles(picked, dir, opts.lang);
  if (!opts.force) {
    const existing: string[] = [];
    for (const p of plan) if (await exists(p.target)) existing.push(relative(opts.cwd, p.target) || p.target);
    if (existing.length) throw new UsageError('import-would-overwrite', { files: existing.join(', ') });
  }
  const inputs = files.map((f) => f.abs);
  const written: string[] = [];
  for (const p of plan) {
    await mkdir(resolve(p.target, '..'), { recursive: true });
    await writeOutput(p.content, { output: p.target, cwd: opts.cwd, inputs, force: opts.force });
    written.push(relative(opts.cwd, p.target) || p.target);
  }
  return { written, diagnostics };
}

interface Picked {
  file: string;
  doc: WorkbookDocument;
}

/**
 * The documents to write, one dossier and one evaluation per project code. A dossier from a
 * 申报表 is the reference and wins over the one a 自评表 carries; two of the same kind for one
 * project are an error at the second.
 */
class Picker {
  readonly dossiers = new Map<string, Picked>();
  readonly evaluations = new Map<string, Picked>();
  readonly monitoring: Picked[] = [];
  /** The dossier each 自评表 carries, by project code (the 申报表's, when there is one, wins). */
  readonly selfDossiers = new Map<string, Picked>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  add(file: string, doc: WorkbookDocument): void {
    if (doc.kind === 'MonitoringData') {
      this.monitoring.push({ file, doc });
      return;
    }
    const dossier = doc.kind === 'ProjectDossier';
    const code = String(dossier ? (doc.data.project as { code: string }).code : doc.data.project);
    if (dossier && doc.form === 'self-evaluation' && !this.selfDossiers.has(code)) this.selfDossiers.set(code, { file, doc });
    const map = dossier ? this.dossiers : this.evaluations;
    const other = map.get(code);
    if (!other || (dossier && other.doc.form === 'self-evaluation' && doc.form === 'declaration')) {
      map.set(code, { file, doc });
      return;
    }
    if (dossier && other.doc.form === 'declaration' && doc.form === 'self-evaluation') return;
    const pos = doc.positions[dossier ? '/project/code' : '/project'] ?? doc.positions[''];
    this.diagnostics.push({
      code: dossier ? 'project-code-duplicate' : 'evaluation-duplicate',
      severity: 'error',
      file,
      sheet: pos.sheet,
      cell: pos.cell,
      line: pos.row,
      column: pos.col,
      args: { code, project: code, evaluator: 'self', other: `${other.file} ${other.doc.sheet}` },
    });
  }
}

function planFiles(picked: Picker, dir: string, lang: Lang): PlannedFile[] {
  const plan: PlannedFile[] = [];
  // A 申报表 and the 自评表 of its project: the evaluation takes the 申报表's indicator codes
  // (io/form-pairs.ts, as when the workbooks are scored).
  for (const [code, d] of picked.dossiers) {
    const self = picked.selfDossiers.get(code);
    if (d.doc.form === 'declaration' && self) pairDocuments(d.doc, self.doc, picked.evaluations.get(code)?.doc);
  }
  const codes = [...new Set([...picked.dossiers.keys(), ...picked.evaluations.keys()])].sort();
  for (const code of codes) {
    const folder = join(dir, folderName(code));
    for (const [kind, name, p] of [
      ['ProjectDossier', 'dossier.yaml', picked.dossiers.get(code)],
      ['Evaluation', 'evaluation.yaml', picked.evaluations.get(code)],
    ] as const) {
      if (!p) continue;
      const target = join(folder, name);
      const comments = [t(lang, 'import.source', { file: p.file, sheet: p.doc.sheet }), `yaml-language-server: $schema=${schemaRef(target, join(SCHEMA_DIR, SCHEMA_FILE[kind]))}`];
      plan.push({ target, content: documentYaml(p.doc.data, comments), source: { file: p.file, sheet: p.doc.sheet } });
    }
  }
  // Monitoring sheets: one CSV per sheet, named after the workbook.
  const used = new Map<string, number>();
  for (const { file, doc } of picked.monitoring) {
    const base = basename(file, extname(file));
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    plan.push({ target: join(dir, `${folderName(base)}${n > 1 ? `-${n}` : ''}.csv`), content: monitoringCsv(doc.data.rows as MonitoringRow[]), source: { file, sheet: doc.sheet } });
  }
  return plan;
}

/** A project code as a folder name: never a path (no separators, not "." or ".."). */
function folderName(code: string): string {
  const safe = code.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return safe === '' || /^\.+$/.test(safe) ? '_' : safe;
}

/** Monitoring rows as a CSV the monitoring reader reads back (UTF-8 with BOM, like bpm's csv output). */
function monitoringCsv(rows: MonitoringRow[]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['project,period,metric,value,note'];
  for (const r of rows) lines.push([r.project, r.period, r.metric, r.value === null ? '' : `${r.value}${r.percent ? '%' : ''}`, r.note ?? ''].map(cell).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
