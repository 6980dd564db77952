import type { PayerPolicyInput } from '@unitwise/rules';
import type { Repositories } from '@unitwise/store';

/** How long a clinic's payer policies are kept: a change made by another server process shows within this. */
const TTL_MS = 30_000;

/** The clinics' own payer policies, read once per clinic and kept briefly, since every visit save needs them. */
export class PolicyCache {
  private readonly entries = new Map<string, { at: number; policies: PayerPolicyInput[] }>();

  /** @param now - the time source in ms */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The clinic's policies, from the cache when fresh.
   * @param repos - the store (or a transaction)
   * @param clinicId - the clinic
   */
  async get(repos: Repositories, clinicId: string): Promise<PayerPolicyInput[]> {
    const hit = this.entries.get(clinicId);
    if (hit && this.now() - hit.at < TTL_MS) return hit.policies;
    const policies = (await repos.payerPolicies.list(clinicId)).map((p) => p.policy);
    this.entries.set(clinicId, { at: this.now(), policies });
    return policies;
  }

  /**
   * Drops a clinic's entry after this process changed its policies.
   * @param clinicId - the clinic
   */
  forget(clinicId: string): void {
    this.entries.delete(clinicId);
  }
}
