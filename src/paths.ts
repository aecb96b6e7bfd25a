// Where the package's own files are (schemas/, docs/, examples/, package.json). The source is
// run from src/ by the tests and bundled flat into dist/ by scripts/build.mjs: either way this
// module sits one level below the package root.
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** A file or directory of the package, by its path from the root (`schemas/`, `docs/rules.md`). */
export function packageUrl(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
