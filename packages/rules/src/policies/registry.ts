import type {
  IsoDate,
  PayerPolicy,
  PayerPolicyInput,
  PolicyVersion,
  PolicyVersionInput,
  UnitMethod,
} from '../types.ts';
import { UNIT_METHODS } from '../types.ts';
import { BUILT_IN_POLICIES } from './built-in.ts';
import { dayBefore } from './dates.ts';

/** A policy version as it applies on one date, with the policy's id and name. */
export type ResolvedPolicy = PolicyVersion & { id: string; name: string };

/** The payer policies of one case file (built-ins plus its own), resolved by id and date. */
export interface PolicyRegistry {
  /** Whether the id names a policy. */
  has(id: string): boolean;
  /** Every policy id, built-ins first. */
  ids(): string[];
  /** The version in force on the date, or undefined for an unknown id or a date no version covers. */
  resolve(id: string, date: IsoDate): ResolvedPolicy | undefined;
}

/** The policy a new case-file policy starts from when it names no `basedOn`. */
export const DEFAULT_BASE_POLICY = 'commercial';

const EARLIEST: IsoDate = '1900-01-01';

function isUnitMethod(s: unknown): s is UnitMethod {
  return typeof s === 'string' && (UNIT_METHODS as readonly string[]).includes(s);
}

function versionOn(p: PayerPolicy, date: IsoDate): PolicyVersion | undefined {
  for (const v of p.versions) {
    if (v.effectiveFrom <= date && (v.effectiveTo === undefined || date <= v.effectiveTo)) return v;
  }
  return undefined;
}

/** Merges one partial version over the base version in force at its start (or the base's latest). */
function mergeVersion(base: PayerPolicy, partial: PolicyVersionInput, to: IsoDate | undefined): PolicyVersion {
  const from = partial.effectiveFrom ?? EARLIEST;
  const under = versionOn(base, from) ?? (base.versions[base.versions.length - 1] as PolicyVersion);
  const merged: PolicyVersion = {
    ...under,
    ...partial,
    effectiveFrom: from,
    documentation: { ...under.documentation, ...(partial.documentation ?? {}) },
    source: partial.source ?? `${under.source} (overridden by the case file)`,
  };
  const end = partial.effectiveTo ?? to;
  if (end === undefined) delete merged.effectiveTo;
  else merged.effectiveTo = end;
  return merged;
}

/**
 * Builds one policy from a case-file input over its base: an override of a built-in by id, or a new
 * policy `basedOn` another (default `commercial`). Versions given replace the base's from the first one's
 * start (earlier base versions stay), each merged over the base version in force at its start; `unitMethod`
 * alone sets the method of every version.
 */
function buildPolicy(input: PayerPolicyInput, known: Map<string, PayerPolicy>): PayerPolicy {
  const base = known.get(input.basedOn ?? input.id) ?? (known.get(DEFAULT_BASE_POLICY) as PayerPolicy);
  let versions: PolicyVersion[];
  if (input.versions && input.versions.length > 0) {
    const partials = [...input.versions].sort((a, b) =>
      (a.effectiveFrom ?? EARLIEST) < (b.effectiveFrom ?? EARLIEST) ? -1 : 1,
    );
    const firstFrom = partials[0]?.effectiveFrom ?? EARLIEST;
    // The base's versions before the first given one stay in force, clipped to end the day before it.
    versions = [];
    for (const v of base.versions) {
      if (v.effectiveFrom >= firstFrom) continue;
      const clipped = { ...v };
      const end = dayBefore(firstFrom);
      if (clipped.effectiveTo === undefined || clipped.effectiveTo > end) clipped.effectiveTo = end;
      versions.push(clipped);
    }
    partials.forEach((p, i) => {
      const next = partials[i + 1]?.effectiveFrom;
      versions.push(mergeVersion(base, p, next === undefined ? undefined : dayBefore(next)));
    });
  } else {
    versions = base.versions.map((v) => ({ ...v }));
  }
  if (isUnitMethod(input.unitMethod)) {
    const method = input.unitMethod;
    for (const v of versions) {
      v.unitMethod = method;
      v.source = `${v.source}; unit method ${method} set by the case file`;
    }
  }
  return { id: input.id, name: input.name ?? known.get(input.id)?.name ?? input.id, versions };
}

/**
 * A registry of the built-in policies plus a case file's own (added, or overriding a built-in by id).
 * Inputs are expected to have passed `validatePayerInputs`; an unknown `basedOn` falls back to `commercial`.
 * @param custom - the case file's `payers`
 */
export function createPolicyRegistry(custom: readonly PayerPolicyInput[] = []): PolicyRegistry {
  const policies = new Map<string, PayerPolicy>();
  for (const p of BUILT_IN_POLICIES) policies.set(p.id, p);
  for (const input of custom) policies.set(input.id, buildPolicy(input, policies));
  // Each version resolved once, frozen, so resolve() allocates nothing on the per-visit path.
  const resolved = new Map<string, ResolvedPolicy[]>();
  for (const p of policies.values()) {
    resolved.set(
      p.id,
      p.versions.map((v) => Object.freeze({ ...v, id: p.id, name: p.name })),
    );
  }
  const ids = [...policies.keys()];
  return {
    has: (id) => policies.has(id),
    ids: () => [...ids],
    resolve(id, date) {
      const list = resolved.get(id);
      if (!list) return undefined;
      for (const v of list) {
        if (v.effectiveFrom <= date && (v.effectiveTo === undefined || date <= v.effectiveTo)) return v;
      }
      return undefined;
    },
  };
}
