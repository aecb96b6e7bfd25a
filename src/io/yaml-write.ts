// YAML text of a document built in bpm's key order (the order of the object's keys), in the
// style of the examples: block mappings, with a short mapping of plain values written inline
// (`period: {start: …, end: …}`, `- {name: …, amount: …}`, `OUT-1: {value: 8, note: …}`).
import { Document, isMap, isScalar, Scalar, visit } from 'yaml';

/** Inline mappings have at most this many plain values. */
const INLINE_MAX = 4;

/** `comments` become the first lines (each prefixed with "# "). */
export function documentYaml(data: unknown, comments: string[]): string {
  const doc = new Document(data);
  visit(doc, {
    Map(_key, node, path) {
      // The document and its top-level sections stay in block style.
      const depth = path.filter((p) => isMap(p)).length;
      if (depth >= 2 && node.items.length <= INLINE_MAX && node.items.every((i) => isScalar(i.value))) node.flow = true;
    },
    // Operators quoted as the examples write them (">=", "<=", "=").
    Scalar(key, node) {
      if (key === 'value' && typeof node.value === 'string' && /^[<>=]/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const head = comments.map((c) => `# ${c}\n`).join('');
  return head + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
