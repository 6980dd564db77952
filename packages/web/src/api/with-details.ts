import { api } from './endpoints.ts';
import type { VisitRecord } from './types.ts';

/**
 * Fills in the engine's lines, units and estimate of listed visits that lack them (the list route returns stored
 * rows; the detail route adds the engine's results), a few requests at a time.
 * @param visits - visits from a list
 * @param concurrency - requests in flight at once
 */
export async function withDetails(visits: readonly VisitRecord[], concurrency = 6): Promise<VisitRecord[]> {
  const out = visits.slice();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < out.length) {
      const i = next++;
      const v = out[i] as VisitRecord;
      if (v.estimate && v.lines) continue;
      try {
        out[i] = (await api.visit(v.id)).body;
      } catch {
        // Keep the listed row: the table shows a dash for what it could not load.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, out.length) }, worker));
  return out;
}
