import { isAscii } from 'node:buffer';
import type { Problem } from '../problem.ts';
import { type Delimiters, ISA_LENGTH, ISA_SEPARATOR_OFFSETS } from './delimiters.ts';
import { MAX_ELEMENTS, SegmentView } from './segment-view.ts';

// IEA as a tag code (see tagCode).
const IEA_CODE = 0x494541;

/** One segment: `[tag, element1, element2, ...]`. Components stay joined until a reader splits them. */
export type Segment = string[];

// Text that precedes an ISA and has no newline at all is dropped past this size so memory stays flat.
const MAX_PREAMBLE = 1 << 20;

function isSpace(c: number): boolean {
  // space, tab, LF, VT, FF, CR, and the UTF-8 BOM decoded as U+FEFF
  return c === 32 || (c >= 9 && c <= 13) || c === 0xfeff;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function nextOr(buf: string, ch: string, from: number, none: number): number {
  const i = buf.indexOf(ch, from);
  return i < 0 ? none : i;
}

function hasBreak(text: string): boolean {
  return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
}

// Some clearinghouses and older systems wrap segments at a fixed width; the breaks are layout, not data.
function withoutBreaks(buf: string, start: number, stop: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < stop; i++) {
    const c = buf.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out += buf.slice(from, i);
    from = i + 1;
  }
  return out + buf.slice(from, stop);
}

/**
 * A streaming X12 segment reader. Feed it Buffers or strings chunk by chunk with `push`; each call returns the
 * segments completed so far, and `end` returns the rest. Delimiters come from each ISA's fixed positions;
 * whitespace and line breaks between segments, a UTF-8 BOM, indentation and text before the ISA are skipped;
 * only an `ISA` at a segment start counts. Memory holds one partial segment, never the file.
 */
export class SegmentReader {
  /** The current interchange's delimiters, once its ISA has been read. */
  delimiters: Delimiters | null = null;
  /** Envelope problems found while reading (short ISA, text after the last IEA, no ISA at all). */
  readonly problems: Problem[] = [];
  /** Length of the last ISA read, including its terminator (106 when well formed). */
  isaLength = 0;
  /** Number of characters skipped before the first ISA (text or prose in front of the interchange). */
  skippedChars = 0;
  /** Segments returned so far. */
  count = 0;
  /** Things worth telling that do not stop the file being read (segments wrapped across lines). */
  readonly notes: Problem[] = [];

  private buf = '';
  private readonly decoder = new TextDecoder('utf-8');
  private seeking = true;
  private term = '';
  private sep = '';
  private newlineTerm = false;
  private wrapped = false;
  private interchanges = 0;
  private out: Segment[] = [];
  private sink: ((v: SegmentView) => void) | null = null;
  private readonly view = new SegmentView();

  /**
   * Adds a chunk and returns the segments it completes.
   * @param chunk - bytes (UTF-8) or text
   */
  push(chunk: string | Uint8Array): Segment[] {
    this.sink = null;
    const out: Segment[] = [];
    this.out = out;
    this.add(chunk);
    this.scan(false, 0);
    return out;
  }

  /** Flushes the last partial segment (a file may end without a terminator) and returns the remaining segments. */
  end(): Segment[] {
    this.sink = null;
    const out: Segment[] = [];
    this.out = out;
    this.finish();
    return out;
  }

  /**
   * The allocation-light path: adds a chunk and calls `fn` with a reused view of each completed segment
   * (elements become strings only when the caller asks). Do not keep the view past the call.
   * @param chunk - bytes (UTF-8) or text
   * @param fn - called once per segment
   */
  pushEach(chunk: string | Uint8Array, fn: (v: SegmentView) => void): void {
    this.sink = fn;
    const text = this.decode(chunk);
    if (this.buf.length === 0 || this.seeking) {
      this.buf = this.buf.length === 0 ? text : this.buf + text;
      this.scan(false, 0);
      return;
    }
    // Finish the pending partial segment on its own, then scan the new chunk in place: a rope of tail + chunk
    // would make every charCodeAt of the hot loop go through an indirection.
    const t = text.indexOf(this.term);
    if (t < 0) {
      this.buf += text;
      return;
    }
    this.buf += text.slice(0, t + 1);
    this.scan(false, 0);
    if (this.buf.length === 0) {
      this.buf = text;
      this.scan(false, t + 1);
    } else {
      this.buf += text.slice(t + 1);
      this.scan(false, 0);
    }
  }

  /**
   * The end of `pushEach` input: flushes the last partial segment.
   * @param fn - called once per remaining segment
   */
  endEach(fn: (v: SegmentView) => void): void {
    this.sink = fn;
    this.finish();
  }

  private add(chunk: string | Uint8Array): void {
    const text = this.decode(chunk);
    this.buf = this.buf.length === 0 ? text : this.buf + text;
  }

  private decode(chunk: string | Uint8Array): string {
    // Pure-ASCII chunks (nearly all X12) skip UTF-8 decoding. A chunk that continues a split multi-byte character
    // starts with a continuation byte, so it is not ASCII and goes through the streaming decoder as it must.
    const text =
      typeof chunk === 'string'
        ? chunk
        : isAscii(chunk)
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1')
          : this.decoder.decode(chunk, { stream: true });
    return text;
  }

  private finish(): void {
    const tail = this.decoder.decode();
    if (tail.length > 0) this.buf += tail;
    this.scan(true, 0);
    if (this.interchanges === 0)
      this.problems.push({ where: 'file', message: 'No ISA segment found: not an X12 file.' });
  }

  private scan(final: boolean, from: number): void {
    const buf = this.buf;
    const len = buf.length;
    let pos = from;
    for (;;) {
      if (this.seeking) {
        const next = this.seekIsa(buf, pos, final);
        if (next < 0) {
          pos = -next - 1;
          break;
        }
        pos = next;
        continue;
      }
      if (this.sink !== null) {
        const next = this.scanViews(buf, pos, final);
        if (next < 0) {
          pos = -next - 1;
          break;
        }
        pos = next;
        continue;
      }
      while (pos < len && isSpace(buf.charCodeAt(pos))) pos++;
      if (pos >= len) break;
      const end = buf.indexOf(this.term, pos);
      if (end < 0) {
        if (final) {
          let stop = len;
          while (stop > pos && isSpace(buf.charCodeAt(stop - 1))) stop--;
          if (stop > pos) this.emit(buf, pos, stop);
          pos = len;
        }
        break;
      }
      let stop = end;
      if (this.newlineTerm && stop > pos && buf.charCodeAt(stop - 1) === 13) stop--;
      // A new interchange may bring new delimiters: after IEA, look for the next ISA afresh.
      if (
        buf.charCodeAt(pos) === 73 &&
        buf.charCodeAt(pos + 1) === 69 &&
        buf.charCodeAt(pos + 2) === 65 &&
        (pos + 3 === stop || buf[pos + 3] === this.sep)
      )
        this.seeking = true;
      this.emit(buf, pos, stop);
      pos = end + 1;
    }
    this.buf = pos >= len ? '' : pos === 0 ? buf : buf.slice(pos);
  }

  /**
   * The hot loop of `pushEach`: one charCodeAt pass per segment finds both the element separators and the
   * terminator, writing the boundaries straight into the reused view. Returns the position after an IEA
   * (to look for the next ISA), or `-(keep + 1)` when it needs more data.
   */
  private scanViews(buf: string, from: number, final: boolean): number {
    const len = buf.length;
    const view = this.view;
    const b = view.bounds;
    const sink = this.sink as (v: SegmentView) => void;
    const sepC = this.sep.charCodeAt(0);
    const termC = this.term.charCodeAt(0);
    const crlf = this.newlineTerm;
    const last = MAX_ELEMENTS - 1;
    // The next CR and LF at or after pos (len when none): a line break before a segment's end is a wrapped line.
    let lf = -1;
    let cr = -1;
    let pos = from;
    for (;;) {
      while (pos < len && isSpace(buf.charCodeAt(pos))) pos++;
      if (pos >= len) return -(len + 1);
      if (lf < pos) lf = nextOr(buf, '\n', pos, len);
      if (cr < pos) cr = nextOr(buf, '\r', pos, len);
      let n = 0;
      b[0] = pos;
      let i = pos;
      for (; i < len; i++) {
        const c = buf.charCodeAt(i);
        if (c === termC) break;
        if (c === sepC && n < last) b[++n] = i + 1;
      }
      let stop = i;
      if (i >= len) {
        if (!final) return -(pos + 1);
        while (stop > pos && isSpace(buf.charCodeAt(stop - 1))) stop--;
      } else if (crlf && stop > pos && buf.charCodeAt(stop - 1) === 13) stop--;
      while (n > 0 && (b[n] as number) > stop + 1) n--;
      b[n + 1] = stop + 1;
      if (lf < stop || cr < stop) {
        const joined = withoutBreaks(buf, pos, stop);
        this.noteWrapped();
        view.reset(joined, 0, joined.length, this.sep);
      } else view.filled(buf, n + 1);
      this.count++;
      sink(view);
      pos = i + 1;
      // A new interchange may bring new delimiters: after IEA, look for the next ISA afresh.
      if (view.code === IEA_CODE && (b[1] as number) - 1 - (b[0] as number) === 3) {
        this.seeking = true;
        return pos;
      }
      if (i >= len) return -(len + 1);
    }
  }

  private emit(buf: string, start: number, stop: number): void {
    this.count++;
    let text = buf.slice(start, stop);
    if (hasBreak(text)) {
      text = withoutBreaks(text, 0, text.length);
      this.noteWrapped();
    }
    if (this.sink !== null) {
      this.view.reset(text, 0, text.length, this.sep);
      this.sink(this.view);
    } else this.out.push(text.split(this.sep));
  }

  // Said once a file: wrapped segments read right, but the sender should know its files are not plain X12.
  private noteWrapped(): void {
    if (this.wrapped) return;
    this.wrapped = true;
    this.notes.push({
      where: 'file',
      message:
        'Segments are wrapped across lines; the line breaks inside segments were dropped (CR and LF are never part of an X12 value).',
    });
  }

  /**
   * Looks for an ISA at a segment start from `pos`. Returns the position after the ISA once read,
   * or `-(keep + 1)` when more data is needed, where `keep` is where the unread text starts.
   */
  private seekIsa(buf: string, pos: number, final: boolean): number {
    const len = buf.length;
    let p = pos;
    for (;;) {
      while (p < len && isSpace(buf.charCodeAt(p))) p++;
      if (len - p < 4) {
        if (final) {
          this.noteSkipped(buf, p, len);
          return -(len + 1);
        }
        return -(p + 1);
      }
      if (buf.charCodeAt(p) === 73 && buf.charCodeAt(p + 1) === 83 && buf.charCodeAt(p + 2) === 65) {
        const sepCode = buf.charCodeAt(p + 3);
        if (!isAlnum(sepCode) && !isSpace(sepCode)) {
          const wrapped = this.readWrappedIsa(buf, p, final);
          if (wrapped !== -1) return wrapped === 0 ? -(p + 1) : wrapped;
          const read = this.readIsa(buf, p, final);
          if (read === 0) return -(p + 1);
          return read;
        }
      }
      // Not an ISA: skip to the next line (or the previous interchange's terminator), which starts a segment.
      let nl = buf.indexOf('\n', p);
      if (this.term !== '' && this.term !== '\n') {
        const t = buf.indexOf(this.term, p);
        if (t >= 0 && (nl < 0 || t < nl)) nl = t;
      }
      if (nl < 0) {
        if (final || len - p > MAX_PREAMBLE) {
          this.noteSkipped(buf, p, len);
          return -(len + 1);
        }
        return -(p + 1);
      }
      this.noteSkipped(buf, p, nl + 1);
      p = nl + 1;
    }
  }

  private noteSkipped(buf: string, from: number, to: number): void {
    let n = 0;
    for (let i = from; i < to; i++) if (!isSpace(buf.charCodeAt(i))) n++;
    if (n === 0) return;
    if (this.interchanges === 0) this.skippedChars += to - from;
    else
      this.problems.push({
        where: `after IEA of interchange ${this.interchanges}`,
        message: `${n} characters of text that is not X12 were skipped.`,
      });
  }

  /**
   * An ISA with line breaks inside its 105 characters (a file wrapped at a fixed width): reads it without them.
   * Returns the position after it, 0 when more data is needed, or -1 when this ISA is not wrapped.
   */
  private readWrappedIsa(buf: string, p: number, final: boolean): number {
    const body = ISA_LENGTH - 1;
    const window = buf.slice(p, p + body);
    if (!hasBreak(window)) return -1;
    let kept = 0;
    let i = p;
    for (; i < buf.length && kept < body; i++) {
      const c = buf.charCodeAt(i);
      if (c !== 10 && c !== 13) kept++;
    }
    if (kept < body || i >= buf.length) return final ? -1 : 0;
    const isa = withoutBreaks(buf, p, i) + (buf[i] as string);
    this.noteWrapped();
    const read = this.readIsa(isa, 0, true);
    return read === 0 ? 0 : i + 1;
  }

  /** Reads the ISA at `p`; returns the position after it, or 0 when more data is needed. */
  private readIsa(buf: string, p: number, final: boolean): number {
    const len = buf.length;
    const sep = buf[p + 3] as string;
    let fixed = len - p >= ISA_LENGTH;
    if (fixed) {
      for (const off of ISA_SEPARATOR_OFFSETS) {
        if (buf[p + off] !== sep) {
          fixed = false;
          break;
        }
      }
    }
    let compAt: number;
    if (fixed) {
      compAt = p + 104;
    } else {
      // Not fixed-width (EDIReader #11: short ISA): find the 16th separator by scanning.
      let seen = 0;
      let i = p + 3;
      for (; i < len && seen < 16; i++) if (buf[i] === sep) seen++;
      if (seen < 16 || i + 1 >= len) {
        if (!final && len - p < 4096) return 0;
        this.problems.push({ where: 'ISA', message: 'The ISA segment is incomplete: it has fewer than 16 elements.' });
        this.seeking = false;
        this.term = '\n';
        this.sep = sep;
        return len;
      }
      compAt = i;
    }
    const component = buf[compAt] as string;
    const term = buf[compAt + 1] as string;
    const isaLength = compAt + 2 - p;
    if (isaLength !== ISA_LENGTH) {
      this.problems.push({
        where: 'ISA',
        message: `The ISA segment is ${isaLength} characters long; X12 requires exactly 106 (fixed-width elements).`,
      });
    }
    this.isaLength = isaLength;
    const isaElements = buf.slice(p, compAt - 1).split(sep);
    const isa11 = isaElements[11] ?? '';
    const rep = isa11.length === 1 && !isAlnum(isa11.charCodeAt(0)) && isa11 !== ' ' ? isa11 : null;
    this.delimiters = { element: sep, component, repetition: rep, segment: term };
    this.term = term;
    this.sep = sep;
    this.newlineTerm = term === '\n';
    this.seeking = false;
    this.interchanges++;
    // The ISA's last element is the component separator itself, so the range through it splits right.
    this.emit(buf, p, compAt + 1);
    return compAt + 2;
  }
}

/**
 * Reads a whole X12 text (or bytes) into segments.
 * @param input - the file's text or bytes
 * @returns the segments, the delimiters of the (last) interchange, and envelope problems
 */
export function tokenize(input: string | Uint8Array): {
  segments: Segment[];
  delimiters: Delimiters | null;
  problems: Problem[];
  skippedChars: number;
  isaLength: number;
} {
  const reader = new SegmentReader();
  const segments = reader.push(input);
  for (const s of reader.end()) segments.push(s);
  return {
    segments,
    delimiters: reader.delimiters,
    problems: reader.problems,
    skippedChars: reader.skippedChars,
    isaLength: reader.isaLength,
  };
}

/**
 * Reads segments from a stream of chunks (a file stream, an upload), yielding them in batches so the caller's
 * loop stays synchronous per segment.
 * @param source - chunks of bytes or text
 * @param reader - a reader to use (to inspect its delimiters and problems afterwards)
 */
export async function* readSegmentBatches(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  reader: SegmentReader = new SegmentReader(),
): AsyncGenerator<Segment[]> {
  for await (const chunk of source) {
    const batch = reader.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const last = reader.end();
  if (last.length > 0) yield last;
}
