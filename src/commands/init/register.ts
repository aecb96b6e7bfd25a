import type { Command } from 'commander';
import type { CliEnv } from '../../cli/env.js';
import { resolveLang } from '../../i18n/lang.js';

export function register(program: Command, env: CliEnv): void {
  program
    .command('init')
    .description('write a ready-to-edit example project / 生成示例项目')
    .argument('[dir]', 'target directory (default: .)')
    .option('--lang <lang>', 'language of messages / 输出语言')
    .action(async (dir: string | undefined, opts: { lang?: string }) => {
      const [{ init }, { t }] = await Promise.all([import('./run.js'), import('../../i18n/index.js')]);
      const res = await init({ cwd: env.cwd, dir });
      const lang = resolveLang(opts.lang, env.env);
      env.stdout.write(t(lang, 'init.done', { dir: res.dir }) + '\n' + res.files.map((f) => `  ${f}`).join('\n') + '\n' + t(lang, 'init.next', { dir: dir ?? '.' }) + '\n');
    });
}
