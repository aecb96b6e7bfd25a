// Terminal column width of text, for aligning stylish output that mixes Chinese and English.
// East Asian Wide (W) and Fullwidth (F) characters take two columns (Unicode UAX #11);
// combining marks, zero-width characters and variation selectors take none. Ambiguous (A)
// characters count as one, as in terminals that are not set to a CJK "ambiguous is wide" mode.
// A compact table instead of a dependency: it covers CJK, Hangul, kana, fullwidth forms and
// emoji presentation characters, which is what bpm's messages and file names contain.

// [first, last] code point ranges, sorted, of characters two columns wide.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2630, 0x2637], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x268a, 0x268f], [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be],
  [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3],
  [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757],
  [0x2795, 0x2797], [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed
  [0x3400, 0x9fff], // CJK extension A, Yijing hexagrams (wide since Unicode 16), CJK unified
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth ASCII and punctuation (，（）：etc.)
  [0xffe0, 0xffe6], // fullwidth signs (￥ …)
  [0x16fe0, 0x16fe4], [0x16ff0, 0x16ff1], [0x17000, 0x18cd5], [0x18d00, 0x18d08],
  [0x1aff0, 0x1b2fb], // kana supplement / extended, Nushu
  [0x1d300, 0x1d376], // Tai Xuan Jing, counting rods
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202], [0x1f210, 0x1f23b], [0x1f240, 0x1f248], [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c], [0x1f37e, 0x1f393],
  [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440], [0x1f442, 0x1f4fc], [0x1f4ff, 0x1f53d],
  [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a], [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f], [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6d7], [0x1f6dc, 0x1f6df], [0x1f6eb, 0x1f6ec],
  [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb], [0x1f7f0, 0x1f7f0], [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B-F and compatibility supplement
  [0x30000, 0x3fffd], // CJK extensions G-H
];

// Ranges of characters that take no column.
const ZERO: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f],
  [0x1ab0, 0x1aff], [0x1dc0, 0x1dff],
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x2028, 0x202e], [0x2060, 0x2064],
  [0x20d0, 0x20ff], // combining marks for symbols
  [0x302a, 0x302d], // ideographic tone marks (combining)
  [0x3099, 0x309a], // combining kana voiced marks
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f], [0xfeff, 0xfeff],
  [0x1f3fb, 0x1f3ff], // emoji skin-tone modifiers (join the preceding emoji)
  [0xe0000, 0xe0fff], // tags, variation selectors supplement
];

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid];
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns that one code point occupies in a terminal: 0, 1 or 2. */
function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0; // control characters
  if (cp < 0x300) return 1; // fast path: ASCII and Latin-1
  if (cp >= 0x4e00 && cp <= 0x9fff) return 2; // fast path: CJK unified ideographs (no zero-width one among them)
  return rangeWidth(cp);
}

/**
 * The columns of a code point from U+0300 on, by the range tables alone (codePointWidth answers
 * the common ranges before them; a test holds the two to the same answers).
 */
export function rangeWidth(cp: number): 0 | 1 | 2 {
  if (inRanges(ZERO, cp)) return 0;
  return inRanges(WIDE, cp) ? 2 : 1;
}

/** Terminal width of `text` (no ANSI escapes expected: measure before colouring). */
export function stringWidth(text: string): number {
  const n = text.length;
  // Printable ASCII, the common case of numbers and codes: one column a character.
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f) break;
    i++;
  }
  // The rest, after `i` columns of ASCII (the last of them one column wide, for a VS16 after it:
  // a keycap such as #️⃣).
  return i === n ? n : widthFrom(text, i, i, i > 0 ? 1 : 0);
}

/** The width of text[i…] added to `width` (the columns before it, the last of them `last` wide). */
function widthFrom(text: string, i: number, width: number, last: number): number {
  const n = text.length;
  for (; i < n; i++) {
    let cp = text.charCodeAt(i);
    // A surrogate pair is one code point; a lone surrogate counts as itself.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const cw = columnsAfter(cp, last);
    width += cw;
    last = widthNow(cp, last, cw);
  }
  return width;
}

/**
 * The columns code point `cp` adds after a character that takes `last` columns: VS16 asks for
 * the emoji presentation of a narrow character before it, two columns in all (✔️ ⚠️ #️⃣).
 */
function columnsAfter(cp: number, last: number): number {
  return cp === 0xfe0f && last === 1 ? 1 : codePointWidth(cp);
}

/** The columns the character before the next one takes, once `cp` has added `cw`. */
function widthNow(cp: number, last: number, cw: number): number {
  return cp === 0xfe0f && last === 1 ? 2 : cw;
}

/** Terminal width of `text` that may hold colour sequences (SGR: no column). */
export function styledWidth(text: string): number {
  return stringWidth(text.includes('\u001b') ? text.replace(SGR, '') : text);
}

/** `text` followed by spaces up to `width` columns. */
export function padEndWidth(text: string, width: number): string {
  const gap = width - stringWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

/** Spaces, then `text`, up to `width` columns. */
export function padStartWidth(text: string, width: number): string {
  const gap = width - stringWidth(text);
  return gap > 0 ? ' '.repeat(gap) + text : text;
}

/** `text` cut to at most `width` columns, ending with `…` when cut. */
export function truncateWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  let last = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const cw = columnsAfter(cp, last);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
    last = widthNow(cp, last, cw);
  }
  return out + '…';
}

// Chinese line breaking (避头尾): closing punctuation does not begin a line (the break falls
// before the character in front of it instead), and opening punctuation does not end one (it
// goes down with what it opens).
const NO_LINE_START = new Set([...'，。、；：！？）》」』”’）】〕…,.;:!?)]}%％']);
const NO_LINE_END = new Set([...'（《「『“‘【〔([{']);

/**
 * `text` broken into lines of at most `width` columns: at a space where there is one (the space
 * is dropped), between any two Chinese characters, else inside a word that is longer than a line.
 */
export function wrapWidth(text: string, width: number): string[] {
  if (width < 1 || stringWidth(text) <= width) return [text];
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let w = 0;
    let last = 0; // the columns of the character before chars[end] (for a VS16 after it)
    let end = start;
    let lastBreak = -1; // a break is allowed before chars[lastBreak]
    while (end < chars.length) {
      const cp = chars[end].codePointAt(0) ?? 0;
      const cw = columnsAfter(cp, last);
      if (w + cw > width) break;
      w += cw;
      last = widthNow(cp, last, cw);
      end++;
      if (end < chars.length && breakBefore(chars, end)) lastBreak = end;
    }
    // A column narrower than one wide character still takes one per line.
    if (end === start) end = start + 1;
    if (end >= chars.length) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    // At a space, unless what follows may not begin a line (the % of "12.5 %").
    const atSpace = chars[end] === ' ' && (end + 1 >= chars.length || breakBefore(chars, end + 1));
    let cut = atSpace ? end : lastBreak > start ? lastBreak : end;
    // Never a line that starts with closing punctuation (move it down with the character before)
    // or ends with opening punctuation (move that down); a VS16 stays with its character.
    if (cut === end && (NO_LINE_START.has(chars[end]) || chars[end] === '\ufe0f') && end - 1 > start) cut = end - 1;
    while (NO_LINE_END.has(chars[cut - 1]) && cut - 1 > start) cut--;
    lines.push(chars.slice(start, cut).join('').trimEnd());
    start = cut;
    while (chars[start] === ' ') start++;
  }
  return lines;
}

/**
 * Whether a line may break before chars[i]: after a space (a word begins, `.bpmcache` too, but
 * not a percent sign or Chinese closing punctuation), or next to a wide character (but not before
 * closing punctuation or after opening punctuation).
 */
function breakBefore(chars: readonly string[], i: number): boolean {
  if (chars[i - 1] === ' ') return !(chars[i] === '%' || (NO_LINE_START.has(chars[i]) && chars[i].charCodeAt(0) > 0x7f));
  if (NO_LINE_START.has(chars[i]) || NO_LINE_END.has(chars[i - 1])) return false;
  return stringWidth(chars[i]) === 2 || stringWidth(chars[i - 1]) === 2;
}

/**
 * Column widths made to fit `max` in all: the widest of the columns that may shrink gives up a
 * column at a time, none below its floor. The others (numbers) keep their width, so the result
 * may still exceed `max` when they alone do.
 */
export function fitWidths(widths: readonly number[], shrink: readonly boolean[], floors: readonly number[], max: number): number[] {
  const out = [...widths];
  let excess = out.reduce((a, b) => a + b, 0) - max;
  while (excess > 0) {
    let k = -1;
    for (let c = 0; c < out.length; c++) if (shrink[c] && out[c] > floors[c] && (k < 0 || out[c] > out[k])) k = c;
    if (k < 0) break;
    out[k]--;
    excess--;
  }
  return out;
}

// An SGR colour sequence (chalk's), which takes no column.
const SGR = /\u001b\[[0-9;]*m/g;
// The closing SGR codes and the opening ones each closes (chalk pairs them so).
const CLOSES: Readonly<Record<string, (open: string) => boolean>> = {
  '0': () => true,
  '22': (o) => o === '1' || o === '2',
  '23': (o) => o === '3',
  '24': (o) => o === '4',
  '27': (o) => o === '7',
  '29': (o) => o === '9',
  '39': (o) => /^(3[0-7]|9[0-7]|38;.*)$/.test(o),
  '49': (o) => /^(4[0-7]|10[0-7]|48;.*)$/.test(o),
};

/**
 * wrapWidth for text that may hold colour sequences: the lines break where the plain text
 * breaks, and each line closes the colours open at its end and opens them again on the next.
 */
export function wrapStyled(text: string, width: number): string[] {
  if (!text.includes('\u001b')) return wrapWidth(text, width);
  const plain = text.replace(SGR, '');
  const lines = wrapWidth(plain, width);
  if (lines.length === 1) return [text];
  // Tokens: colour sequences and visible characters, in order.
  const tokens = text.split(/(\u001b\[[0-9;]*m)/).flatMap((part) => (part.startsWith('\u001b[') ? [part] : [...part]));
  const open: string[] = [];
  const out: string[] = [];
  let k = 0;
  for (const line of lines) {
    let s = open.map((o) => `\u001b[${o}m`).join('');
    const want = [...line];
    let i = 0;
    // Characters dropped at the break (spaces) are skipped; colour sequences are kept.
    while (k < tokens.length && (i < want.length || tokens[k].startsWith('\u001b['))) {
      const tok = tokens[k++];
      if (tok.startsWith('\u001b[')) {
        const code = tok.slice(2, -1);
        const close = CLOSES[code];
        if (close) {
          for (let j = open.length - 1; j >= 0; j--) if (close(open[j])) open.splice(j, 1);
        } else open.push(code);
        s += tok;
      } else if (i < want.length && tok === want[i]) {
        s += tok;
        i++;
      }
      if (i === want.length && (k >= tokens.length || !tokens[k].startsWith('\u001b['))) break;
    }
    if (open.length > 0) s += '\u001b[0m';
    out.push(s);
  }
  return out;
}

/**
 * `prefix` then `body`, on a terminal `width` columns wide (when given): the body wrapped so
 * that every line fits, its lines after the first indented under its start (a hanging indent
 * below a list mark). Either may hold colour sequences; without a width, or when the line fits,
 * the text is `prefix + body` unchanged.
 */
export function hanging(prefix: string, body: string, width: number | undefined): string {
  const text = prefix + body;
  if (width === undefined) return text;
  const indent = styledWidth(prefix);
  if (styledWidth(text) <= width) return text;
  const lines = wrapStyled(body, Math.max(1, width - indent));
  return prefix + lines.map((l, k) => (k === 0 ? l : ' '.repeat(indent) + l)).join('\n');
}
