// Every diagnostic code bpm can emit has a message and a short title in Chinese and English,
// and no code is emitted that these lists do not know (a scan of the source for code literals).
// The compiler checks the same (catalog-types.test.ts); this is the second net, at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ruleCodes } from '../../../src/core/rules/run.js';
import { catalogKeys } from '../../../src/i18n/index.js';
import { validate as validateCatalog } from '../../../src/i18n/catalog/validate.js';
import { INPUT_CODES } from '../../../src/io/codes.js';
import { ROOT } from '../../helpers/run.js';

const ALL = [...new Set([...ruleCodes(), ...INPUT_CODES])].sort();

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(ROOT, dir, e.name)] : [],
  );
}

/** Code literals in the ways diagnostics are made: `code: 'x'`, `diag('x'`, `problem('x'`, `PolicyLoadError('x'`. */
function codesInSource(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const re = /(?:\bcode: |\.diag\(|\bproblem\(|PolicyLoadError\()'([a-z0-9-]+)'/g;
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(re)) found.set(m[1], f);
  }
  return found;
}

describe('diagnostic codes and their messages', () => {
  const en = new Set(catalogKeys('en'));
  const zh = new Set(catalogKeys('zh'));

  it('knows a reasonable number of codes', () => {
    expect(ALL.length).to.be.greaterThan(60);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`has a ${lang} message and title for every code`, () => {
      const keys = lang === 'en' ? en : zh;
      expect(ALL.filter((c) => !keys.has(c))).to.deep.equal([]);
      expect(ALL.filter((c) => !keys.has(`title.${c}`))).to.deep.equal([]);
    });
  }

  it('emits no code from src/io or the rules that the code lists do not declare', () => {
    const found = codesInSource([...sources('src/io'), ...sources('src/core/rules')]);
    const known = new Set(ALL);
    expect([...found.keys()].filter((c) => !known.has(c)).map((c) => `${c} (${found.get(c)})`)).to.deep.equal([]);
  });

  it('declares no input code that the source never mentions', () => {
    const text = sources('src/io')
      .filter((f) => !f.endsWith('codes.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(INPUT_CODES.filter((c) => !text.includes(`'${c}'`))).to.deep.equal([]);
  });

  it('has every message variant (<code>.<variant>) of a known code in both languages', () => {
    const known = new Set(ALL);
    const variants = (keys: Set<string>) => [...keys].filter((k) => k.includes('.') && known.has(k.slice(0, k.indexOf('.')))).sort();
    expect(variants(en)).to.deep.equal(variants(zh));
  });

  it('has no title in the validate catalog without a validate code (other commands keep their own)', () => {
    const known = new Set(ALL);
    const keys = [...Object.keys(validateCatalog.en), ...Object.keys(validateCatalog.zh)];
    expect(keys.filter((k) => k.startsWith('title.') && !known.has(k.slice('title.'.length)))).to.deep.equal([]);
  });
});
