// YAML with positions. Parses one bpm document with the `yaml` package, keeping the node tree
// and an index of line starts so that any JSON pointer (an ajv instancePath, a rule's path) can
// be turned into a 1-based line and column. Syntax errors, duplicate keys, alias bombs and documents
// that are not mappings become diagnostics; this module never throws on bad input.
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';

// `yaml` (CommonJS) is loaded on first use: most files never need it (src/io/fast-yaml.ts reads
// them), and loading it costs more than reading a small file.
let yamlLib: typeof import('yaml') | undefined;
function lib(): typeof import('yaml') {
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
import { yamlDetailZh } from './yaml-messages.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { YamlCode } from './codes.js';

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
  /** Set when bpm's reader of the plain subset read the text and every number in it is finite. */
  finite?: true;
}

/** Alias expansions allowed before a document is treated as an alias bomb (billion laughs). */
const MAX_ALIAS_COUNT = 100;

/**
 * The text with every line end as LF: CRLF and a lone CR (a line break in YAML 1.2, which the
 * `yaml` package does not take as one) alike. Lines and columns stay those of the original text,
 * where CRLF, CR and LF each end one line.
 */
export function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

export function parseYaml(source: string, file: string): ParsedYaml {
  const { parseAllDocuments } = lib();
  const text = normaliseLineEnds(source);
  const diagnostics: Diagnostic<YamlCode>[] = [];
  // Positions come from our own index of line starts: the parser's LineCounter misses the line
  // breaks it skips while recovering from an error, which put later errors on the wrong line.
  const at = positionIndex(text);
  const start: Position = { line: 1, column: 1 };

  if (text.trim() === '') {
    diagnostics.push({ code: 'empty-file', severity: 'error', file, ...start });
    return { data: undefined, diagnostics, locate: () => start };
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
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

  const openers = unclosedFlowCollections(doc);
  // After one syntax error the parser often reports every following token of the line: the
  // first error of a line is the one to fix.
  const linesWithError = new Set<number>();
  for (const err of doc.errors) {
    // An unclosed `[` or `{` is noticed where the text ends; point at the bracket instead.
    const opener = /end with an? [\]}]/.test(err.message) ? openers.shift() : undefined;
    const pos = at(opener ?? err.pos[0]);
    if (err.code === 'DUPLICATE_KEY') {
      // The error points at the repeated key; name it (the parser's text is English only).
      const key = (/^[^:\n]*/.exec(text.slice(err.pos[0])) ?? [''])[0].trim();
      diagnostics.push({ code: 'duplicate-key', severity: 'error', file, ...pos, args: { key, detail: firstLine(err.message) } });
      continue;
    }
    if (linesWithError.has(pos.line)) continue;
    linesWithError.add(pos.line);
    // The parser survives absurd nesting but its composer can run out of stack there.
    const code = /call stack/i.test(err.message) ? 'yaml-too-deep' : 'yaml-syntax';
    diagnostics.push({ code, severity: 'error', file, ...pos, args: { detail: firstLine(err.message), detailZh: yamlDetailZh(err.code, firstLine(err.message)) } });
  }
  for (const w of doc.warnings) {
    const pos = at(w.pos[0]);
    diagnostics.push({ code: 'yaml-warning', severity: 'warning', file, ...pos, args: { detail: firstLine(w.message), detailZh: yamlDetailZh(w.code, firstLine(w.message)) } });
  }

  const locate = (pointer: string, key = false): Position => {
    const node = findNode(doc, pointer, key);
    return node ? at(node) : start;
  };

  if (doc.errors.length > 0) return { data: undefined, diagnostics, locate };
  const cycle = text.includes('*') ? aliasInsideItsAnchor(doc) : undefined;
  if (cycle) {
    diagnostics.push({ code: 'yaml-alias-cycle', severity: 'error', file, ...at(cycle.offset), args: { alias: cycle.name } });
    return { data: undefined, diagnostics, locate };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const code = e instanceof ReferenceError ? 'yaml-alias-bomb' : e instanceof RangeError ? 'yaml-too-deep' : 'yaml-syntax';
    diagnostics.push({ code, severity: 'error', file, ...start, args: { detail: firstLine(errText(e)), detailZh: firstLine(errText(e)) } });
    return { data: undefined, diagnostics, locate };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const pos = doc.contents?.range ? at(doc.contents.range[0]) : start;
    const type = Array.isArray(data) ? 'sequence' : data === null ? 'null' : typeof data;
    const names: Record<string, string> = { sequence: '列表', null: '空文档', string: '一段文本', number: '一个数值', boolean: '布尔值' };
    const typeZh = names[type] ?? type;
    diagnostics.push({ code: 'not-a-mapping', severity: 'error', file, ...pos, args: { type, typeZh } });
    return { data: undefined, diagnostics, locate };
  }
  return { data, diagnostics, locate };
}

/**
 * Start offsets of flow collections (`[…]`, `{…}`) that the parser closed only at an error,
 * innermost first: their range ends where the text ran out or the indentation broke.
 */
function unclosedFlowCollections(doc: Document.Parsed): number[] {
  const ends = new Set(doc.errors.map((e) => e.pos[0]));
  const found: number[] = [];
  lib().visit(doc, {
    Collection(_key, node) {
      if (node.flow && node.range && ends.has(node.range[1])) found.push(node.range[0]);
    },
  });
  return found.sort((a, b) => b - a);
}

/**
 * The first alias that lies inside the node its anchor names (`a: &x [*x]`): the `yaml` package
 * builds a structure that contains itself, which nothing can walk to its end.
 */
function aliasInsideItsAnchor(doc: Document.Parsed): { offset: number; name: string } | undefined {
  const { visit, isAlias } = lib();
  let found: { offset: number; name: string } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node) || !node.range) return;
      const target = node.resolve(doc) as Node | undefined;
      const r = target?.range;
      if (r && node.range[0] >= r[0] && node.range[0] < r[1]) {
        found = { offset: node.range[0], name: node.source };
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** The 1-based line and column of an offset in `text` (whose line ends are LF: see normaliseLineEnds). */
export function positionIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(0, offset - starts[lo]) + 1 };
  };
}

/** The keys of a JSON Pointer (RFC 6901), decoded. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Offset of the node at `pointer`, or of its deepest existing ancestor. */
function findNode(doc: Document.Parsed, pointer: string, key: boolean): number | undefined {
  const { isMap, isSeq, isScalar, isPair } = lib();
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  const segments = pointerSegments(pointer);
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
