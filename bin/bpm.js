#!/usr/bin/env node
// Entry point: the program is dist/cli.cjs, bundled from src/cli.ts by `npm run build`
// (scripts/build.mjs). `bpm --version` alone is answered here, before anything loads; `bpm
// validate` runs from dist/validate.cjs (src/commands/validate/fast.ts), a smaller bundle without
// the commander program, which it falls back to whenever it has any doubt about the command line.
//
// This file is CommonJS (bin/package.json), as both bundles are: a run loads them with require(),
// without the ES module loader's work (its facades of the built-in modules, a module graph to
// resolve and link).
//
// A reader that goes away (`bpm --help | head -1`) is not an error of bpm's: what is written after
// that is dropped without a trace (io/output.ts stops a report there). Any other failure to write
// standard output (a full disk) is an I/O error: exit 2, said once on stderr (a report's writer
// says it itself, with that exit code).
'use strict';
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

/** The exit code of the command line `args`. */
async function run(args) {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    const { readFileSync } = require('node:fs');
    process.stdout.write(JSON.parse(readFileSync(require('node:path').join(__dirname, '..', 'package.json'), 'utf8')).version + '\n');
    return 0;
  }
  let code;
  if (args[0] === 'validate') code = await load('validate.cjs').fastValidate(process.argv);
  if (code === undefined) code = await load('cli.cjs').main(process.argv);
  return code;
}

/**
 * A bundle of dist/, loaded as require() loads it, but compiled with the V8 code cache that `npm
 * run build` writes beside it (`<name>.cache`, scripts/build.mjs): the program's 900 KB then
 * compile in about 2 ms instead of 13, on every run. The cache file holds the bundle it was made
 * from after the V8 data (V8 itself checks only the source's length): a bundle that differs from
 * that copy, edited or rebuilt, is required as it is. V8 refuses a cache that another Node or
 * other V8 flags made, and then compiles the source as without one. (V8 does not checksum the
 * data itself: a cache damaged on disk in its middle could crash the process; the build writes it
 * whole or not at all. A bundle must not use import(), which a script compiled here cannot run.)
 */
function load(name) {
  const fs = require('node:fs');
  const path = require('node:path');
  const file = path.join(__dirname, '..', 'dist', name);
  let cache;
  let source;
  try {
    cache = fs.readFileSync(`${file}.cache`);
    source = fs.readFileSync(file);
  } catch {
    return require(file);
  }
  const size = cache.length >= 4 ? cache.readUInt32LE(0) : -1;
  if (size < 0 || 4 + size + source.length !== cache.length || !cache.subarray(4 + size).equals(source)) return require(file);
  const Module = require('node:module');
  const { Script } = require('node:vm');
  const script = new Script(Module.wrap(source.toString('utf8')), { filename: file, cachedData: cache.subarray(4, 4 + size) });
  const mod = new Module(file, module);
  mod.filename = file;
  require.cache[file] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

// Until the run has settled, its exit code is 13, as Node gives a top-level await that never
// settles: a run that stops without an answer is never a success. A failure that escapes the
// program's own error boundary (a missing or broken dist/) is thrown again outside the promise,
// so that it ends the process with its message and exit code 1 whatever --unhandled-rejections
// says.
process.exitCode = 13;
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) =>
    process.nextTick(() => {
      throw err;
    }),
);
