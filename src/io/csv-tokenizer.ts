// A quote-aware CSV splitter that is fed text in chunks of any size and gives the same records
// whatever the chunking: records are emitted as soon as their line end is seen, and a record
// cut by a chunk boundary is carried over as partial state (never re-scanned).
//
// A line without a quote character takes a fast path (indexOf + split); only quoted records are
// scanned character by character. Written by hand because it is several times faster than
// csv-parse on large files, and because it must keep going after malformed input (an
// unbalanced quote, a stray quote) while reporting exact line numbers.

import { mapped } from '../core/shapes.js';

export interface RawRecord {
  /** Cell contents, unquoted but not trimmed. */
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** Start line and column of each field; null when the record is one plain line. */
  positions: Array<[number, number]> | null;
  /** The record exceeded MAX_RECORD characters; its fields are incomplete. */
  tooLong: boolean;
}

export interface TokenizerEvents {
  record(rec: RawRecord): void;
  /** Malformed quoting: `csv-unbalanced-quote` (at end of input) or `csv-stray-quote`. */
  problem(code: 'csv-unbalanced-quote' | 'csv-stray-quote', line: number, column: number, args: Record<string, number>): void;
}

/** Longest record kept in memory (characters); protects memory from a never-closed quote. */
export const MAX_RECORD = 1 << 20;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

const enum State {
  /** At the start of a field: only blanks so far. */
  Start,
  Unquoted,
  Quoted,
  /** Inside quotes, just after a quote: either an escaped `""` or the closing quote. */
  QuoteSeen,
  /** After the closing quote. */
  After,
}

export class CsvTokenizer {
  /** 1-based line and column of the next character to be consumed. */
  line = 1;
  column = 1;

  private readonly delimStr: string;
  private readonly delim: number;
  /** A CR ended the last chunk: an LF starting the next chunk belongs to it. */
  private skipLF = false;
  /** Index in the current chunk where the current line starts (-1: in an earlier chunk). */
  private ls = -1;

  // Partial record state (slow path only).
  private inRecord = false;
  private state = State.Start;
  private fields: string[] = [];
  private positions: Array<[number, number]> = [];
  private field = '';
  private size = 0;
  private tooLong = false;
  private recLine = 1;
  private quoteLine = 0;
  private quoteCol = 0;
  private prevCR = false;
  private strayReported = false;
  /** Where the delimiters of the current plain line are (kept from line to line, unless long). */
  private cuts: number[] = [];

  constructor(
    delimiter: string,
    private readonly events: TokenizerEvents,
  ) {
    this.delimStr = delimiter;
    this.delim = delimiter.charCodeAt(0);
  }

  push(s: string): void {
    const n = s.length;
    if (n === 0) return;
    let i = 0;
    this.ls = -1;
    if (this.skipLF) {
      this.skipLF = false;
      if (s.charCodeAt(0) === LF) {
        i = 1;
        this.ls = 1;
      }
    }
    let nextLF = -2;
    let nextCR = -2;
    let nextQ = -2;
    let nextD = -2;
    const delim = this.delimStr;
    while (i < n) {
      if (this.inRecord) {
        i = this.slow(s, i);
        continue;
      }
      if (nextLF !== -1 && nextLF < i) nextLF = s.indexOf('\n', i);
      if (nextCR !== -1 && nextCR < i) nextCR = s.indexOf('\r', i);
      const eol = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
      if (eol === -1 || eol - i >= MAX_RECORD) {
        i = this.slow(s, i);
        continue;
      }
      if (nextQ !== -1 && nextQ < i) nextQ = s.indexOf('"', i);
      if (nextQ !== -1 && nextQ < eol) {
        i = this.slow(s, i);
        continue;
      }
      const recLine = this.line;
      this.line++;
      // The delimiters' places first, then an array of exactly as many fields (growing an
      // empty array by push gives it room for 16: a million rows, a million such arrays).
      const cuts = this.cuts;
      let k = 0;
      for (let a = i; ; ) {
        // Cached like the line ends: a line without a delimiter must not rescan the chunk.
        if (nextD !== -1 && nextD < a) nextD = s.indexOf(delim, a);
        if (nextD === -1 || nextD > eol) break;
        cuts[k++] = nextD;
        a = nextD + 1;
      }
      const fields: string[] = new Array(k + 1);
      let a = i;
      for (let f = 0; f < k; f++) {
        fields[f] = s.slice(a, cuts[f]);
        a = cuts[f] + 1;
      }
      fields[k] = s.slice(a, eol);
      // A line of thousands of fields (a mistake, or an attack) does not keep its places.
      if (k > 1024) this.cuts = [];
      if (s.charCodeAt(eol) === CR) {
        if (eol + 1 === n) this.skipLF = true;
        i = s.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
      } else {
        i = eol + 1;
      }
      this.ls = i;
      this.events.record({ fields, line: recLine, positions: null, tooLong: false });
    }
    this.column = this.ls < 0 ? this.column + n : n - this.ls + 1;
  }

  /** End of input: flushes a last record without a line end, reports an unclosed quote. */
  end(): void {
    if (!this.inRecord) return;
    this.inRecord = false;
    if (this.state === State.Quoted) {
      const lastLine = this.column > 1 ? this.line : this.line - 1;
      this.events.problem('csv-unbalanced-quote', this.quoteLine, this.quoteCol, {
        line: this.quoteLine,
        endLine: Math.max(lastLine, this.quoteLine),
      });
      return;
    }
    this.endField();
    this.emit();
  }

  /** Drops any partial record (the input stops here, e.g. at binary content). */
  abort(): void {
    this.inRecord = false;
  }

  private col(i: number): number {
    return this.ls < 0 ? this.column + i : i - this.ls + 1;
  }

  /**
   * Consumes characters from `i` until the current record ends (returns the index after its
   * line end) or the chunk ends (returns s.length, keeping the partial record).
   */
  private slow(s: string, i: number): number {
    const n = s.length;
    const d = this.delim;
    if (!this.inRecord) {
      this.inRecord = true;
      this.state = State.Start;
      this.fields = [];
      this.positions = [[this.line, this.col(i)]];
      this.field = '';
      this.size = 0;
      this.tooLong = false;
      this.recLine = this.line;
      this.strayReported = false;
    }
    let seg = i; // start of the not yet copied part of the current field
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      switch (this.state) {
        case State.Start:
        case State.Unquoted:
          if (c === d) {
            this.append(s, seg, i);
            this.endField();
            this.positions.push([this.line, this.col(i + 1)]);
            this.state = State.Start;
            seg = i + 1;
          } else if (c === LF || c === CR) {
            this.append(s, seg, i);
            this.endField();
            return this.endRecord(s, i);
          } else if (this.state === State.Start) {
            if (c === QUOTE) {
              // Blanks before an opening quote are dropped (` "a,b"` is a quoted field).
              this.state = State.Quoted;
              this.size -= this.field.length;
              this.field = '';
              this.quoteLine = this.line;
              this.quoteCol = this.col(i);
              this.prevCR = false;
              seg = i + 1;
            } else if (c !== SPACE && c !== TAB) {
              this.state = State.Unquoted;
            }
          }
          // A quote inside an unquoted field is an ordinary character (`12" pipe`).
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.append(s, seg, i);
            seg = i + 1;
            this.state = State.QuoteSeen;
          } else if (c === CR) {
            this.line++;
            this.ls = i + 1;
            this.prevCR = true;
            continue;
          } else if (c === LF) {
            if (!this.prevCR) this.line++;
            this.ls = i + 1;
          }
          this.prevCR = false;
          break;
        case State.QuoteSeen:
          if (c === QUOTE) {
            // `""` inside quotes: one literal quote, which starts the next copied part.
            seg = i;
            this.state = State.Quoted;
            break;
          }
          this.state = State.After;
          i--; // look at this character again in the After state
          break;
        case State.After:
          if (c === d) {
            this.endField();
            this.positions.push([this.line, this.col(i + 1)]);
            this.state = State.Start;
            seg = i + 1;
          } else if (c === LF || c === CR) {
            this.endField();
            return this.endRecord(s, i);
          } else if (c === SPACE || c === TAB) {
            seg = i + 1;
          } else {
            // `"abc"def`: keep the text, but say that the quoting looks wrong.
            if (!this.strayReported) {
              this.strayReported = true;
              this.events.problem('csv-stray-quote', this.line, this.col(i), {});
            }
            this.state = State.Unquoted;
            seg = i;
          }
          break;
      }
    }
    if (this.state !== State.After && this.state !== State.QuoteSeen) this.append(s, seg, n);
    return n;
  }

  /** Copies s[from, to) into the current field, unless the record has grown too long. */
  private append(s: string, from: number, to: number): void {
    if (to <= from || this.tooLong) return;
    this.size += to - from;
    if (this.size > MAX_RECORD) {
      this.tooLong = true;
      this.field = '';
      return;
    }
    this.field += s.slice(from, to);
  }

  private endField(): void {
    this.size++;
    if (this.size > MAX_RECORD) this.tooLong = true;
    if (!this.tooLong) this.fields.push(this.field);
    this.field = '';
  }

  private endRecord(s: string, i: number): number {
    this.line++;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 === s.length) this.skipLF = true;
      else if (s.charCodeAt(i + 1) === LF) i++;
    }
    this.ls = i + 1;
    this.inRecord = false;
    this.emit();
    return i + 1;
  }

  private emit(): void {
    // Fields in an array of exactly their number, as the fast path makes them: one shape of
    // array for the reader (src/core/shapes.ts).
    const rec: RawRecord = { fields: mapped(this.fields, (f) => f), line: this.recLine, positions: this.positions, tooLong: this.tooLong };
    this.fields = [];
    this.positions = [];
    this.events.record(rec);
  }
}
