// @vitest-environment happy-dom
/**
 * The dashboard loads plans of care with the clinic-wide list, following its cursor, instead of one request per
 * patient: a clinic of 30 patients costs one plans request per page, and a plan on the second page still shows as due.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Patient, PlanOfCareRecord } from '../src/api/types.ts';
import { localDate } from '../src/components/names.ts';
import DashboardPage from '../src/pages/dashboard.tsx';

/** Tells React the test drives updates through act(). */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** `days` after today, as YYYY-MM-DD in local time (the page uses the local date). */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDate(d);
}

const patients: Patient[] = Array.from({ length: 30 }, (_, i) => ({
  id: `p${i}`,
  firstName: 'Pat',
  lastName: `Number${i}`,
}));

function plan(i: number, endDate: string): PlanOfCareRecord {
  return {
    id: `poc${i}`,
    patientId: `p${i}`,
    discipline: 'PT',
    startDate: inDays(-30),
    endDate,
    certifiedDate: inDays(-28),
    goals: [],
    plannedCodes: ['97110'],
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('dashboard load', () => {
  it('reads plans from the clinic-wide list page by page, never per patient', async () => {
    const urls: string[] = [];
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    vi.stubGlobal('fetch', async (input: string) => {
      urls.push(input);
      const url = new URL(input, 'http://app.test');
      if (url.pathname === '/api/v1/patients') return json({ items: patients, next: null });
      if (url.pathname === '/api/v1/visits' || url.pathname === '/api/v1/providers')
        return json({ items: [], next: null });
      if (url.pathname === '/api/v1/plans-of-care') {
        // The second page holds the plan that ends in five days.
        return url.searchParams.get('cursor') === 'c1'
          ? json({ items: patients.slice(15).map((_, k) => plan(15 + k, inDays(k === 14 ? 5 : 90))), next: null })
          : json({ items: patients.slice(0, 15).map((_, i) => plan(i, inDays(90))), next: 'c1' });
      }
      return new Response(JSON.stringify({ title: 'Not found' }), { status: 404 });
    });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<DashboardPage />));
    await vi.waitFor(() => expect(host.textContent).toContain('Progress reports and plans of care due'));

    const due = host.querySelector('[aria-labelledby="due-title"]')?.textContent ?? '';
    expect(due).toContain('Pat Number29');
    expect(due).toContain('Plan ends in 5 days');
    expect(due).not.toContain('Pat Number3 ');
    const plansCalls = urls.filter((u) => u.includes('plans-of-care'));
    expect(plansCalls).toHaveLength(2);
    expect(plansCalls.every((u) => u.startsWith('/api/v1/plans-of-care?'))).toBe(true);
    expect(plansCalls[1]).toContain('cursor=c1');
    expect(urls.filter((u) => /\/patients\/[^/?]+/.test(u))).toEqual([]);
    expect(urls).toHaveLength(5);
    act(() => root.unmount());
    host.remove();
  });
});
