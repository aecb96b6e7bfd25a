// What every command resolves from its options and environment, kept apart from the commander
// option definitions (common.ts) so that validate's fast path (commands/validate/fast.ts) can use
// it without loading commander.
import { resolveLang, type Lang } from '../i18n/lang.js';
import { repositoryRoot } from '../io/repo-root.js';
import type { CliEnv, CommonOptions, Resolved } from './env.js';

/**
 * Language and colour for this run. Colour: --color / --no-color decide; else FORCE_COLOR
 * (0 or false: off, anything else: on) and NO_COLOR; else only on a terminal that can show it
 * (not TERM=dumb) and not into a file (-o).
 */
export function resolveCommon(opts: CommonOptions, env: CliEnv): Resolved {
  const lang = resolveLang(opts.lang, env.env);
  // Tables fit the terminal they are shown on; piped or written to a file, they are as wide as
  // their content (the same bytes every time).
  const tty = Boolean(env.stdout.isTTY) && opts.output === undefined;
  const width = tty && env.columns !== undefined && env.columns > 0 ? { width: env.columns } : {};
  if (opts.color !== undefined) return { lang, color: opts.color, ...width };
  const force = env.env.FORCE_COLOR;
  let color = tty && env.env.TERM !== 'dumb';
  if (force !== undefined) color = force !== '0' && force !== 'false';
  if (env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '') color = false;
  return { lang, color, ...width };
}

/** What every loading command takes from the command line: where, which language, which policy. */
export function loadOptions(opts: CommonOptions, env: CliEnv, lang: Lang) {
  return { cwd: env.cwd, lang, policy: opts.policy, strategy: opts.strategy, encoding: opts.encoding };
}

/**
 * For the formats CI tools read (sarif, github): where report paths are relative to (cwd) and
 * the repository root they must be re-based on; undefined for the other formats.
 */
export function reportPaths(format: string | undefined, env: CliEnv): { cwd: string; root: string } | undefined {
  if (format !== 'sarif' && format !== 'github') return undefined;
  return { cwd: env.cwd, root: repositoryRoot(env.cwd, env.env) };
}

/** The help SARIF gives each rule (docs/rules.md), and where those docs are online (BPM_DOCS_URL). */
export async function sarifHelp(env: CliEnv) {
  const { loadRuleHelp } = await import('../io/rule-help.js');
  return { ruleHelp: loadRuleHelp(), ...(env.docsUrl ? { docsUrl: env.docsUrl } : {}) };
}
