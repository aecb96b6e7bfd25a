#!/usr/bin/env node
// Entry point: all logic lives in dist/cli.js (compiled from src/cli.ts by `npm run build`).
// `bpm --version` alone is answered here, before the program and its modules load; so is
// `bpm validate … --cache` on an unchanged tree (src/commands/validate/fast.ts), which falls back to
// the program whenever it has any doubt.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  let code;
  if (args[0] === 'validate' && args.some((a) => a === '--cache' || a === '--cache-location')) {
    const { fastValidate } = await import('../dist/commands/validate/fast.js');
    code = await fastValidate(process.argv);
  }
  if (code === undefined) {
    const { main } = await import('../dist/cli.js');
    code = await main(process.argv);
  }
  process.exitCode = code;
}
