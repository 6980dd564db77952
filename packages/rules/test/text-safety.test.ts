/**
 * Case-file text that cannot be stored exactly is refused with its path, on the schema and on the fast path alike:
 * NUL, other control characters (tab and line breaks allowed in notes and descriptions only), lone surrogates; and
 * dates of service outside 1900-01-01..2100-12-31.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVisit, textProblem } from '../src/index.ts';

const visit = (over: Record<string, unknown> = {}) => ({
  id: 'v1',
  patientId: 'p1',
  date: '2026-03-02',
  discipline: 'PT',
  provider: { credential: 'PT' },
  timeIn: '09:00',
  timeOut: '09:45',
  services: [{ code: '97530', minutes: 38, modifiers: ['GP'], description: 'Sit-to-stand x10 with min assist' }],
  ...over,
});
const service = (over: Record<string, unknown>) => ({ code: '97530', minutes: 38, description: 'ok', ...over });

describe('textProblem', () => {
  it.each([
    ['plain', false, undefined],
    ['a\u0000b', true, 'nul'],
    ['a\u0007b', true, 'control'],
    ['a\u007fb', true, 'control'],
    ['line one\nline two\tx\r\n', true, undefined],
    ['line one\nline two', false, 'control'],
    ['lone \ud800 high', true, 'surrogate'],
    ['lone \udc00 low', true, 'surrogate'],
    ['pair \ud83d\ude00 emoji', false, undefined],
    ['ends high \ud83d', false, 'surrogate'],
  ])('%j (multi-line %s) → %s', (s, multi, want) => {
    expect(textProblem(s, multi)).toBe(want);
  });

  it('agrees with the platform: text is clean exactly when well-formed and free of controls', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const wellFormed = (s as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? true;
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is about control characters
        const controls = /[\u0000-\u001f\u007f]/.test(s);
        expect(textProblem(s, false) === undefined).toBe(wellFormed && !controls);
      }),
    );
  });
});

describe('case-file visits refuse text that cannot be stored, naming the field', () => {
  it.each([
    ['NUL in the response', visit({ response: 'ok\u0000' }), 'visits[0].response'],
    ['a lone surrogate in the response', visit({ response: 'ok \ud800' }), 'visits[0].response'],
    [
      'NUL in a description',
      visit({ services: [service({ description: 'x\u0000' })] }),
      'visits[0].services[0].description',
    ],
    [
      'a newline in the assistance (one line)',
      visit({ services: [service({ assistance: 'min\nassist' })] }),
      'visits[0].services[0].assistance',
    ],
    ['NUL in the visit id', visit({ id: 'v\u0000' }), 'visits[0].id'],
    [
      'a bell in a goal id',
      visit({ services: [service({ goalIds: ['g\u0007'] })] }),
      'visits[0].services[0].goalIds[0]',
    ],
    ['year 0000', visit({ date: '0000-01-01' }), 'visits[0].date'],
    ['year 9999', visit({ date: '9999-12-31' }), 'visits[0].date'],
    ['1899', visit({ date: '1899-12-31' }), 'visits[0].date'],
  ])('%s', (_what, raw, where) => {
    const r = parseVisit(raw, 'visits[0]');
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.where)).toContain(where);
  });

  it('keeps line breaks and tabs in notes, and dates at the ends of the range', () => {
    for (const date of ['1900-01-01', '2100-12-31']) {
      expect(parseVisit(visit({ date, response: 'Line one\n\tLine two' }), 'visits[0]').errors).toEqual([]);
    }
  });
});
