// `bpm init [dir]`: a ready-to-edit example project (dossier, evaluation, monitoring CSV and the
// strategy plan its objectives refer to), copied from a bundled example and moved to `--year`;
// with `--blank`, a skeleton to fill in (blank.ts); with `--format xlsx`, a blank 绩效目标申报表
// workbook instead. Existing files are never overwritten: init refuses and names them.
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { blankFiles } from './blank.js';
import { PACKAGE_ROOT } from '../../paths.js';

/** The bundled example that `bpm init` starts from. */
const INIT_EXAMPLE = 'culture-community-events';

const root = fileURLToPath(PACKAGE_ROOT);

export interface InitResult {
  dir: string;
  files: string[];
}

export type InitFormat = 'yaml' | 'xlsx';

/** The workbook `bpm init --format xlsx` writes. */
export const INIT_WORKBOOK = 'dossier.xlsx';

/** The year of the bundled example; `--year` moves its dates, periods and codes to another. */
export const EXAMPLE_YEAR = 2025;

export interface InitOptions {
  cwd: string;
  dir?: string;
  format?: InitFormat;
  /** The fiscal year of the project written (default: the example's, EXAMPLE_YEAR). */
  year?: number;
  /** A skeleton to fill in (blank.ts) instead of the example; `todo` is its placeholder word. */
  blank?: { todo: string };
}

export async function init(opts: InitOptions): Promise<InitResult> {
  const dir = resolve(opts.cwd, opts.dir ?? '.');
  const plan = opts.format === 'xlsx' ? await workbookPlan(dir, opts.year) : opts.blank ? blankPlan(dir, opts.year ?? EXAMPLE_YEAR, opts.blank.todo) : await examplePlan(dir, opts.year ?? EXAMPLE_YEAR);

  const existing: string[] = [];
  for (const p of plan) {
    try {
      await access(p.target, constants.F_OK);
      existing.push(relative(opts.cwd, p.target) || p.target);
    } catch {
      // does not exist: good
    }
  }
  if (existing.length) throw new UsageError('init-would-overwrite', { files: existing.join(', ') });
  await mkdir(dir, { recursive: true });
  for (const p of plan) await writeFile(p.target, p.content, { flag: 'wx' });
  return { dir, files: plan.map((p) => relative(opts.cwd, p.target) || p.target) };
}

/** The example project for fiscal `year`, its YAML files pointing at this installation's schemas. */
async function examplePlan(dir: string, year: number): Promise<{ target: string; content: string | Buffer }[]> {
  const exampleDir = join(root, 'examples', INIT_EXAMPLE);
  const files = [...['dossier.yaml', 'evaluation.yaml', 'monitoring.csv'].map((name) => ({ name, source: join(exampleDir, name) })), { name: 'strategy.yaml', source: join(root, 'examples', 'strategy.yaml') }];
  const plan: { target: string; content: string | Buffer }[] = [];
  for (const { name, source } of files) {
    const target = join(dir, name);
    plan.push({ target, content: pointAtSchemas(inYear(await readFile(source, 'utf8'), year), target) });
  }
  return plan;
}

/** The skeleton of blank.ts for fiscal `year`. */
function blankPlan(dir: string, year: number, todo: string): { target: string; content: string }[] {
  return blankFiles(year, todo).map(({ name, content }) => {
    const target = join(dir, name);
    return { target, content: pointAtSchemas(content, target) };
  });
}

/**
 * The example's text moved from EXAMPLE_YEAR to `year`: dates and periods (2025-07-15, 2025-Q3),
 * project codes (DL-2025-WL-001), `year: 2025` and 2025年. The example's dates are valid in any
 * year (none is 29 February).
 */
export function inYear(text: string, year: number): string {
  if (year === EXAMPLE_YEAR) return text;
  return text.replace(new RegExp(`(?<![0-9])${EXAMPLE_YEAR}(?=-|年|\\s*$)`, 'gm'), String(year));
}

/**
 * Points the YAML language server at this installation's schemas by a path relative to the
 * written file: it resolves here, and still resolves after the folder is committed and cloned
 * elsewhere with bpm at the same place relative to it (a devDependency in node_modules/, or a
 * project inside a bpm checkout). An absolute path would name this machine.
 */
function pointAtSchemas(content: string, target: string): string {
  return content.replace(/^# yaml-language-server: \$schema=\S*?([\w-]+\.schema\.json)\s*$/m, (_m, file: string) => `# yaml-language-server: $schema=${schemaRef(target, join(root, 'schemas', file))}`);
}

/** A blank 绩效目标申报表 (template.ts), its title naming `year` when one is given. */
async function workbookPlan(dir: string, year?: number): Promise<{ target: string; content: Buffer }[]> {
  const [{ writeWorkbook }, { declarationTemplate }] = await Promise.all([import('../../io/xlsx/write.js'), import('./template.js')]);
  return [{ target: join(dir, INIT_WORKBOOK), content: writeWorkbook(declarationTemplate(year)) }];
}

/** The path of `schemaFile` relative to the directory of `target`, with `/` separators. */
export function schemaRef(target: string, schemaFile: string): string {
  return relative(dirname(target), schemaFile).split(sep).join('/');
}
