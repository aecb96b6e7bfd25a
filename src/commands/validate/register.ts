import { Option, type Command } from 'commander';
import type { CliEnv, CommonOptions } from '../../cli/env.js';
import { addCommonOptions, junitWarningsOption, parseMaxWarnings } from '../../cli/common.js';
import { DEFAULT_VALIDATE_FORMAT, VALIDATE_FORMATS, type ValidateFormatName } from '../../formats/names.js';

export interface ValidateCliOptions extends CommonOptions<ValidateFormatName> {
  maxWarnings?: number;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'content' | 'metadata';
  skipNonBpm?: boolean;
  stdinFilename?: string;
  junitWarnings?: 'output' | 'failure';
}

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('validate')
    .description('check dossiers, evaluations, policies, strategy plans and monitoring CSVs / 校验')
    .argument('[paths...]', 'files, directories or globs (default: .)');
  addCommonOptions(cmd, VALIDATE_FORMATS, DEFAULT_VALIDATE_FORMAT)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this; -1: no limit / 警告数上限（-1 不限）', parseMaxWarnings)
    .addOption(junitWarningsOption())
    .option('--stdin-filename <name>', 'the name of the file read from standard input (path `-`): messages use it and `.csv` makes it monitoring data / 标准输入的文件名')
    .option('--skip-non-bpm', 'skip named files that are not bpm documents, as a directory walk does (pre-commit, lint-staged) / 跳过非 bpm 文档')
    .option('--cache', 'reuse the results of an identical earlier run (.bpmcache) / 使用缓存')
    .option('--cache-location <path>', 'cache file or directory (default: .bpmcache) / 缓存位置')
    .addOption(new Option('--cache-strategy <strategy>', 'how unchanged files are recognised / 判断文件未变的方式').choices(['content', 'metadata']).default('content'))
    .action(async (paths: string[], opts: ValidateCliOptions) => {
      const { validateCommand } = await import('./action.js');
      await validateCommand(paths, opts, env);
    });
}
