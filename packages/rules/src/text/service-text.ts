import type { Service } from '../types.ts';

/**
 * The text an auditor reads for one service: what was done, then the assistance and cueing, as one statement of
 * skilled care (Pub. 100-02 Ch. 15 §220.3 E asks for both). A note written before the two fields were kept apart
 * has both in `description`, and reads the same.
 * @param service - the service
 * @returns the joined text, or undefined when both are empty
 */
export function serviceText(service: Pick<Service, 'description' | 'assistance'>): string | undefined {
  const d = service.description?.trim() ?? '';
  const a = service.assistance?.trim() ?? '';
  if (!a) return d ? service.description : undefined;
  if (!d) return a;
  return `${d}${/[.!?;,]$/.test(d) ? '' : ';'} ${a}`;
}
