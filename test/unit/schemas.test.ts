// schemas/ is the single source of structure: the committed JSON Schemas are exactly what
// scripts/schema-source.mjs produces, the TypeScript document types are exactly what
// scripts/gen-types.js generates from them, and each schema compiles as strict draft 2020-12.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ROOT } from '../helpers/run.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats?: string[]) => Ajv2020;

interface SchemaEntry {
  file: string;
  schema: Record<string, unknown>;
}

const source = (await import(join(ROOT, 'scripts/schema-source.mjs'))) as { SCHEMAS: Record<string, SchemaEntry> };
const gen = (await import(join(ROOT, 'scripts/gen-types.js'))) as { generateTypes(): Promise<string> };
const fix = 'run `npm run write:schemas`';

describe('schemas: the single source of structure', () => {
  it('schemas/*.json are exactly what scripts/schema-source.mjs produces', () => {
    const committed = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
    expect(committed, 'schema files').to.deep.equal(Object.values(source.SCHEMAS).map((s) => s.file).sort());
    for (const { file, schema } of Object.values(source.SCHEMAS)) {
      const text = readFileSync(join(ROOT, 'schemas', file), 'utf8');
      expect(text, `${file} is stale: ${fix}`).to.equal(JSON.stringify(schema, null, 2) + '\n');
    }
  });

  it('src/core/model/schema-types.ts is exactly what scripts/gen-types.js generates', async function () {
    this.timeout(30_000);
    const committed = readFileSync(join(ROOT, 'src/core/model/schema-types.ts'), 'utf8');
    expect(committed === (await gen.generateTypes()), `schema-types.ts is stale: ${fix}`).to.equal(true);
  });

  for (const [kind, { file }] of Object.entries(source.SCHEMAS)) {
    it(`${file} compiles as strict draft 2020-12 with bilingual titles`, () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
      // strict mode rejects unknown keywords, ignored keywords and ambiguous types; union types
      // (`type: [number, string]` for a target) are standard 2020-12, allowed explicitly.
      const ajv = addFormats(new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }), ['date']);
      expect(() => ajv.compile(schema), kind).to.not.throw();
      // The root and every property, at any depth, carry a "中文 / English" title and description
      // for editor hover help (an `if` is a condition, not a property of the document).
      const missing: string[] = [];
      const bilingual = (x: unknown) => typeof x === 'string' && /\p{Script=Han}.* \/ [^\s\p{Script=Han}]/u.test(x);
      const walk = (node: unknown, at: string) => {
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n.properties && typeof n.properties === 'object') {
          for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
            if (!bilingual(v.title)) missing.push(`${at}/${k}: title`);
            if (!bilingual(v.description)) missing.push(`${at}/${k}: description`);
            walk(v, `${at}/${k}`);
          }
        }
        for (const key of ['items', 'additionalProperties', 'then', 'else']) walk(n[key], `${at}/${key}`);
        for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(n[key])) (n[key] as unknown[]).forEach((x, i) => walk(x, `${at}/${key}/${i}`));
      };
      expect(schema.title).to.match(/\p{Script=Han}.* \/ [A-Za-z]/u);
      walk(schema, '');
      expect(missing).to.deep.equal([]);
      // The id names the schema without inventing an address.
      expect(schema.$id).to.equal(`urn:bpm:schema:v1:${file.replace('.schema.json', '')}`);
    });
  }

  it('the `# yaml-language-server: $schema=` line of every example resolves to a schema of its kind', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.yaml')) files.push(join(dir, e.name));
      }
    };
    walk(join(ROOT, 'examples'));
    walk(join(ROOT, 'test/fixtures/validate/_valid'));
    expect(files.length).to.be.greaterThan(10);
    const byKind = Object.fromEntries(Object.entries(source.SCHEMAS).map(([k, v]) => [k, v.file]));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
      expect(m, `${f} has a $schema line`).to.not.equal(null);
      const kind = /^kind: (\w+)/m.exec(text)?.[1] as string;
      const target = resolve(dirname(f), m![1]);
      expect(target, f).to.equal(join(ROOT, 'schemas', byKind[kind]));
      expect(() => JSON.parse(readFileSync(target, 'utf8')), target).to.not.throw();
    }
  });
});
