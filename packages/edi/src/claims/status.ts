/**
 * A claim's life: built as `draft`; `ready` once scrubbing passes; `exported` in an 837P file; then `paid`,
 * `partly-paid` or `denied` from the 835. A replacement (frequency 7) marks the old claim `corrected`, a void
 * (frequency 8) marks it `voided` (x12.md §3, REF*F8).
 */
export const CLAIM_STATUSES = [
  'draft',
  'ready',
  'exported',
  'paid',
  'partly-paid',
  'denied',
  'corrected',
  'voided',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What happens to a claim. */
export type ClaimEvent =
  | 'scrub-passed'
  | 'scrub-failed'
  | 'edited'
  | 'exported'
  | 'paid'
  | 'partly-paid'
  | 'denied'
  | 'reversed'
  | 'corrected'
  | 'voided';

const TRANSITIONS: Readonly<Record<ClaimStatus, Partial<Record<ClaimEvent, ClaimStatus>>>> = {
  draft: { 'scrub-passed': 'ready', 'scrub-failed': 'draft', edited: 'draft' },
  ready: { exported: 'exported', edited: 'draft', 'scrub-failed': 'draft', 'scrub-passed': 'ready' },
  exported: { paid: 'paid', 'partly-paid': 'partly-paid', denied: 'denied', corrected: 'corrected', voided: 'voided' },
  paid: { reversed: 'exported', corrected: 'corrected', voided: 'voided', paid: 'paid', 'partly-paid': 'partly-paid' },
  'partly-paid': {
    reversed: 'exported',
    corrected: 'corrected',
    voided: 'voided',
    paid: 'paid',
    'partly-paid': 'partly-paid',
  },
  denied: {
    reversed: 'exported',
    corrected: 'corrected',
    voided: 'voided',
    paid: 'paid',
    'partly-paid': 'partly-paid',
    denied: 'denied',
  },
  corrected: {},
  voided: {},
};

/**
 * The status after an event, or an error naming the allowed events when the move is not allowed.
 * @param from - the current status
 * @param event - what happened
 * @example
 * nextStatus('ready', 'exported') // { ok: true, status: 'exported' }
 */
export function nextStatus(
  from: ClaimStatus,
  event: ClaimEvent,
): { ok: true; status: ClaimStatus } | { ok: false; message: string } {
  const to = TRANSITIONS[from][event];
  if (to !== undefined) return { ok: true, status: to };
  const allowed = Object.keys(TRANSITIONS[from]);
  return {
    ok: false,
    message: `A ${from} claim cannot be ${event}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'nothing (final)'}.`,
  };
}
