import type { Page } from './types.ts';

/**
 * Follows `next` cursors until the list ends or `max` rows are read.
 * @param load - loads one page after the cursor
 * @param max - a ceiling, so a dashboard never pulls an unbounded list
 */
export async function allPages<T>(load: (cursor: string | undefined) => Promise<Page<T>>, max = 2000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && out.length < max);
  return out;
}
