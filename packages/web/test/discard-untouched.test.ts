import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../src/api/types.ts';
import { isUntouched } from '../src/visit/discard-untouched.ts';
import { newActivity, type VisitDraft } from '../src/visit/draft.ts';
import { EMPTY_TIMER } from '../src/visit/timer-machine.ts';

const record: VisitRecord = {
  id: 'v',
  patientId: 'p',
  date: '2026-03-02',
  discipline: 'PT',
  noteType: 'evaluation',
  providerId: 'pr',
  services: [],
  status: 'draft',
  version: 1,
};
const draft: VisitDraft = {
  visitId: 'v',
  patientId: 'p',
  date: '2026-03-02',
  discipline: 'PT',
  noteType: 'evaluation',
  credential: 'PT',
  timeIn: '',
  timeOut: '',
  response: '',
  activities: [],
  timer: EMPTY_TIMER,
  nonBillableTyped: [],
  goalStatus: {},
  updatedAt: 0,
};

describe('isUntouched (a started note left without anything written is deleted on backing out)', () => {
  const kept: [string, VisitRecord, VisitDraft][] = [
    ['saved once since it was started', { ...record, version: 2 }, draft],
    ['signed', { ...record, status: 'signed' }, draft],
    ['an activity added', record, { ...draft, activities: [newActivity('a', '97530', 'PT')] }],
    ['a time in typed', record, { ...draft, timeIn: '10:00' }],
    ['a response typed', record, { ...draft, response: 'Tolerated well.' }],
    ['rest minutes typed', record, { ...draft, nonBillableTyped: [{ kind: 'rest', minutes: 3 }] }],
    [
      'a timer run',
      record,
      { ...draft, timer: { segments: [{ activityId: 'a', start: 0, end: 1000 }] } as VisitDraft['timer'] },
    ],
    ['services on the server copy', { ...record, services: [{ code: '97162' }] }, draft],
  ];
  it.each(kept)('keeps a note with %s', (_, r, d) => {
    expect(isUntouched(r, d)).toBe(false);
  });
  it('discards the note exactly as Start note made it', () => {
    expect(isUntouched(record, draft)).toBe(true);
  });
});
