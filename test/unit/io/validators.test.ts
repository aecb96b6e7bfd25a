// The validators precompiled at build time (dist/validators/<kind>.cjs, scripts/build.mjs) must
// judge every document as the schema compiled at run time does (src/io/schema.ts compiles it
// when they are not there, as in these tests). Compared on every YAML document of the
// repository whose kind is known, and on generated dossiers with mistakes of every sort.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { DOC_KINDS, readSchema } from '../../../src/io/schema.js';
import { parseWithPositions } from '../../../src/io/workspace.js';
import type { DocKind } from '../../../src/core/report.js';
import { ROOT } from '../../helpers/run.js';

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) yamlFiles(p, out);
    else if (st && /\.ya?ml$/i.test(name) && st.size < 1 << 20) out.push(p);
  }
  return out;
}

/** What a validator says about a document: valid or not, and its errors without the schema objects. */
function verdict(v: ValidateFunction, data: unknown) {
  const valid = v(data);
  return { valid, errors: (v.errors ?? []).map(({ instancePath, schemaPath, keyword, params, message, data }) => ({ instancePath, schemaPath, keyword, params, message, data })) };
}

describe('io/schema: the precompiled validators', () => {
  const require = createRequire(import.meta.url);
  const built = (kind: DocKind) => path.join(ROOT, 'dist', 'validators', `${kind}.cjs`);
  // The options of src/io/schema.ts.
  const ajv = addFormats.default(new Ajv2020({ allErrors: true, strict: false, verbose: true }), ['date']);
  const compiled = Object.fromEntries(DOC_KINDS.map((k) => [k, ajv.compile(readSchema(k))])) as Record<DocKind, ValidateFunction>;

  it('exist for every kind after the build', () => {
    for (const kind of DOC_KINDS) expect(existsSync(built(kind)), kind).to.equal(true);
  });

  it('give the verdict and the errors of the schemas compiled at run time, on every document of the repository', () => {
    const precompiled = Object.fromEntries(DOC_KINDS.map((k) => [k, require(built(k)) as ValidateFunction])) as Record<DocKind, ValidateFunction>;
    const counts = { valid: 0, invalid: 0 };
    for (const f of [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test', 'fixtures'))]) {
      const { data } = parseWithPositions(readFileSync(f, 'utf8'), f);
      const kind = (data as { kind?: unknown } | undefined)?.kind;
      if (!DOC_KINDS.includes(kind as DocKind)) continue;
      const mine = verdict(precompiled[kind as DocKind], data);
      expect(mine, path.relative(ROOT, f)).to.deep.equal(verdict(compiled[kind as DocKind], data));
      counts[mine.valid ? 'valid' : 'invalid']++;
    }
    expect(counts.valid).to.be.greaterThan(20);
    expect(counts.invalid).to.be.greaterThan(10);
  });
});
