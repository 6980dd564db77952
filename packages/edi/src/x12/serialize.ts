import type { Delimiters } from './delimiters.ts';

/**
 * Serializes one segment: drops empty trailing elements (TR3 §B.1.1.3.9 "must not be sent") and ends with the
 * terminator plus an optional line break.
 * @param tag - the segment id
 * @param elements - element values; components already joined with the component separator
 * @param d - delimiters
 * @param eol - text after the terminator (`''` or `'\n'`)
 */
export function serializeSegment(tag: string, elements: readonly string[], d: Delimiters, eol = ''): string {
  let n = elements.length;
  while (n > 0 && elements[n - 1] === '') n--;
  // One join makes one flat string; `+=` per element would leave a rope for the GC to chase.
  const body = n === elements.length ? elements.join(d.element) : elements.slice(0, n).join(d.element);
  return n === 0 ? tag + d.segment + eol : `${tag}${d.element}${body}${d.segment}${eol}`;
}

/**
 * Joins components, dropping empty trailing ones.
 * @param parts - component values
 * @param d - delimiters
 */
export function composite(parts: readonly (string | undefined)[], d: Delimiters): string {
  let n = parts.length;
  while (n > 0 && (parts[n - 1] === undefined || parts[n - 1] === '')) n--;
  if (n === 1) return parts[0] ?? '';
  return (n === parts.length ? parts : parts.slice(0, n)).map((p) => p ?? '').join(d.component);
}

/**
 * Makes free text safe for an element: removes the four delimiters and control characters, collapses runs of
 * spaces, trims, caps the length, and optionally upper-cases (x12.md §3 Formatting: strip delimiter characters
 * from free text). Clean text comes back as the same string, without copying: the writer calls this per field.
 * @param text - a name, address line or other free text
 * @param d - delimiters
 * @param max - the element's maximum length
 * @param upper - upper-case letters too
 */
export function cleanText(text: string | undefined, d: Delimiters, max = 60, upper = false): string {
  if (text === undefined) return '';
  const n = text.length;
  if (n <= max && !needsCleaning(text, d, upper)) return text;
  let out = '';
  let space = false;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    const c = ch.charCodeAt(0);
    if (
      ch === d.element ||
      ch === d.component ||
      ch === d.segment ||
      ch === d.repetition ||
      c < 32 ||
      c === 127 ||
      c === 32
    ) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  if (upper) out = out.toUpperCase();
  return out.length > max ? out.slice(0, max).trimEnd() : out;
}

function needsCleaning(text: string, d: Delimiters, upper: boolean): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return true;
  const e = d.element.charCodeAt(0);
  const k = d.component.charCodeAt(0);
  const t = d.segment.charCodeAt(0);
  const r = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 127 || c === e || c === k || c === t || c === r) return true;
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else prevSpace = false;
    if (upper && ((c >= 97 && c <= 122) || c > 127)) return true;
  }
  return false;
}

/**
 * Pads or cuts a value to a fixed width, as the ISA requires.
 * @param value - the value
 * @param width - its width
 */
export function fixedWidth(value: string, width: number): string {
  return value.length >= width ? value.slice(0, width) : value.padEnd(width, ' ');
}
