// `bpm init [dir]`: a ready-to-edit example project (dossier, evaluation, monitoring CSV and the
// strategy plan its objectives refer to), copied from a bundled example. Existing files are
// never overwritten: init refuses and names them.
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';

/** The bundled example that `bpm init` starts from. */
export const INIT_EXAMPLE = 'culture-community-events';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface InitResult {
  dir: string;
  files: string[];
}

export async function init(opts: { cwd: string; dir?: string }): Promise<InitResult> {
  const dir = resolve(opts.cwd, opts.dir ?? '.');
  const exampleDir = join(root, 'examples', INIT_EXAMPLE);
  const schemaDir = join(root, 'schemas');
  const plan: { target: string; content: string }[] = [];
  for (const name of ['dossier.yaml', 'evaluation.yaml', 'monitoring.csv']) {
    let content = await readFile(join(exampleDir, name), 'utf8');
    // Point the YAML language server at this installation's schemas (absolute path).
    content = content.replace(/^# yaml-language-server: \$schema=\S*?([\w-]+\.schema\.json)\s*$/m, (_m, file: string) => `# yaml-language-server: $schema=${join(schemaDir, file)}`);
    plan.push({ target: join(dir, name), content });
  }
  plan.push({ target: join(dir, 'strategy.yaml'), content: await readFile(join(root, 'examples', 'strategy.yaml'), 'utf8') });

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
