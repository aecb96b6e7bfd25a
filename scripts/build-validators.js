// Precompiles each JSON Schema in schemas/ into the source of a standalone ajv validator
// (CommonJS), which scripts/build.mjs bundles into dist/validators/<kind>.cjs. Compiling a schema
// with ajv at start-up costs ~100 ms per run; a generated validator costs loading one file, and
// only for a kind the run meets. src/io/schema.ts requires it on first use and compiles the
// schema at run time when it is not there (the tests run src/).
// The options must match those of src/io/schema.ts (test/unit/io/validators.test.ts compares
// the two on every fixture and example).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { _ } from 'ajv';

export const KINDS = {
  ProjectDossier: 'project-dossier.schema.json',
  Evaluation: 'evaluation.schema.json',
  ScoringPolicy: 'scoring-policy.schema.json',
  StrategyPlan: 'strategy-plan.schema.json',
};

/** Kind → the CommonJS source of its validator (`module.exports` is the validate function). */
export function validatorSources() {
  const out = {};
  for (const [kind, file] of Object.entries(KINDS)) {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      verbose: true,
      // `format: date` is the only format used; the generated code requires it from ajv-formats.
      code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
    });
    addFormats(ajv, ['date']);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8')));
    out[kind] = standaloneCode(ajv, validate);
  }
  return out;
}
