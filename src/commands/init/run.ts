// `bpm init [dir]`: a ready-to-edit example project (dossier, evaluation, monitoring CSV and the
// strategy plan its objectives refer to), copied from a bundled example; with `--format xlsx`, a
// blank 绩效目标申报表 workbook instead. Existing files are never overwritten: init refuses and
// names them.
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';

/** The bundled example that `bpm init` starts from. */
const INIT_EXAMPLE = 'culture-community-events';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface InitResult {
  dir: string;
  files: string[];
}

export type InitFormat = 'yaml' | 'xlsx';

/** The workbook `bpm init --format xlsx` writes. */
export const INIT_WORKBOOK = 'dossier.xlsx';

export async function init(opts: { cwd: string; dir?: string; format?: InitFormat }): Promise<InitResult> {
  const dir = resolve(opts.cwd, opts.dir ?? '.');
  const plan = opts.format === 'xlsx' ? await workbookPlan(dir) : await examplePlan(dir);

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

/** The example project, its YAML files pointing at this installation's schemas. */
async function examplePlan(dir: string): Promise<{ target: string; content: string | Buffer }[]> {
  const exampleDir = join(root, 'examples', INIT_EXAMPLE);
  const schemaDir = join(root, 'schemas');
  const plan: { target: string; content: string | Buffer }[] = [];
  for (const name of ['dossier.yaml', 'evaluation.yaml', 'monitoring.csv']) {
    let content = await readFile(join(exampleDir, name), 'utf8');
    const target = join(dir, name);
    // Point the YAML language server at this installation's schemas by a path relative to the
    // written file: it resolves here, and still resolves after the folder is committed and
    // cloned elsewhere with bpm at the same place relative to it (a devDependency in
    // node_modules/, or a project inside a bpm checkout). An absolute path would name this machine.
    content = content.replace(/^# yaml-language-server: \$schema=\S*?([\w-]+\.schema\.json)\s*$/m, (_m, file: string) => `# yaml-language-server: $schema=${schemaRef(target, join(schemaDir, file))}`);
    plan.push({ target, content });
  }
  plan.push({ target: join(dir, 'strategy.yaml'), content: await readFile(join(root, 'examples', 'strategy.yaml'), 'utf8') });
  return plan;
}

/** A blank 绩效目标申报表 (template.ts). */
async function workbookPlan(dir: string): Promise<{ target: string; content: Buffer }[]> {
  const [{ writeWorkbook }, { declarationTemplate }] = await Promise.all([import('../../io/xlsx/write.js'), import('./template.js')]);
  return [{ target: join(dir, INIT_WORKBOOK), content: writeWorkbook(declarationTemplate()) }];
}

/** The path of `schemaFile` relative to the directory of `target`, with `/` separators. */
export function schemaRef(target: string, schemaFile: string): string {
  return relative(dirname(target), schemaFile).split(sep).join('/');
}
