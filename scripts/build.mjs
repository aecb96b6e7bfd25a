// `npm run build`, after `tsc` has type-checked src/: bundles src/ into dist/ with esbuild, and
// the schema validators into dist/validators/.
//
//   dist/cli.js              the program (src/cli.ts): main(), which bin/bpm.js runs
//   dist/<name>-<hash>.js    its parts, loaded on demand (a command, the formatters …)
//   dist/validate.cjs        `bpm validate` without the commander program (src/commands/validate/
//                            fast.ts), which bin/bpm.js tries first: what an editor or a
//                            pre-commit hook runs loads one file, not a hundred modules
//   dist/validators/*.cjs    one standalone ajv validator per document kind (build-validators.js),
//                            required when a run first meets the kind
//
// All of them sit in dist/ itself, one level below the package root, as src/paths.ts expects.
// The packages in node_modules are not bundled (chalk aside, in dist/validate.cjs): they load
// from there as before.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { validatorSources } from './build-validators.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

rmSync(`${ROOT}dist`, { recursive: true, force: true });

const node = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

// The program: its commands and formats load as they are needed, each from its own chunk beside
// it (a bundle in one file would load every package and built-in module any command uses, since
// an ES module imports them up front).
await build({
  ...node,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  packages: 'external',
});

// `bpm validate` in one CommonJS file: everything it may need, parsed at once, run as it is
// needed. CommonJS, because bin/bpm.js (CommonJS too) then loads it with require(): an ES module
// graph costs an editor's every save several milliseconds more (an ES module facade per
// built-in module, the module graph linked). chalk is bundled in (it is an ES module only); the
// other packages load from node_modules, and `import.meta.url` is the file's own URL.
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
await build({
  ...node,
  entryPoints: { validate: 'src/commands/validate/fast.ts' },
  outfile: 'dist/validate.cjs',
  format: 'cjs',
  external: Object.keys(pkg.dependencies)
    .filter((name) => name !== 'chalk')
    .flatMap((name) => [name, `${name}/*`]),
  define: { 'import.meta.url': '__bpmModuleUrl' },
  banner: {
    js: "'use strict';\n// Includes chalk (MIT License, Copyright (c) Sindre Sorhus; the licence: node_modules/chalk/license).\nconst __bpmModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  },
});

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
