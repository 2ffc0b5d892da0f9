/**
 * Cell formats: immutable interned records, so identical formats share one object (and one id);
 * formatting a million cells with the same colour stores one record and a million pointers.
 */

export interface CellFormatData {
  numberFormat: string;
  /** `#RRGGBB` or null for "no fill". */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  fontName: string;
  fontSize: number;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
}

export interface CellFormat extends CellFormatData {
  readonly id: number;
}

export type FormatPatch = Partial<CellFormatData>;

export const FORMAT_KEYS: (keyof CellFormatData)[] = [
  "numberFormat",
  "fill",
  "fontColor",
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "fontName",
  "fontSize",
  "horizontalAlignment",
  "verticalAlignment",
  "wrapText",
  "indentLevel",
];

function formatKey(f: CellFormatData): string {
  let s = "";
  for (const k of FORMAT_KEYS) s += `${String(f[k])}\u0001`;
  return s;
}

/** Interns formats so identical formats share one object (and one id). */
export class FormatTable {
  readonly defaultFormat: CellFormat;
  private readonly byKey = new Map<string, CellFormat>();
  private readonly patchCache = new Map<string, CellFormat>();
  private nextId = 0;

  constructor(defaults: CellFormatData) {
    this.defaultFormat = this.intern(defaults);
  }

  intern(data: CellFormatData): CellFormat {
    const key = formatKey(data);
    let f = this.byKey.get(key);
    if (!f) {
      const rec: CellFormat = { ...data, id: this.nextId++ };
      Object.freeze(rec);
      this.byKey.set(key, rec);
      f = rec;
    }
    return f;
  }

  apply(base: CellFormat, patch: FormatPatch, patchKey: string): CellFormat {
    const ck = `${base.id}|${patchKey}`;
    let out = this.patchCache.get(ck);
    if (!out) {
      const data: CellFormatData = { ...base } as CellFormatData & { id?: number };
      delete (data as { id?: number }).id;
      Object.assign(data, patch);
      out = this.intern(data);
      this.patchCache.set(ck, out);
    }
    return out;
  }
}

export function patchKeyOf(patch: FormatPatch): string {
  return JSON.stringify(patch);
}
