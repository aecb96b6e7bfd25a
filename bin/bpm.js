#!/usr/bin/env node
// Entry point: all logic lives in dist/cli.js (compiled from src/cli.ts by `npm run build`).
// `bpm --version` alone is answered here, before the program and its modules load.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv);
}
