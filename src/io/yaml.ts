// YAML with positions. Parses one bpm document with the `yaml` package, keeping the node tree
// and a LineCounter so that any JSON pointer (an ajv instancePath, a rule's path) can be turned
// into a 1-based line and column. Syntax errors, duplicate keys, alias bombs and documents
// that are not mappings become diagnostics; this module never throws on bad input.
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';

// `yaml` (CommonJS) is loaded on first use: most files never need it (src/io/fast-yaml.ts reads
// them), and loading it costs more than reading a small file.
let yamlLib: typeof import('yaml') | undefined;
function lib(): typeof import('yaml') {
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
import type { Diagnostic } from '../core/diagnostics.js';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  /** The plain JavaScript value, or undefined when the text could not be parsed. */
  data: unknown;
  diagnostics: Diagnostic[];
  /**
   * Position of the node at `pointer` (JSON Pointer). With `key`, the position of the mapping
   * key instead of its value (for unknown keys). Falls back to the deepest existing ancestor.
   */
  locate(pointer: string, key?: boolean): Position;
}

/** Alias expansions allowed before a document is treated as an alias bomb (billion laughs). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string, file: string): ParsedYaml {
  const { LineCounter, parseAllDocuments } = lib();
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const start: Position = { line: 1, column: 1 };

  if (text.trim() === '') {
    diagnostics.push({ code: 'empty-file', severity: 'error', file, ...start });
    return { data: undefined, diagnostics, locate: () => start };
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      uniqueKeys: true,
      version: '1.2',
      schema: 'core',
      prettyErrors: false,
      strict: true,
      // toJS() would print "Keys with collection values will be stringified" on stderr.
      logLevel: 'error',
    }) as Document.Parsed[];
  } catch (e) {
    // The parser is iterative, but guard anyway: a RangeError here means absurd nesting.
    diagnostics.push({ code: 'yaml-too-deep', severity: 'error', file, ...start, args: { detail: errText(e) } });
    return { data: undefined, diagnostics, locate: () => start };
  }
  if (!Array.isArray(docs) || docs.length === 0) {
    diagnostics.push({ code: 'empty-file', severity: 'error', file, ...start });
    return { data: undefined, diagnostics, locate: () => start };
  }
  const doc = docs[0];
  if (docs.length > 1) {
    const second = docs[1].contents?.range?.[0] ?? 0;
    diagnostics.push({ code: 'multiple-documents', severity: 'error', file, ...at(second), args: { count: docs.length } });
  }

  for (const err of doc.errors) {
    const pos = err.linePos?.[0] ? { line: err.linePos[0].line, column: err.linePos[0].col } : at(err.pos[0]);
    const code = err.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    diagnostics.push({ code, severity: 'error', file, ...pos, args: { detail: firstLine(err.message) } });
  }
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0] ? { line: w.linePos[0].line, column: w.linePos[0].col } : at(w.pos[0]);
    diagnostics.push({ code: 'yaml-warning', severity: 'warning', file, ...pos, args: { detail: firstLine(w.message) } });
  }

  const locate = (pointer: string, key = false): Position => {
    const node = findNode(doc, pointer, key);
    return node ? at(node) : start;
  };

  if (doc.errors.length > 0) return { data: undefined, diagnostics, locate };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const code = e instanceof ReferenceError ? 'yaml-alias-bomb' : e instanceof RangeError ? 'yaml-too-deep' : 'yaml-syntax';
    diagnostics.push({ code, severity: 'error', file, ...start, args: { detail: firstLine(errText(e)) } });
    return { data: undefined, diagnostics, locate };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const pos = doc.contents?.range ? at(doc.contents.range[0]) : start;
    diagnostics.push({ code: 'not-a-mapping', severity: 'error', file, ...pos, args: { type: Array.isArray(data) ? 'sequence' : data === null ? 'null' : typeof data } });
    return { data: undefined, diagnostics, locate };
  }
  return { data, diagnostics, locate };
}

/** Decodes one JSON Pointer segment (RFC 6901). */
function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Offset of the node at `pointer`, or of its deepest existing ancestor. */
function findNode(doc: Document.Parsed, pointer: string, key: boolean): number | undefined {
  const { isMap, isSeq, isScalar, isPair } = lib();
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  const segments = pointer === '' ? [] : pointer.replace(/^\//, '').split('/').map(unescapeSegment);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (last && key) return keyNode.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      // A key with an empty value: point at the key.
      offset = value?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
