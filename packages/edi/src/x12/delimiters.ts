/** The four delimiters of an interchange, read from its ISA segment (X12.5; TR3 Appendix B). */
export interface Delimiters {
  /** Element separator: the character right after `ISA`. */
  element: string;
  /** Component (sub-element) separator: ISA16. */
  component: string;
  /** Repetition separator: ISA11 in 5010; null in 4010 files, where ISA11 is the standards id `U`. */
  repetition: string | null;
  /** Segment terminator: the character right after ISA16. */
  segment: string;
}

/** The delimiters we write: `*`, `:`, `^`, `~` (the TR3 examples' choice). */
export const DEFAULT_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/** ISA is fixed-width: 106 characters including the terminator (X12.5 Interchange Control Structures). */
export const ISA_LENGTH = 106;

/** Offsets of the 16 element separators in a fixed-width ISA (ISA01..ISA16 widths 2,10,2,10,2,15,2,15,6,4,1,5,9,1,1,1). */
export const ISA_SEPARATOR_OFFSETS: readonly number[] = [
  3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103,
];

/**
 * Splits a composite element into its components (lazily, only when a reader needs them).
 * @param value - the element value
 * @param d - the interchange's delimiters
 */
export function components(value: string | undefined, d: Delimiters): string[] {
  if (value === undefined || value === '') return [];
  return value.indexOf(d.component) < 0 ? [value] : value.split(d.component);
}

/**
 * Splits a repeated element into its repetitions.
 * @param value - the element value
 * @param d - the interchange's delimiters
 */
export function repetitions(value: string | undefined, d: Delimiters): string[] {
  if (value === undefined || value === '') return [];
  if (d.repetition === null || value.indexOf(d.repetition) < 0) return [value];
  return value.split(d.repetition);
}

/**
 * The separator a composite element uses when it is not the interchange's component separator (ISA16): a sender
 * that declares `:` but writes `HC>97110>GP`. Returns null when the value uses ISA16 or has no separator at all.
 * @param value - a composite element such as SV101 or HI01
 * @param d - the interchange's delimiters
 */
export function foreignComponentSeparator(value: string | undefined, d: Delimiters): string | null {
  if (value === undefined || value === '' || value.indexOf(d.component) >= 0) return null;
  const m = /^[A-Z0-9]{1,3}([^A-Za-z0-9 .-])[A-Za-z0-9]/.exec(value);
  const sep = m?.[1];
  return sep === undefined || sep === d.element || sep === d.repetition ? null : sep;
}
