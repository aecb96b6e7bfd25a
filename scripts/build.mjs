// `npm run build`, after `tsc` has type-checked src/: bundles src/ into dist/ with esbuild, and
// the schema validators into dist/validators/.
//
//   dist/cli.cjs             the program (src/cli.ts): main(), which bin/bpm.js runs
//   dist/validate.cjs        `bpm validate` without the commander program (src/commands/validate/
//                            fast.ts), which bin/bpm.js tries first: what an editor or a
//                            pre-commit hook runs parses a third of the program
//   dist/*.cjs.cache         V8's code cache of each bundle, which bin/bpm.js compiles it from
//                            (made by the Node that builds: not in the npm package)
//   dist/validators/*.cjs    one standalone ajv validator per document kind (build-validators.js),
//                            required when a run first meets the kind
//
// All of them sit in dist/ itself, one level below the package root, as src/paths.ts expects.
// The packages in node_modules are not bundled (chalk aside): they load from there, each when a
// run first needs it.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { validatorSources } from './build-validators.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

rmSync(`${ROOT}dist`, { recursive: true, force: true });

const node = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

/**
 * `entry` bundled into one CommonJS file: everything it may need, parsed at once, each module run
 * when it is first needed (a dynamic import() of bpm's own code becomes a call, not a load).
 * CommonJS, because bin/bpm.js (CommonJS too) then loads it with require(): an ES module graph
 * costs every run more (a facade per built-in module, a module graph to resolve and link; a
 * program in 50 ES chunks took 10–20 ms longer to start a score or review of the examples, and
 * 2–4 % longer on 2,000 projects). chalk is bundled in (it is an ES module only); the other
 * packages load from node_modules, and `import.meta.url` is the file's own URL.
 */
async function commonjs(entry, outfile) {
  await build({
    ...node,
    entryPoints: [entry],
    outfile,
    format: 'cjs',
    external: Object.keys(pkg.dependencies)
      .filter((name) => name !== 'chalk')
      .flatMap((name) => [name, `${name}/*`]),
    define: { 'import.meta.url': '__bpmModuleUrl' },
    banner: {
      js: "'use strict';\n// Includes chalk (MIT License, Copyright (c) Sindre Sorhus; the licence: node_modules/chalk/license).\nconst __bpmModuleUrl = require('node:url').pathToFileURL(__filename).href;",
    },
  });
}

await commonjs('src/cli.ts', 'dist/cli.cjs');
await commonjs('src/commands/validate/fast.ts', 'dist/validate.cjs');

// The V8 code cache of each bundle's top level, for bin/bpm.js to compile it from (13 ms → 2 ms
// for the program): made here, by the Node that builds, with no V8 flags set; a Node of another
// version refuses it and compiles the source as usual. The file: the length of V8's data (4
// bytes, little-endian), the data, then the bundle it was made from, which bin/bpm.js compares
// with the bundle it finds (V8 checks only the source's length).
for (const name of ['cli.cjs', 'validate.cjs']) {
  const file = `${ROOT}dist/${name}`;
  const source = readFileSync(file);
  const data = new Script(Module.wrap(source.toString('utf8')), { filename: file }).createCachedData();
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  // Whole or not at all: written beside it, then renamed into place.
  writeFileSync(`${file}.cache.tmp`, Buffer.concat([size, data, source]));
  renameSync(`${file}.cache.tmp`, `${file}.cache`);
}

const sources = validatorSources();
await build({
  ...node,
  entryPoints: Object.fromEntries(Object.keys(sources).map((kind) => [kind, `validator:${kind}`])),
  outdir: 'dist/validators',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // Generated code that nobody reads: without its white space it loads faster.
  minify: true,
  plugins: [
    {
      name: 'validators',
      setup(b) {
        b.onResolve({ filter: /^validator:/ }, (a) => ({ path: a.path.slice('validator:'.length), namespace: 'validator' }));
        b.onLoad({ filter: /.*/, namespace: 'validator' }, (a) => ({ contents: sources[a.path], loader: 'js', resolveDir: ROOT }));
      },
    },
  ],
});
