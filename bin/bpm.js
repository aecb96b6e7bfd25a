#!/usr/bin/env node
// Entry point: the program is dist/cli.js, bundled from src/cli.ts by `npm run build`
// (scripts/build.mjs). `bpm --version` alone is answered here, before anything loads; `bpm
// validate` runs from dist/validate.js (src/commands/validate/fast.ts), a smaller bundle without
// the commander program, which it falls back to whenever it has any doubt about the command line.
//
// A reader that goes away (`bpm --help | head -1`) is not an error of bpm's: what is written after
// that is dropped without a trace (io/output.ts stops a report there). Any other failure to write
// standard output (a full disk) is an I/O error: exit 2, said once on stderr (a report's writer
// says it itself, with that exit code).
let writeError;
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') writeError ??= err;
});
process.stderr.on('error', () => {}); // nowhere left to say anything
process.on('exit', (code) => {
  if (writeError === undefined || code === 2) return;
  process.stderr.write(`bpm: could not write the output to standard output (${writeError.code ?? writeError.message}) / 无法写入标准输出\n`);
  process.exitCode = 2;
});
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  let code;
  if (args[0] === 'validate') {
    const { fastValidate } = await import('../dist/validate.js');
    code = await fastValidate(process.argv);
  }
  if (code === undefined) {
    const { main } = await import('../dist/cli.js');
    code = await main(process.argv);
  }
  process.exitCode = code;
}
