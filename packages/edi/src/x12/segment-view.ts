import { parseCentsRange } from './amount.ts';

/** A three-letter (or two-letter) segment tag as a number, so readers can switch on it without a string. */
export function tagCode(tag: string): number {
  return (tag.charCodeAt(0) << 16) | ((tag.charCodeAt(1) || 0) << 8) | (tag.charCodeAt(2) || 0);
}

// Short codes (group codes, CARCs, qualifiers) repeat millions of times in a large file: one string each.
const interned = new Map<number, string>();

/** Elements a view records; the rest of a longer segment stays in its last element. */
export const MAX_ELEMENTS = 512;

/**
 * A window onto one segment inside the text being read: element boundaries are found with indexOf, and an
 * element becomes a string only when asked (`el`), or is parsed in place (`cents`). The reader reuses one
 * view for every segment, so reading a 50 MB file does not allocate a string per element. Copy what you keep.
 */
export class SegmentView {
  /** Number of elements including the tag (like `string[].length`). */
  length = 0;
  /** `tagCode(tag)`. */
  code = 0;
  private text = '';
  /**
   * `bounds[i]` is where element i starts; `bounds[i + 1] - 1` is where it ends (the separator or the segment
   * end). Filled by `reset`, or directly by the tokenizer's single-pass scan followed by `filled`.
   */
  readonly bounds = new Int32Array(MAX_ELEMENTS + 1);

  /**
   * Points the view at `text[start, end)`.
   * @param text - the buffer
   * @param start - segment start
   * @param end - segment end (exclusive, before the terminator)
   * @param sep - element separator
   */
  reset(text: string, start: number, end: number, sep: string): void {
    this.text = text;
    const b = this.bounds;
    let n = 0;
    b[0] = start;
    let p = start;
    for (;;) {
      const q = text.indexOf(sep, p);
      if (q < 0 || q >= end || n >= MAX_ELEMENTS - 1) break;
      b[++n] = q + 1;
      p = q + 1;
    }
    b[n + 1] = end + 1;
    this.length = n + 1;
    const t0 = text.charCodeAt(start);
    const len = (b[1] as number) - 1 - start;
    this.code =
      (t0 << 16) | (len > 1 ? text.charCodeAt(start + 1) << 8 : 0) | (len > 2 ? text.charCodeAt(start + 2) : 0);
  }

  /**
   * Completes a view whose `bounds[0..count]` the tokenizer has written.
   * @param text - the buffer
   * @param count - number of elements including the tag
   */
  filled(text: string, count: number): void {
    this.text = text;
    this.length = count;
    const start = this.bounds[0] as number;
    const len = (this.bounds[1] as number) - 1 - start;
    this.code =
      (text.charCodeAt(start) << 16) |
      (len > 1 ? text.charCodeAt(start + 1) << 8 : 0) |
      (len > 2 ? text.charCodeAt(start + 2) : 0);
  }

  /** The tag as a string. */
  get tag(): string {
    return this.el(0);
  }

  /**
   * Element `i` as a string (`''` when absent).
   * @param i - 0 is the tag
   */
  el(i: number): string {
    if (i >= this.length) return '';
    return this.text.slice(this.bounds[i] as number, (this.bounds[i + 1] as number) - 1);
  }

  /**
   * Element `i` as a string, shared for values of one to three characters (codes like `CO`, `45`, `HC`), so a
   * large file does not allocate a new two-letter string per adjustment.
   * @param i - element index
   */
  short(i: number): string {
    if (i >= this.length) return '';
    const a = this.bounds[i] as number;
    return this.piece(a, (this.bounds[i + 1] as number) - 1 - a);
  }

  /**
   * Splits element `i` into its components, into `out` (reused by the caller); short ones are shared strings.
   * @param i - element index
   * @param component - the component separator's char code
   * @param out - the array to fill
   * @returns the number of components
   */
  componentsInto(i: number, component: number, out: string[]): number {
    if (i >= this.length) return 0;
    const t = this.text;
    let a = this.bounds[i] as number;
    const end = (this.bounds[i + 1] as number) - 1;
    if (end <= a) return 0;
    let n = 0;
    for (let p = a; p <= end; p++) {
      if (p === end || t.charCodeAt(p) === component) {
        out[n++] = this.piece(a, p - a);
        a = p + 1;
      }
    }
    return n;
  }

  private piece(a: number, len: number): string {
    if (len < 1) return '';
    const t = this.text;
    if (len > 3) return t.slice(a, a + len);
    const key =
      (len << 24) |
      (t.charCodeAt(a) << 16) |
      (len > 1 ? t.charCodeAt(a + 1) << 8 : 0) |
      (len > 2 ? t.charCodeAt(a + 2) : 0);
    let v = interned.get(key);
    if (v === undefined) {
      v = t.slice(a, a + len);
      if (interned.size < 65536) interned.set(key, v);
    }
    return v;
  }

  /**
   * Whether element `i` is present and not empty.
   * @param i - element index
   */
  has(i: number): boolean {
    return i < this.length && (this.bounds[i + 1] as number) - 1 > (this.bounds[i] as number);
  }

  /**
   * Whether element `i` equals `s`, compared in place.
   * @param i - element index
   * @param s - the value
   */
  is(i: number, s: string): boolean {
    if (i >= this.length) return s === '';
    const a = this.bounds[i] as number;
    const len = (this.bounds[i + 1] as number) - 1 - a;
    if (len !== s.length) return false;
    for (let k = 0; k < len; k++) if (this.text.charCodeAt(a + k) !== s.charCodeAt(k)) return false;
    return true;
  }

  /**
   * Element `i` parsed as an amount in cents, in place; null when empty or not a number.
   * @param i - element index
   */
  cents(i: number): number | null {
    if (i >= this.length) return null;
    return parseCentsRange(this.text, this.bounds[i] as number, (this.bounds[i + 1] as number) - 1);
  }

  /**
   * Element `i` as a number, parsed in place for plain integers (units, counts); NaN when not a number.
   * @param i - element index
   */
  num(i: number): number {
    if (i >= this.length) return Number.NaN;
    const t = this.text;
    let a = this.bounds[i] as number;
    const end = (this.bounds[i + 1] as number) - 1;
    if (end <= a) return Number.NaN;
    let neg = false;
    if (t.charCodeAt(a) === 45) {
      neg = true;
      a++;
    }
    let n = 0;
    for (let p = a; p < end; p++) {
      const c = t.charCodeAt(p) - 48;
      // Decimals and odd forms go through Number(): rare in units.
      if (c < 0 || c > 9) return Number(this.el(i));
      n = n * 10 + c;
    }
    return end > a ? (neg ? -n : n) : Number.NaN;
  }

  /** The elements as an array (allocates). */
  toArray(): string[] {
    const out = new Array<string>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.el(i);
    return out;
  }
}
