import { describe, expect, it } from 'vitest';
import { addendumRefusal, credentialFor, type NoteType, signRefusal } from '../src/index.ts';

describe('signRefusal', () => {
  const cases: [string[], NoteType, boolean][] = [
    [['assistant'], 'daily', true],
    [['assistant'], 'discharge', false],
    [['assistant'], 'evaluation', false],
    [['assistant'], 're-evaluation', false],
    [['assistant'], 'progress-report', false],
    [['therapist'], 'discharge', true],
    [['owner'], 'evaluation', true],
    [['assistant', 'therapist'], 'discharge', true],
  ];
  it.each(cases)('%j signing a %s note: allowed %s', (roles, noteType, allowed) => {
    expect(signRefusal(roles, noteType) === null).toBe(allowed);
  });
  it('says who signs instead', () => {
    expect(signRefusal(['assistant'], 'evaluation')).toBe(
      'An assistant cannot sign an evaluation note; the therapist signs it.',
    );
  });
});

describe('addendumRefusal', () => {
  const ptNote = { authorUserId: 'u-pt', authorCredential: 'PT', discipline: 'PT' } as const;
  const ptaNote = { authorUserId: 'u-pta', authorCredential: 'PTA', discipline: 'PT' } as const;
  const cases: [string, Parameters<typeof addendumRefusal>[0], Parameters<typeof addendumRefusal>[1], boolean][] = [
    ['the author', { userId: 'u-pt', roles: ['therapist'], credential: 'PT' }, ptNote, true],
    ['the owner', { userId: 'u-own', roles: ['owner'] }, ptNote, true],
    ["an OT on a PT's note", { userId: 'u-ot', roles: ['therapist'], credential: 'OT' }, ptNote, false],
    ["a PTA on a PT's note", { userId: 'u-pta', roles: ['assistant'], credential: 'PTA' }, ptNote, false],
    ["another PT on a PT's note", { userId: 'u-pt2', roles: ['therapist'], credential: 'PT' }, ptNote, false],
    ["the supervising PT on a PTA's note", { userId: 'u-pt', roles: ['therapist'], credential: 'PT' }, ptaNote, true],
    ["an OT on a PTA's note", { userId: 'u-ot', roles: ['therapist'], credential: 'OT' }, ptaNote, false],
    ["a therapist without a provider on a PTA's note", { userId: 'u-x', roles: ['therapist'] }, ptaNote, false],
    ['a biller', { userId: 'u-b', roles: ['biller'] }, ptNote, false],
    [
      'anyone on a note without an author login',
      { userId: 'u-pt', roles: ['therapist'], credential: 'PT' },
      { ...ptNote, authorUserId: null },
      false,
    ],
  ];
  it.each(cases)('%s: allowed %s', (_label, actor, note, allowed) => {
    expect(addendumRefusal(actor, note) === null).toBe(allowed);
  });
});

describe('credentialFor', () => {
  it.each([
    ['PT', false, 'PT'],
    ['PT', true, 'PTA'],
    ['OT', true, 'OTA'],
    ['SLP', false, 'SLP'],
    ['SLP', true, 'SLPA'],
  ] as const)('%s, assistant %s → %s', (d, assistant, c) => {
    expect(credentialFor(d, assistant)).toBe(c);
  });
});
