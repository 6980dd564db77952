import type { Visit } from '@unitwise/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashVisitContent, openStore, StoreError } from '../src/index.ts';
import { decodeCursor, encodeCursor, MAX_LIMIT, pageLimit, toPage } from '../src/repos/pagination.ts';

const visit: Visit = {
  id: 'v1',
  patientId: 'p1',
  date: '2026-01-05',
  discipline: 'PT',
  provider: { id: 'pr1', credential: 'PT' },
  services: [{ code: '97530', minutes: 23, modifiers: ['GP'], description: 'Sit-to-stand 3x8, min assist' }],
  response: 'Tolerated well.',
};

describe('hashVisitContent', () => {
  it('ignores key order, store fields and an explicit default note type', () => {
    const reverse = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = reverse({ ...visit, services: visit.services.map(reverse) });
    expect(Object.keys(reordered)[0]).toBe('response');
    const stored = { ...visit, version: 7, status: 'signed', updatedAt: '2026-01-06T00:00:00.000Z' };
    const h = hashVisitContent(visit);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashVisitContent(reordered)).toBe(h);
    expect(hashVisitContent(stored)).toBe(h);
    expect(hashVisitContent({ ...visit, noteType: 'daily', nonBillable: [] })).toBe(h);
  });

  it('changes when any billed minute changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (minutes) => {
        fc.pre(minutes !== 23);
        const changed = { ...visit, services: [{ ...visit.services[0], code: '97530', minutes }] };
        return hashVisitContent(changed) !== hashVisitContent(visit);
      }),
    );
  });
});

describe('pagination', () => {
  it('a cursor round-trips any key of strings and integers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 4 }), (key) => {
        expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
      }),
    );
  });

  it('a cursor that is not ours, or of another length, starts from the first page', () => {
    expect(decodeCursor('not-base64-json', 2)).toBeUndefined();
    expect(decodeCursor(encodeCursor(['a', 'b']), 3)).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toBeUndefined();
    expect(decodeCursor(null, 1)).toBeUndefined();
  });

  it('limits stay within 1..500 and default to 50', () => {
    expect(pageLimit()).toBe(50);
    expect(pageLimit({ limit: 0 })).toBe(1);
    expect(pageLimit({ limit: 10_000 })).toBe(MAX_LIMIT);
    expect(pageLimit({ limit: 2.9 })).toBe(2);
    expect(pageLimit({ limit: Number.NaN })).toBe(50);
  });

  it('toPage keeps `limit` rows and gives a cursor only when one more row was fetched', () => {
    const rows = [1, 2, 3];
    expect(toPage(rows, 2, (r) => [r], String)).toEqual({ items: ['1', '2'], nextCursor: encodeCursor([2]) });
    expect(toPage(rows, 3, (r) => [r], String)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
  });
});

describe('openStore URLs', () => {
  it('refuses a URL of no known engine with StoreError bad-url', async () => {
    for (const url of ['mysql://localhost/x', 'sqlite:', '']) {
      const err = await openStore(url).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('bad-url');
    }
  });

  it('refuses a schema name that is not an identifier', async () => {
    const err = await openStore('postgres://postgres@127.0.0.1:5432/test?schema=x%22;drop').catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('bad-url');
  });

  it('opens sqlite::memory: with every migration', async () => {
    const store = await openStore('sqlite::memory:');
    expect(store.engine).toBe('sqlite');
    expect(await store.migrate()).toEqual([]);
    await store.close();
  });
});
