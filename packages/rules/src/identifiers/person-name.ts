/** A person's name as an 837P NM1 carries it: last name (NM103) and first name (NM104), credential apart. */
export interface PersonNameParts {
  lastName: string;
  firstName: string;
}

/**
 * Splits a display name such as `Olga Therapist, OTR/L` into first and last name, dropping what follows the first
 * comma (a credential is not part of a name: NM103 takes the last name only, 005010X222A1 2310B). One word: it is
 * the last name. A name written `Last, First` cannot be told from `Name, credential`, so callers that know the
 * parts store them instead of relying on this.
 * @param display - the name as shown
 * @example
 * splitPersonName('Olga Therapist, OT'); // { firstName: 'Olga', lastName: 'Therapist' }
 */
export function splitPersonName(display: string): PersonNameParts {
  const name = (display.split(',')[0] ?? '').trim();
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  const lastName = words.pop() ?? '';
  return { lastName, firstName: words.join(' ') };
}
