// Writes schemas/*.schema.json from scripts/schema-source.mjs (run after editing the source).
import { writeFileSync } from 'node:fs';
import { SCHEMAS } from './schema-source.mjs';

for (const { file, schema } of Object.values(SCHEMAS)) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
}
