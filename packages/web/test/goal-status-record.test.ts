/**
 * Goal status loaded from the server's copy of a visit: another device opening a progress report sees the statuses,
 * a missing measure becomes empty, a `note` written through the API survives a save from the web.
 */
import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../src/api/types.ts';
import { draftToBody, recordToDraft } from '../src/visit/record-to-draft.ts';

const RECORD: VisitRecord = {
  id: 'v1',
  patientId: 'p1',
  date: '2026-03-02',
  discipline: 'PT',
  noteType: 'progress-report',
  providerId: 'prov',
  status: 'draft',
  services: [{ code: '97530', minutes: 10, modifiers: ['GP'] }],
};

describe('goal status from the server record', () => {
  it('fills the draft from the record and sends it back on save', () => {
    const d = recordToDraft(
      {
        ...RECORD,
        goalStatus: {
          g1: { status: 'progressing', measure: 'x5 in 14 s' },
          g2: { status: 'met', note: 'Discharged to home program' },
        },
      },
      'PT',
    );
    expect(d.goalStatus).toEqual({
      g1: { status: 'progressing', measure: 'x5 in 14 s' },
      g2: { status: 'met', measure: '', note: 'Discharged to home program' },
    });
    expect(draftToBody(d, Date.parse('2026-03-02T16:00:00Z')).goalStatus).toEqual(d.goalStatus);
  });

  it('is empty when the record has none', () => {
    expect(recordToDraft(RECORD, 'PT').goalStatus).toEqual({});
  });
});
