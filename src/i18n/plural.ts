// English singular forms. A message that counts something is written in the plural
// (`{dossiers} dossiers reviewed`); when the counted argument is 1, `t()` uses the message
// `<key>.one` instead (`1 dossier reviewed`). Chinese has no plural: its `.one` message is the
// same sentence. This table names, for each such key, the argument that holds the count; it is
// the one place singular/plural is decided, so formatters never build plural words themselves.
import type { MessageKey } from './index.js';

export const COUNTED: ReadonlyMap<MessageKey, string> = new Map<MessageKey, string>([
  ['fmt.count.problem', 'n'],
  ['fmt.count.error', 'n'],
  ['fmt.count.warning', 'n'],
  ['fmt.count.info', 'n'],
  ['fmt.count.file', 'n'],
  ['fmt.too-many-warnings', 'count'],
  ['review.batch.summary', 'dossiers'],
  ['review.count.required', 'n'],
  ['review.count.suggestion', 'n'],
  ['review-quantitative-share', 'quantitative'],
  ['score.title.batch', 'count'],
  ['score.line.summary', 'projects'],
  ['project-incomplete', 'count'],
  ['survey-small-sample', 'respondents'],
  ['recommend-correct-table', 'count'],
]);

// Looked up by any key, including codes known only at run time.
const BY_KEY: ReadonlyMap<string, string> = COUNTED;

/** The key to render: `<key>.one` when `key` counts something and its count is exactly 1. */
export function countedKey(key: string, args: Readonly<Record<string, unknown>>): string {
  const name = BY_KEY.get(key);
  if (name === undefined) return key;
  const n = args[name];
  return n === 1 || n === '1' ? `${key}.one` : key;
}
