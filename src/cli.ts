// The command-line program: subcommands, shared options, and the one error boundary that turns
// typed errors into a message on stderr and an exit code (README.md#exit-codes). Nothing below calls
// process.exit; main() returns the exit code and bin/bpm.js sets it.
import { Command, CommanderError } from 'commander';
import { cliEnv, type CliEnv } from './cli/env.js';
import { helpLayout } from './cli/common.js';
import { register as registerValidate } from './commands/validate/register.js';
import { register as registerReview } from './commands/review/register.js';
import { register as registerSchema } from './commands/schema/register.js';
import { register as registerInit } from './commands/init/register.js';
import { register as registerVariance } from './commands/variance/register.js';
import { register as registerScore } from './commands/score/register.js';
import { register as registerImport } from './commands/import/register.js';
import { langOfArgs, reportError } from './cli/report.js';
import { VERSION } from './version.js';

const REGISTRARS = [registerValidate, registerReview, registerVariance, registerScore, registerImport, registerInit, registerSchema];

export async function main(argv: string[], partial: Partial<CliEnv> = {}): Promise<number> {
  const env = cliEnv(partial);
  const args = argv.slice(2);
  // Fast path: `bpm --version` builds no program.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    env.stdout.write(VERSION + '\n');
    return 0;
  }
  const verbose = args.includes('--verbose');
  const said: { error?: string } = {};
  const program = buildProgram(env, said);
  try {
    await program.parseAsync(argv);
    return env.exitCode;
  } catch (e) {
    if (e instanceof CommanderError && said.error !== undefined) {
      // commander's usage error, in the language of the run.
      const { commanderError } = await import('./cli/commander-errors.js');
      env.stderr.write(commanderError(said.error, langOfArgs(args, env)));
    }
    return await report(e, env, verbose, args);
  }
}

function buildProgram(env: CliEnv, said: { error?: string }): Command {
  const program = new Command('bpm');
  program
    .description('预算绩效管理 budget performance management: validate, review, variance, score')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureHelp(helpLayout(env.columns))
    .configureOutput(output(env, said));
  for (const register of REGISTRARS) register(program, env);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output(env, said));
  return program;
}

/** Where commander writes; its error messages are kept, to be said by main() in the run's language. */
function output(env: CliEnv, said: { error?: string }) {
  return {
    writeOut: (s: string) => env.stdout.write(s),
    writeErr: (s: string) => env.stderr.write(s),
    outputError: (s: string) => {
      said.error = s;
    },
  };
}

/** The error boundary: a message on stderr and the exit code. */
async function report(e: unknown, env: CliEnv, verbose: boolean, args: string[]): Promise<number> {
  if (e instanceof CommanderError) {
    // Help and version were printed by commander; everything else is a usage error (exit 2).
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    if (e.code === 'commander.executeSubCommandAsync') return 0;
    return 2;
  }
  return reportError(e, env, verbose, args);
}
