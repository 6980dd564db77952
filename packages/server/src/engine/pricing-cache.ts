import { claimsRepository, type Repositories } from '@unitwise/store';
import { loadSettings } from '../routes/claims-settings.ts';

/** How long a clinic's pricing settings are kept: a change made by another server process shows within this. */
const TTL_MS = 30_000;

/** What the engine prices a clinic's visits with: its PFS locality and its charge per unit by code (cents). */
export interface ClinicPricing {
  /** Absent: the national GPCIs of 1.000. */
  locality?: string;
  charges: Readonly<Record<string, number>>;
  /** Names these settings in the history-cache key, so a change replays the history. */
  key: string;
}

/** The clinics' locality and charge master, read once per clinic and kept briefly, since every visit save needs them. */
export class PricingCache {
  private readonly entries = new Map<string, { at: number; pricing: ClinicPricing }>();

  /** @param now - the time source in ms */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The clinic's pricing settings, from the cache when fresh.
   * @param repos - the store (or a transaction)
   * @param clinicId - the clinic
   */
  async get(repos: Repositories, clinicId: string): Promise<ClinicPricing> {
    const hit = this.entries.get(clinicId);
    if (hit && this.now() - hit.at < TTL_MS) return hit.pricing;
    const pricing = await readPricing(repos, clinicId);
    this.entries.set(clinicId, { at: this.now(), pricing });
    return pricing;
  }

  /**
   * Drops a clinic's entry after this process saved its settings or charge master.
   * @param clinicId - the clinic
   */
  forget(clinicId: string): void {
    this.entries.delete(clinicId);
  }
}

/**
 * Reads a clinic's locality and charge master from its billing settings (unset settings: national, stored charges).
 * @param repos - the store (or a transaction)
 * @param clinicId - the clinic
 */
export async function readPricing(repos: Repositories, clinicId: string): Promise<ClinicPricing> {
  // The clock only stamps writes; this is a read.
  const { settings } = await loadSettings(
    claimsRepository(repos, () => new Date().toISOString()),
    clinicId,
  );
  const charges = settings.chargeMaster;
  const locality = settings.locality;
  return {
    ...(locality ? { locality } : {}),
    charges,
    key: JSON.stringify([locality ?? '', Object.entries(charges).sort(([a], [b]) => a.localeCompare(b))]),
  };
}
