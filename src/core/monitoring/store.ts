// Compact storage of monitoring values for the collector (src/core/monitoring/collector.ts): a million
// rows must stream in bounded memory, so a row costs about 16 bytes, not an object.
import { D, dec, type Dec } from '../decimal.js';
import type { ReportPeriod } from '../model/periods.js';

const LINE = 2 ** 32;

/**
 * The values of one project, compactly: slot = period index × metrics + metric index. A value
 * is kept as a double when the double prints back as exactly the same decimal text (String(n)
 * is the shortest round-trip form, so dec(String(n)) is the value as written); any other value
 * (more than 15-17 significant digits) is kept as text. About 16 bytes a row instead of ~140
 * for an object per row: a million rows fit in a few tens of megabytes.
 */
export class Store {
  readonly periods: ReportPeriod[] = [];
  private readonly slotOf = new Map<string, number>();
  /** NaN: no value (or one kept in `exotic`). Typed arrays: 8 bytes a slot, no boxing. */
  private values = new Float64Array(0);
  /** file index × 2^32 + line. */
  private pos = new Float64Array(0);
  private exotic?: Map<number, string>;
  private notes?: Map<number, string>;

  /**
   * `start` and `months`: the first month of the project's period and how many months it has.
   * Room is made for 4 periods at first, or for every month when the first period stored is the
   * project's first month (monthly data, in order: it then never grows the store; a typed array
   * costs far more to make than an object of its size). Quarters, or months at the quarters'
   * ends, start with 4.
   */
  constructor(
    readonly width: number,
    private readonly start?: { y: number; m: number },
    private readonly months = 4,
  ) {}

  /** The period index of `p`, added when new (room for twice as many periods when full). */
  period(p: ReportPeriod): number {
    let k = this.slotOf.get(p.label);
    if (k === undefined) {
      k = this.periods.length;
      this.periods.push(p);
      this.slotOf.set(p.label, k);
      const need = (k + 1) * this.width;
      if (need > this.values.length) {
        const monthly = this.values.length === 0 && p.month === this.start?.m && p.year === this.start?.y;
        const size = Math.max(need, (monthly ? this.months : 4) * this.width, this.values.length * 2);
        const values = new Float64Array(size).fill(NaN);
        values.set(this.values);
        const pos = new Float64Array(size);
        pos.set(this.pos);
        this.values = values;
        this.pos = pos;
      }
    }
    return k;
  }

  has(slot: number): boolean {
    return !Number.isNaN(this.values[slot]) || (this.exotic?.has(slot) ?? false);
  }

  set(slot: number, text: string, file: number, line: number, note: string | undefined): void {
    const n = Number(text);
    if (faithful(text, n)) this.values[slot] = n;
    else (this.exotic ??= new Map()).set(slot, flat(text));
    this.pos[slot] = file * LINE + line;
    if (note !== undefined) (this.notes ??= new Map()).set(slot, flat(note));
  }

  /** The value as a double; NaN for a value kept as text (see `decimal`). */
  number(slot: number): number {
    return this.values[slot];
  }

  text(slot: number): string {
    return this.exotic?.get(slot) ?? String(this.values[slot]);
  }

  /**
   * The value as an exact decimal: the same as dec(text(slot)), since decimal.js reads a number
   * through its shortest round-trip text, and small integers (counts) without any text.
   */
  decimal(slot: number): Dec {
    const t = this.exotic?.get(slot);
    return t !== undefined ? dec(t) : new D(this.values[slot]);
  }

  line(slot: number): number {
    return this.pos[slot] % LINE;
  }

  file(slot: number): number {
    return Math.floor(this.pos[slot] / LINE);
  }

  note(slot: number): string | undefined {
    return this.notes?.get(slot);
  }
}

/**
 * Whether the double `n` read from canonical decimal text stands for it exactly (String(n) gives
 * the text back). Any decimal of at most 15 significant digits does, unless String writes it with
 * an exponent (below 1e-6; 1e21 and up needs more characters): decided from the length first,
 * since this runs once per monitoring row.
 */
function faithful(text: string, n: number): boolean {
  if (text.length <= 15 && !text.startsWith('0.000000') && !text.startsWith('-0.000000')) return true;
  return String(n) === text;
}

/**
 * A copy of a string that does not keep the chunk of the file it was cut from alive (V8 keeps
 * substrings of 13 characters or more as views into their parent): stored values and notes of
 * a streamed file must not pin the whole file in memory. A character put in front and sliced
 * off again makes V8 copy the characters once (splitting and joining them costs twenty times more).
 */
export function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
