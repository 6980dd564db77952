import {
  type BuiltClaim,
  buildClaims,
  type Claim,
  type ClaimPatient,
  type RenderingProvider,
  type SignedVisit,
  scrubClaim,
} from '@unitwise/edi';
import {
  createPolicyRegistry,
  type Finding,
  type PayerPolicyInput,
  type PolicyRegistry,
  priceLines,
} from '@unitwise/rules';
import type { ClaimsRepository, NewClaim, Payer, Provider, Store, VisitDetail } from '@unitwise/store';
import type { ClaimSettingsInput } from '../schemas/claims.ts';
import { billingProviderOf } from './claims-settings.ts';

/** A visit that was not billed, and why (ids only). */
export interface SkippedVisit {
  visitId: string;
  reason: string;
}

/** A visit gathered with what its claim needs, plus the store payer it bills. */
interface Gathered {
  sv: SignedVisit;
  payer: Payer;
}

/** Settings, policies and registry for one clinic's build. */
export interface BuildContext {
  store: Store;
  claims: ClaimsRepository;
  clinicId: string;
  settings: ClaimSettingsInput;
  /** False until the clinic saved its billing settings: every claim is then held back with that reason. */
  configured: boolean;
  policies: PayerPolicyInput[];
  userId: string;
}

// SBR09 claim filing indicator by the policy a payer follows (x12.md §3, 2000B SBR).
const FILING: Readonly<Record<string, string>> = { medicare: 'MB', medicaid: 'MC' };

function filingIndicator(policyId: string, policies: readonly PayerPolicyInput[]): string {
  const custom = policies.find((p) => p.id === policyId);
  return FILING[custom?.basedOn ?? policyId] ?? 'CI';
}

// NM1*82 takes the stored last and first name; the display name carries the credential ("Olga Therapist, OT").
function renderingOf(p: Provider): RenderingProvider {
  return { npi: p.npi, lastName: p.lastName, ...(p.firstName ? { firstName: p.firstName } : {}) };
}

/** Findings that still stand at signing: an override with a reason takes an error off the claim. */
function standing(v: VisitDetail): Finding[] {
  return v.findings.filter(
    (f) => !v.overrides.some((o) => o.rule === f.rule && (o.service === null || o.service === f.service)),
  );
}

/**
 * Reads what each signed visit's claim needs: patient (with address and referring provider), primary coverage in
 * force on the date, the plan of care's diagnoses (else the patient's), rendering provider and the findings that stand. Visits without coverage are skipped with a reason.
 * @param ctx - the build context
 * @param visits - signed visits
 * @param payerId - only visits billed to this store payer, when given
 */
export async function gatherVisits(
  ctx: BuildContext,
  visits: readonly VisitDetail[],
  payerId?: string,
): Promise<{ gathered: Gathered[]; skipped: SkippedVisit[] }> {
  const { store, clinicId } = ctx;
  const gathered: Gathered[] = [];
  const skipped: SkippedVisit[] = [];
  const patients = new Map<string, Awaited<ReturnType<Store['patients']['get']>>>();
  const plans = new Map<string, Awaited<ReturnType<Store['plansOfCare']['listByPatient']>>>();
  const providers = new Map<string, Awaited<ReturnType<Store['providers']['get']>>>();
  for (const v of visits) {
    if (v.status !== 'signed') {
      skipped.push({ visitId: v.id, reason: 'The visit is not signed.' });
      continue;
    }
    const coverage = await store.coverages.primaryOn(clinicId, v.patientId, v.date);
    if (!coverage) {
      skipped.push({ visitId: v.id, reason: `The patient has no coverage in force on ${v.date}.` });
      continue;
    }
    if (payerId && coverage.payerId !== payerId) continue;
    if (!patients.has(v.patientId)) patients.set(v.patientId, await store.patients.get(clinicId, v.patientId));
    const patient = patients.get(v.patientId);
    if (!patient) continue;
    if (!plans.has(v.patientId)) plans.set(v.patientId, await store.plansOfCare.listByPatient(clinicId, v.patientId));
    const plan = (plans.get(v.patientId) ?? []).find(
      (p) => p.discipline === v.discipline && p.startDate <= v.date && v.date <= p.endDate,
    );
    let rendering: RenderingProvider | undefined;
    if (v.providerId) {
      if (!providers.has(v.providerId)) providers.set(v.providerId, await store.providers.get(clinicId, v.providerId));
      const p = providers.get(v.providerId);
      if (p) rendering = renderingOf(p);
    }
    const claimPatient: ClaimPatient = {
      id: patient.id,
      lastName: patient.lastName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
      sex: patient.sex,
      ...(patient.address
        ? {
            address: {
              line1: patient.address.line1,
              ...(patient.address.line2 ? { line2: patient.address.line2 } : {}),
              city: patient.address.city,
              state: patient.address.state,
              zip: patient.address.postalCode,
            },
          }
        : {}),
      coverage: {
        memberId: coverage.memberId,
        filingIndicator: filingIndicator(coverage.payer.policyId, ctx.policies),
        ...(coverage.groupNumber ? { groupNumber: coverage.groupNumber } : {}),
        payerResponsibility: coverage.priority === 2 ? 'S' : coverage.priority === 3 ? 'T' : 'P',
      },
    };
    gathered.push({
      payer: coverage.payer,
      sv: {
        visit: v,
        patient: claimPatient,
        payer: { id: coverage.payer.x12PayerId ?? '', name: coverage.payer.name, policyId: coverage.payer.policyId },
        ...(rendering ? { rendering } : {}),
        placeOfService: ctx.settings.placeOfService,
        ...(patient.referringProvider ? { referring: patient.referringProvider } : {}),
        // The plan's diagnoses when it has any; else those taken at intake, so a new patient can be billed.
        diagnoses: plan && plan.diagnoses.length > 0 ? plan.diagnoses : patient.diagnoses,
        findings: standing(v),
      },
    });
  }
  return { gathered, skipped };
}

/**
 * Charge per unit for each code of a payer's visits: the clinic's charge master, else the fee schedule row of the
 * payer's policy in force on the latest date, else the engine's allowed amount for one unit.
 */
async function chargesFor(
  ctx: BuildContext,
  registry: PolicyRegistry,
  payer: Payer,
  group: readonly Gathered[],
): Promise<Record<string, number>> {
  const codes = new Set<string>();
  let last = '';
  for (const g of group) {
    for (const s of g.sv.visit.services) codes.add(s.code);
    if (g.sv.visit.date > last) last = g.sv.visit.date;
  }
  const rows = await ctx.store.feeSchedules.list(ctx.clinicId, payer.policyId, last);
  const out: Record<string, number> = {};
  const policy = registry.resolve(payer.policyId, last);
  for (const code of codes) {
    const own = ctx.settings.chargeMaster[code] ?? rows.find((r) => r.code === code)?.cents;
    if (own !== undefined) {
      out[code] = own;
      continue;
    }
    if (!policy) continue;
    const priced = priceLines([{ code, units: 1, modifiers: [] }], { date: last, policy }, { explain: false });
    if (priced.allowedCents > 0) out[code] = priced.allowedCents;
  }
  return out;
}

/**
 * Gives a built claim its final CLM01 and line control numbers (REF*6R = CLM01-n).
 * @param built - the claim from buildClaims
 * @param claimNumber - the CLM01
 */
function renumber(built: BuiltClaim, claimNumber: string): BuiltClaim {
  const claim: Claim = {
    ...built.claim,
    claimId: claimNumber,
    lines: built.claim.lines.map((l, i) => ({ ...l, controlNumber: `${claimNumber}-${i + 1}` })),
  };
  return { ...built, claim };
}

/**
 * Scrubs a claim and turns it into what the store keeps; errors hold it back as a draft.
 * @param ctx - the build context
 * @param built - the claim
 * @param payer - the store payer
 */
export function toNewClaim(ctx: BuildContext, built: BuiltClaim, payer: Payer | null): NewClaim {
  const scrub = scrubClaim(built.claim, billingProviderOf(ctx.settings), built.findings, built.problems, {
    settingsUnset: !ctx.configured,
  });
  const errors = scrub.errors;
  return {
    claimNumber: built.claim.claimId,
    patientId: built.patientId,
    payerId: payer?.id ?? null,
    payerPolicyId: built.payerPolicyId,
    renderingNpi: built.claim.rendering?.npi ?? (ctx.settings.billingProvider.npi || null),
    status: errors.length === 0 ? 'ready' : 'draft',
    frequency: built.claim.frequency,
    claim: built.claim,
    chargeCents: built.claim.lines.reduce((t, l) => t + l.chargeCents, 0),
    lines: built.claim.lines.map((l, i) => ({
      controlNumber: l.controlNumber,
      code: l.code,
      modifiers: l.modifiers,
      dateOfService: l.dateOfService,
      units: l.units,
      chargeCents: l.chargeCents,
      expectedCents: built.expectedCents[i] ?? null,
    })),
    visitIds: built.visitIds,
    scrubErrors: errors,
    scrubWarnings: scrub.warnings,
    createdBy: ctx.userId,
  };
}

/**
 * Builds claims from gathered visits, one buildClaims run per store payer (so each gets its own charges), and
 * numbers them from the clinic's counter.
 * @param ctx - the build context
 * @param gathered - the visits with what their claims need
 * @param period - claim grouping
 */
export async function buildFor(
  ctx: BuildContext,
  gathered: readonly Gathered[],
  period: ClaimSettingsInput['period'],
): Promise<{ built: BuiltClaim; payer: Payer }[]> {
  const registry = createPolicyRegistry(ctx.policies);
  const byPayer = new Map<string, Gathered[]>();
  for (const g of gathered) {
    const list = byPayer.get(g.payer.id) ?? [];
    list.push(g);
    byPayer.set(g.payer.id, list);
  }
  const out: { built: BuiltClaim; payer: Payer }[] = [];
  for (const group of byPayer.values()) {
    const payer = (group[0] as Gathered).payer;
    const chargeMaster = await chargesFor(ctx, registry, payer, group);
    const built = buildClaims(
      {
        visits: group.map((g) => g.sv),
        billingProvider: billingProviderOf(ctx.settings),
        chargeMaster,
        period,
        claimIdPrefix: '',
        firstSequence: 1,
      },
      registry,
    );
    for (const b of built) out.push({ built: b, payer });
  }
  return out;
}

/**
 * Builds and numbers claims and returns them ready to store.
 * @param ctx - the build context
 * @param gathered - the visits
 * @param period - claim grouping
 */
export async function buildNewClaims(
  ctx: BuildContext,
  gathered: readonly Gathered[],
  period: ClaimSettingsInput['period'],
): Promise<NewClaim[]> {
  const built = await buildFor(ctx, gathered, period);
  if (built.length === 0) return [];
  const first = await ctx.claims.reserveClaimNumbers(ctx.clinicId, built.length);
  return built.map(({ built: b, payer }, i) =>
    toNewClaim(ctx, renumber(b, `${ctx.settings.claimIdPrefix}${String(first + i).padStart(6, '0')}`), payer),
  );
}

/**
 * Rebuilds one claim from its visits, keeping its number: exactly one claim must come out.
 * @param ctx - the build context
 * @param gathered - the claim's visits
 * @param claimNumber - the CLM01 to keep
 * @param frequency - 1 original, 7 replacement
 * @param payerClaimNumber - REF*F8 for a replacement
 */
export async function rebuildOne(
  ctx: BuildContext,
  gathered: readonly Gathered[],
  claimNumber: string,
  frequency: '1' | '7' = '1',
  payerClaimNumber?: string,
): Promise<NewClaim | undefined> {
  const built = await buildFor(ctx, gathered, 'all');
  if (built.length !== 1) return undefined;
  const { built: b, payer } = built[0] as { built: BuiltClaim; payer: Payer };
  const numbered = renumber(b, claimNumber);
  numbered.claim.frequency = frequency;
  if (payerClaimNumber) numbered.claim.payerClaimNumber = payerClaimNumber;
  return { ...toNewClaim(ctx, numbered, payer), ...(payerClaimNumber ? { payerClaimNumber } : {}) };
}
