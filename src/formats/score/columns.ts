// A plain aligned-column table for long lists (the batch ranking of thousands of projects):
// linear time, Chinese characters counted as two columns, colour applied after measuring.
import type { ChalkInstance } from 'chalk';
import { padEndWidth, padStartWidth, stringWidth } from '../validate/width.js';

export interface Cell {
  text: string;
  /** Applied after padding, so that colour never breaks the alignment. */
  style?: (s: string) => string;
}

export function columns(head: string[], rows: (string | Cell)[][], right: boolean[], c: ChalkInstance): string {
  const cells = rows.map((r) => r.map((x) => (typeof x === 'string' ? { text: x } : x)));
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i]?.text ?? ''))));
  const pad = (s: string, i: number) => (right[i] ? padStartWidth(s, widths[i]) : padEndWidth(s, widths[i]));
  const line = (parts: string[]) => ('  ' + parts.join('  ')).trimEnd();
  const out = [line(head.map((h, i) => c.bold(pad(h, i)))), line(widths.map((w) => '─'.repeat(w)))];
  for (const r of cells) out.push(line(r.map((x, i) => (x.style ? x.style(pad(x.text, i)) : pad(x.text, i)))));
  return out.join('\n');
}
