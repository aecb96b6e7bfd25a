// Cell styles of written workbooks: a small description (bold, size, thin borders, wrap,
// alignment, number format, fill) interned into the fonts, fills, borders, number formats and
// cell formats of styles.xml. Every font is 宋体 (SimSun), as on the official forms.

export interface CellStyle {
  bold?: boolean;
  /** Font size in points; 11 when absent. */
  size?: number;
  /** Thin borders on all four sides. */
  border?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Vertical alignment; centre when absent. */
  valign?: 'top' | 'center' | 'bottom';
  /** A number format code: '0.00', '0.00%', '0', '@' … */
  numFmt?: string;
  /** Background colour, ARGB ('FFD9D9D9'). */
  fill?: string;
}

export const FONT_NAME = '宋体';
const DEFAULT_SIZE = 11;

/** Built-in format ids (ECMA-376 §18.8.30) of the codes bpm writes; others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** Interns styles; `id(style)` is the index into cellXfs, and `xml()` the styles part. */
export class StyleTable {
  private fonts = new Map<string, number>([[fontXml(false, DEFAULT_SIZE), 0]]);
  private fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private borders = new Map<string, number>([['<border><left/><right/><top/><bottom/><diagonal/></border>', 0]]);
  private formats = new Map<string, number>();
  private xfs = new Map<string, number>([['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0]]);

  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    const font = intern(this.fonts, fontXml(style.bold === true, style.size ?? DEFAULT_SIZE));
    const fill = style.fill ? intern(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const side = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>';
    const border = style.border ? intern(this.borders, `<border>${side}<diagonal/></border>`) : 0;
    const numFmt = style.numFmt === undefined ? 0 : (BUILTIN_FORMATS[style.numFmt] ?? this.customFormat(style.numFmt));
    const align = `<alignment horizontal="${style.align ?? 'general'}" vertical="${style.valign ?? 'center'}"${style.wrap ? ' wrapText="1"' : ''}/>`;
    const apply = `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''} applyAlignment="1"`;
    return intern(this.xfs, `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${apply}>${align}</xf>`);
  }

  private customFormat(code: string): number {
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, items: Map<string, number>) => `<${tag} count="${items.size}">${[...items.keys()].join('')}</${tag}>`;
    const numFmts = this.formats.size
      ? `<numFmts count="${this.formats.size}">${[...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`).join('')}</numFmts>`
      : '';
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function fontXml(bold: boolean, size: number): string {
  // charset 134 is GB2312: Excel and LibreOffice then pick the Chinese face even without 宋体 installed.
  return `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="${FONT_NAME}"/><family val="3"/><charset val="134"/></font>`;
}

function intern(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
