import type { Principal } from './principal.ts';

/** How long an entry is trusted: a change made by another server process (or the CLI) shows within this. */
export const PRINCIPAL_TTL_MS = 5_000;

/** At most this many entries; past it the oldest goes, so a flood of distinct secrets cannot grow memory. */
export const PRINCIPAL_CACHE_MAX = 10_000;

/** What authenticate needs to rebuild a caller without SQL: the principal plus the token's id and last use. */
export interface PrincipalEntry extends Principal {
  /** The API token's id when `via` is `token` (to record its use). */
  tokenId?: string;
  /** When the API token was last recorded as used, when `via` is `token`. */
  tokenLastUsedAt?: string | null;
}

interface Slot {
  at: number;
  entry: PrincipalEntry;
}

/** The PostgreSQL NOTIFY channel on which a process tells the others to drop their cached principals. */
export const PRINCIPALS_CHANNEL = 'unitwise_principals';

/**
 * Resolved callers keyed by the hash of their secret (API token or session cookie; never the secret itself), kept
 * briefly so a request costs no SQL to authenticate. Cleared on any change to users, roles, tokens or sessions made
 * in this process, and (once `share` is called) in every other process too; session expiry is still checked on
 * every request by the caller.
 */
export class PrincipalCache {
  private readonly slots = new Map<string, Slot>();
  private gen = 0;
  private publish: (() => Promise<void>) | undefined;

  /**
   * @param now - the time source in ms
   * @param max - the most entries kept
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = PRINCIPAL_CACHE_MAX,
  ) {}

  /** Moves on at every clear; a lookup started before a clear must not store what it read (it may be stale). */
  get generation(): number {
    return this.gen;
  }

  /** How many entries are held (fresh or not yet swept). */
  get size(): number {
    return this.slots.size;
  }

  /**
   * The entry for a secret's hash when fresh, else undefined (and a stale one is dropped).
   * @param hash - the hash of the token or session secret
   */
  get(hash: string): PrincipalEntry | undefined {
    const slot = this.slots.get(hash);
    if (!slot) return undefined;
    if (this.now() - slot.at >= PRINCIPAL_TTL_MS) {
      this.slots.delete(hash);
      return undefined;
    }
    return slot.entry;
  }

  /**
   * Stores an entry read from the store, unless the cache was cleared since the read began.
   * @param hash - the hash of the token or session secret
   * @param entry - the resolved caller
   * @param since - the `generation` read before the lookup; omitted: store regardless
   */
  set(hash: string, entry: PrincipalEntry, since?: number): void {
    if (since !== undefined && since !== this.gen) return;
    // Re-inserting moves the key to the end, so Map order stays oldest-first for eviction.
    this.slots.delete(hash);
    while (this.slots.size >= this.max) {
      const oldest = this.slots.keys().next();
      if (oldest.done) break;
      this.slots.delete(oldest.value);
    }
    this.slots.set(hash, { at: this.now(), entry });
  }

  /**
   * Changes fields of a held entry (a slid session expiry, a recorded token use) without renewing its age.
   * @param hash - the hash of the token or session secret
   * @param change - the fields to replace
   */
  update(hash: string, change: Partial<PrincipalEntry>): void {
    const slot = this.slots.get(hash);
    if (slot) slot.entry = { ...slot.entry, ...change };
  }

  /**
   * Drops one entry.
   * @param hash - the hash of the token or session secret
   */
  delete(hash: string): void {
    this.slots.delete(hash);
  }

  /**
   * Makes every `clear` also tell the other server processes (they call `clearLocal` on hearing it).
   * @param publish - sends the word, e.g. a PostgreSQL NOTIFY
   */
  share(publish: () => Promise<void>): void {
    this.publish = publish;
  }

  /**
   * Drops everything here and tells the other processes; called after any change to users, roles, passwords, tokens
   * or sessions. Await it before answering, so the change holds everywhere by the time the caller hears back.
   */
  async clear(): Promise<void> {
    this.clearLocal();
    // A failed NOTIFY must not fail a change that is already committed; the others then catch up within the TTL.
    await this.publish?.().catch(() => undefined);
  }

  /** Drops everything in this process only (another process changed access, or the listening connection dropped). */
  clearLocal(): void {
    this.slots.clear();
    this.gen += 1;
  }
}
