import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { VisitInput } from '../types.ts';

/** Visits whose last written services this process remembers; past it the oldest entry goes. */
const MAX_VISITS = 10_000;

/**
 * The services and non-billable time this store last wrote for each visit, as a digest per version. Those rows change
 * only with the visit's version (create and update), so when an update's expected version is the one remembered and
 * the digest is equal, the rows in the database are the ones being written again and can stay (an autosave that
 * changed only the response or times). Kept only for writes this store committed itself.
 */
export class ContentMemo {
  private readonly entries = new LRUCache<string, { version: number; digest: string }>({ max: MAX_VISITS });

  /**
   * The digest of a visit's services and non-billable time.
   * @param input - the visit content
   */
  static digest(input: Pick<VisitInput, 'services' | 'nonBillable'>): string {
    return createHash('sha1')
      .update(JSON.stringify([input.services, input.nonBillable ?? []]))
      .digest('base64');
  }

  /**
   * Whether the rows stored at `version` are the ones with this digest.
   * @param key - clinic and visit id
   * @param version - the version the update expects
   * @param digest - the digest of the content to write
   */
  holds(key: string, version: number, digest: string): boolean {
    // peek: a check does not make an entry recent; only a write does (the oldest write goes first).
    const e = this.entries.peek(key);
    return e !== undefined && e.version === version && e.digest === digest;
  }

  /**
   * Remembers what a committed write left at a version.
   * @param key - clinic and visit id
   * @param version - the visit's version after the write
   * @param digest - the digest of the content written
   */
  set(key: string, version: number, digest: string): void {
    this.entries.set(key, { version, digest });
  }

  /**
   * Forgets a visit (a failed or foreign write, a deletion).
   * @param key - clinic and visit id
   */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
