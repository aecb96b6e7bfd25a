#!/usr/bin/env node
// The package as published needs no install script: dist/ is built before packing and shipped.
// But `npm install` in a clone must still build, which is what the `prepare` script is for. So
// `npm pack` / `npm publish` take `prepare` out of package.json while the tarball is made
// (prepack: `strip`) and put it back afterwards (postpack: `restore`), as pinst does for
// postinstall. Without this, npm 11 warns on every install that the package has an install
// script that was not approved.
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';

const FILE = new URL('../package.json', import.meta.url);
const SAVED = new URL('../.package.json.prepare', import.meta.url);
const mode = process.argv[2];
const text = readFileSync(FILE, 'utf8');
const pkg = JSON.parse(text);
if (mode === 'strip') {
  if (pkg.scripts?.prepare === undefined) process.exit(0);
  writeFileSync(SAVED, pkg.scripts.prepare);
  delete pkg.scripts.prepare;
  writeFileSync(FILE, JSON.stringify(pkg, null, 2) + '\n');
} else if (mode === 'restore') {
  if (!existsSync(SAVED)) process.exit(0);
  const prepare = readFileSync(SAVED, 'utf8');
  // Put it back in its place: right after `build`, as the repository has it.
  const scripts = {};
  for (const [k, v] of Object.entries(pkg.scripts ?? {})) {
    scripts[k] = v;
    if (k === 'build') scripts.prepare = prepare;
  }
  if (scripts.prepare === undefined) scripts.prepare = prepare;
  pkg.scripts = scripts;
  writeFileSync(FILE, JSON.stringify(pkg, null, 2) + '\n');
  rmSync(SAVED);
} else {
  console.error('usage: pack-manifest.mjs strip|restore');
  process.exit(2);
}
