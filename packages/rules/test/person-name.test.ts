import { describe, expect, it } from 'vitest';
import { splitPersonName } from '../src/index.ts';

describe('splitPersonName (837P NM1*82 last and first name, credential dropped)', () => {
  it.each([
    ['Olga Therapist, OT', 'Olga', 'Therapist'],
    ['Paul Therapist, PT, DPT', 'Paul', 'Therapist'],
    ['Mary Ann Lee', 'Mary Ann', 'Lee'],
    ['  Sam   Pathologist ,SLP ', 'Sam', 'Pathologist'],
    ['Cher', '', 'Cher'],
    ['', '', ''],
  ])('%j → first %j, last %j', (display, firstName, lastName) => {
    expect(splitPersonName(display)).toEqual({ firstName, lastName });
  });
});
