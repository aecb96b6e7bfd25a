// Standalone differential hunt (no mocha): random nested docs, fast vs full.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseYamlFast } from '/work/wt-score/dist/io/yaml-fast.js';
import { parseYamlFull } from '/work/wt-score/dist/io/yaml.js';
const key = fc.stringMatching(/^[A-Za-z0-9_"' .:#\-!&*?|>%@`\[\]{},]{1,6}$/);
const text = fc.stringMatching(/^[ -~\u4e2d\uff0c\u00a0]{0,12}$/);
const leaf = fc.oneof(text, text.map((t) => JSON.stringify(t)), text.map((t) => `'${t}'`), fc.array(text, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`), fc.array(fc.tuple(key, text), { maxLength: 2 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`));
const { tree } = fc.letrec((tie) => ({ tree: fc.oneof({ depthSize: 'small' }, leaf.map((t) => ({ kind: 'leaf', text: t })), fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 3 }).map((entries) => ({ kind: 'map', entries })), fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq', items }))) }));
const render = (t, indent, sameSeq) => { const pad = ' '.repeat(indent); if (t.kind === 'map') return t.entries.flatMap(([k, v]) => (v.kind === 'leaf' ? [`${pad}${k}: ${v.text}`] : v.kind === 'seq' && sameSeq ? [`${pad}${k}:`, ...render(v, indent, sameSeq)] : [`${pad}${k}:`, ...render(v, indent + 2, sameSeq)])); if (t.kind === 'seq') return t.items.flatMap((v) => (v.kind === 'leaf' ? [`${pad}- ${v.text}`] : v.kind === 'map' ? (() => { const r = render(v, indent + 2, sameSeq); return [`${pad}- ${r[0].trimStart()}`, ...r.slice(1)]; })() : [`${pad}-`, ...render(v, indent + 2, sameSeq)])); return [`${pad}${t.text}`]; };
const doc = fc.tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean()).map(([entries, comment, same]) => entries.flatMap(([k, v]) => (v.kind === 'leaf' ? [`${k}: ${v.text}${comment ? ' # c' : ''}`] : [`${k}:`, ...render(v, same && v.kind === 'seq' ? 0 : 2, same)])).join('\n') + '\n');
let fast = 0;
for (let seed = Number(process.argv[3] ?? 1); seed <= Number(process.argv[2] ?? 20); seed++) {
  const r = fc.check(fc.property(doc, (t) => { const f = parseYamlFast(t); if (f === undefined) return true; fast++; const full = parseYamlFull(t, 'x'); return full.diagnostics.length === 0 && isDeepStrictEqual(f, full.data); }), { numRuns: 20000, seed });
  if (r.failed) { console.log("seed", seed, JSON.stringify(r.counterexample), String(r.errorInstance ?? r.error).slice(0, 300)); }
}
console.log('fast docs checked', fast);
