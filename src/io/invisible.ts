// Characters that look like white space (or like nothing) but are not YAML white space, which is
// only the space and the tab: YAML keeps them as part of a value. A full-width space typed by a
// Chinese input method after `unit: 万元` makes the unit "万元　", which no list of allowed values
// contains; a message that names the invisible character tells the user what to delete.

/** Named characters; any other of INVISIBLE is a "space character". */
const NAMES: Readonly<Record<number, readonly [en: string, zh: string]>> = {
  0x0b: ['vertical tab', '垂直制表符'],
  0x0c: ['form feed', '换页符'],
  0x85: ['next line', '下一行符'],
  0xa0: ['no-break space', '不换行空格'],
  0x200b: ['zero-width space', '零宽空格'],
  0x2028: ['line separator', '行分隔符'],
  0x2029: ['paragraph separator', '段落分隔符'],
  0x2060: ['word joiner', '零宽连接符'],
  0x3000: ['full-width (ideographic) space', '全角空格'],
  0xfeff: ['zero-width no-break space (byte-order mark)', '零宽不换行空格（字节顺序标记）'],
};

/** Whether the UTF-16 code unit `c` is one of the invisible characters (see above). */
export function isInvisible(c: number): boolean {
  if (c < 0x80) return c === 0x0b || c === 0x0c;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}

export interface InvisibleChar {
  /** Its code point and name in English and Chinese ("U+3000 full-width (ideographic) space"). */
  char: string;
  charZh: string;
}

function describe(c: number): InvisibleChar {
  const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const [en, zh] = NAMES[c] ?? ['space character', '空白字符'];
  return { char: `${code} ${en}`, charZh: `${code} ${zh}` };
}

/** The first invisible character of `s`, if any. */
export function findInvisible(s: string): InvisibleChar | undefined {
  for (let i = 0; i < s.length; i++) if (isInvisible(s.charCodeAt(i))) return describe(s.charCodeAt(i));
  return undefined;
}

/** An invisible character that starts or ends `s` (the start first), and where it is. */
export function invisibleEdge(s: string): (InvisibleChar & { at: 'start' | 'end' }) | undefined {
  if (s.length === 0) return undefined;
  const first = s.charCodeAt(0);
  if (isInvisible(first)) return { ...describe(first), at: 'start' };
  const last = s.charCodeAt(s.length - 1);
  return isInvisible(last) ? { ...describe(last), at: 'end' } : undefined;
}
