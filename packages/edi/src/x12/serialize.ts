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
  let s = tag;
  for (let i = 0; i < n; i++) s += d.element + elements[i];
  return s + d.segment + eol;
}

/**
 * Joins components, dropping empty trailing ones.
 * @param parts - component values
 * @param d - delimiters
 */
export function composite(parts: readonly (string | undefined)[], d: Delimiters): string {
  let n = parts.length;
  while (n > 0 && (parts[n - 1] === undefined || parts[n - 1] === '')) n--;
  let s = '';
  for (let i = 0; i < n; i++) s += (i > 0 ? d.component : '') + (parts[i] ?? '');
  return s;
}

/**
 * Makes free text safe for an element: removes the four delimiters and control characters, collapses runs of
 * spaces, trims, and caps the length (x12.md §3 Formatting: strip delimiter characters from free text).
 * @param text - a name, address line or other free text
 * @param d - delimiters
 * @param max - the element's maximum length
 */
export function cleanText(text: string | undefined, d: Delimiters, max = 60): string {
  if (text === undefined) return '';
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const c = ch.charCodeAt(0);
    if (ch === d.element || ch === d.component || ch === d.segment || ch === d.repetition || c < 32 || c === 127) {
      space = out.length > 0;
      continue;
    }
    if (ch === ' ') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out.length > max ? out.slice(0, max).trimEnd() : out;
}

/**
 * Pads or cuts a value to a fixed width, as the ISA requires.
 * @param value - the value
 * @param width - its width
 */
export function fixedWidth(value: string, width: number): string {
  return value.length >= width ? value.slice(0, width) : value.padEnd(width, ' ');
}
