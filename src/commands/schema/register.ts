import { Option, type Command } from 'commander';
import type { CliEnv } from '../../cli/env.js';
import { UsageError } from '../../errors.js';

const KIND_NAMES: Record<string, string> = {
  projectdossier: 'ProjectDossier',
  dossier: 'ProjectDossier',
  evaluation: 'Evaluation',
  scoringpolicy: 'ScoringPolicy',
  policy: 'ScoringPolicy',
  strategyplan: 'StrategyPlan',
  strategy: 'StrategyPlan',
};

export function register(program: Command, env: CliEnv): void {
  program
    .command('schema')
    .description('print the JSON Schema of a document kind / 输出 JSON Schema')
    .argument('[kind]', 'ProjectDossier (default), Evaluation, ScoringPolicy or StrategyPlan')
    .option('-o, --output <file>', 'write to a file / 写入文件')
    .option('--force', 'let -o replace an existing bpm document / 允许 -o 覆盖已有的 bpm 文档')
    .option('--list', 'list the kinds and schema files / 列出文档类型')
    .addOption(new Option('--lang <lang>', 'language of messages / 输出语言').choices(['zh', 'en']))
    .action(async (kind: string | undefined, opts: { output?: string; force?: boolean; list?: boolean }) => {
      const [{ readSchema, SCHEMA_FILES }, { writeOutput }] = await Promise.all([import('../../io/schema.js'), import('../../io/output.js')]);
      if (opts.list) {
        const lines = Object.entries(SCHEMA_FILES).map(([k, f]) => `${k}\tschemas/${f}`);
        await writeOutput(lines.join('\n') + '\n', { output: opts.output, force: opts.force, cwd: env.cwd, inputs: [], stdout: env.stdout });
        return;
      }
      const name = KIND_NAMES[(kind ?? 'ProjectDossier').toLowerCase().replace(/[-_\s]/g, '')];
      if (!name) throw new UsageError('unknown-schema-kind', { kind: kind ?? '', kinds: Object.keys(SCHEMA_FILES).join(', ') });
      const schema = readSchema(name as keyof typeof SCHEMA_FILES);
      await writeOutput(JSON.stringify(schema, null, 2) + '\n', { output: opts.output, force: opts.force, cwd: env.cwd, inputs: [], stdout: env.stdout });
    });
}
