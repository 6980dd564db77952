import {
  computeUnits,
  createPolicyRegistry,
  type PolicyRegistry,
  priceLines,
  type ResolvedPolicy,
  type UnitInputLine,
} from '@unitwise/rules';
import type { Problem } from '../problem.ts';
import type { Claim, ClaimLine } from '../x837/types.ts';
import { FIX_AT } from './fix-at.ts';
import { orderModifiers } from './modifiers.ts';
import type { BuildClaimsInput, BuiltClaim, SignedVisit } from './types.ts';

function periodKey(date: string, period: BuildClaimsInput['period']): string {
  if (period === 'visit') return date;
  if (period === 'month') return date.slice(0, 7);
  return 'all';
}

/** Units per service: the engine's units for a code go to its first service; claimed units win. */
function unitsPerService(sv: SignedVisit, policy: ResolvedPolicy | undefined): number[] {
  const services = sv.visit.services;
  if (sv.units && sv.units.length === services.length) return sv.units;
  const lines: UnitInputLine[] = services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 }));
  const engine = computeUnits(lines, policy?.unitMethod ?? 'cms');
  const byCode = new Map<string, number>();
  for (const l of engine.lines) byCode.set(l.code, l.units);
  return services.map((s) => {
    if (s.units !== undefined) return s.units;
    const u = byCode.get(s.code) ?? 0;
    byCode.set(s.code, 0);
    return u;
  });
}

interface Draft {
  key: string;
  visits: SignedVisit[];
}

/**
 * Builds draft claims from signed visits: one claim per patient + payer + rendering provider + billing period,
 * one line per code, date of service and modifier set (each date on its own line), units from the engine,
 * modifiers in order (discipline, assistant, KX, NCCI), up to four diagnosis pointers, place of service, and the
 * engine's expected payment per line for posting variances. Pure: everything comes in as data.
 * @param input - visits with patient, coverage, payer and providers; billing provider; charge master; grouping
 * @param registry - payer policies (default: the built-in ones)
 * @example
 * const claims = buildClaims({ visits, billingProvider, chargeMaster: { '97530': 5500 }, period: 'visit', claimIdPrefix: 'UW', firstSequence: 1 });
 */
export function buildClaims(input: BuildClaimsInput, registry: PolicyRegistry = createPolicyRegistry()): BuiltClaim[] {
  const drafts = new Map<string, Draft>();
  const sorted = [...input.visits].sort((a, b) =>
    a.visit.date < b.visit.date ? -1 : a.visit.date > b.visit.date ? 1 : a.visit.id < b.visit.id ? -1 : 1,
  );
  for (const sv of sorted) {
    const rendering = sv.rendering?.npi ?? input.billingProvider.npi;
    const key = [sv.patient.id, sv.payer.id, rendering, periodKey(sv.visit.date, input.period)].join('|');
    let d = drafts.get(key);
    if (!d) {
      d = { key, visits: [] };
      drafts.set(key, d);
    }
    d.visits.push(sv);
  }
  const out: BuiltClaim[] = [];
  let seq = input.firstSequence;
  for (const d of drafts.values()) out.push(buildOne(d, input, registry, seq++));
  return out;
}

function buildOne(d: Draft, input: BuildClaimsInput, registry: PolicyRegistry, seq: number): BuiltClaim {
  const first = d.visits[0] as SignedVisit;
  const claimId = `${input.claimIdPrefix}${String(seq).padStart(6, '0')}`;
  const problems: Problem[] = [];
  const diagnoses: string[] = [];
  for (const sv of d.visits)
    for (const dx of sv.diagnoses) if (!diagnoses.includes(dx) && diagnoses.length < 12) diagnoses.push(dx);

  interface Acc {
    line: ClaimLine;
    expected: number | null;
  }
  const lines = new Map<string, Acc>();
  const findings: BuiltClaim['findings'] = [];
  for (const sv of d.visits) {
    const v = sv.visit;
    for (const f of sv.findings ?? []) {
      const code = f.service === undefined ? undefined : v.services[f.service]?.code;
      findings.push({ visitId: v.id, date: v.date, ...(code ? { code } : {}), finding: f });
    }
    const name = `${sv.patient.firstName} ${sv.patient.lastName}`;
    const policy = registry.resolve(sv.payer.policyId, v.date);
    if (!policy)
      problems.push({
        where: `${name}, ${v.date}`,
        message: `The rules ${sv.payer.name} follows have no version in force on ${v.date}: check the payer in ${FIX_AT.payers}.`,
      });
    const units = unitsPerService(sv, policy);
    const pointers = sv.diagnoses
      .slice(0, 4)
      .map((dx) => diagnoses.indexOf(dx) + 1)
      .filter((p) => p > 0);
    v.services.forEach((s, i) => {
      const u = units[i] ?? 0;
      if (u <= 0) return;
      const mods = orderModifiers(v, s, {
        discipline: policy?.documentation.requiresDisciplineModifier ?? true,
        assistant: policy?.documentation.requiresAssistantModifier ?? false,
        kx: sv.kx === true && (policy?.documentation.appliesKxThreshold ?? false),
      });
      if (mods.length > 4)
        problems.push({
          where: `${name}, ${v.date}, ${s.code}`,
          message: `${s.code} has ${mods.length} modifiers (${mods.join(' ')}); a line takes four, so ${mods.slice(4).join(' ')} were left off: ask the therapist to review them in the note (${FIX_AT.visit(name, v.date)}).`,
        });
      const modifiers = mods.slice(0, 4);
      const key = `${v.date}|${s.code}|${modifiers.join(':')}`;
      // A code without a charge leaves its line at $0.00; the scrubber names it with where to set the charge.
      const rate = input.chargeMaster[s.code];
      let expected: number | null = null;
      if (policy) {
        const priced = priceLines(
          [{ code: s.code, units: u, modifiers }],
          { date: v.date, policy },
          { explain: false },
        );
        expected = priced.payerCents;
      }
      const acc = lines.get(key);
      if (acc) {
        acc.line.units += u;
        acc.line.chargeCents += u * (rate ?? 0);
        acc.expected = acc.expected === null || expected === null ? null : acc.expected + expected;
      } else
        lines.set(key, {
          line: {
            code: s.code,
            modifiers,
            chargeCents: u * (rate ?? 0),
            units: u,
            diagnosisPointers: pointers,
            dateOfService: v.date,
            controlNumber: '',
            ...(sv.placeOfService && sv.placeOfService !== (first.placeOfService ?? '11')
              ? { placeOfService: sv.placeOfService }
              : {}),
          },
          expected,
        });
    });
  }
  const accs = [...lines.values()].sort((a, b) =>
    a.line.dateOfService < b.line.dateOfService ? -1 : a.line.dateOfService > b.line.dateOfService ? 1 : 0,
  );
  accs.forEach((a, i) => {
    a.line.controlNumber = `${claimId}-${i + 1}`;
  });
  const p = first.patient;
  const self = (p.coverage.relationship ?? '18') === '18';
  const insured = p.coverage.subscriber;
  const claim: Claim = {
    claimId,
    frequency: '1',
    placeOfService: first.placeOfService ?? '11',
    diagnoses,
    subscriber: {
      memberId: p.coverage.memberId,
      lastName: self || !insured ? p.lastName : insured.lastName,
      firstName: self || !insured ? p.firstName : insured.firstName,
      filingIndicator: p.coverage.filingIndicator,
      ...(self ? { birthDate: p.birthDate, sex: p.sex, address: p.address } : { ...insured }),
      ...(p.coverage.groupNumber ? { groupNumber: p.coverage.groupNumber } : {}),
      payerResponsibility: p.coverage.payerResponsibility ?? 'P',
    },
    payer: { name: first.payer.name, id: first.payer.id },
    chargeCents: accs.reduce((t, a) => t + a.line.chargeCents, 0),
    lines: accs.map((a) => a.line),
  };
  if (!self)
    claim.patient = {
      relationship: p.coverage.relationship ?? 'G8',
      lastName: p.lastName,
      firstName: p.firstName,
      ...(p.birthDate ? { birthDate: p.birthDate } : {}),
      ...(p.sex ? { sex: p.sex } : {}),
      ...(p.address ? { address: p.address } : {}),
    };
  if (first.referring) claim.referring = first.referring;
  if (first.rendering && first.rendering.npi !== input.billingProvider.npi) claim.rendering = first.rendering;
  if (p.coverage.priorAuthorization) claim.priorAuthorization = p.coverage.priorAuthorization;
  return {
    claim,
    status: 'draft',
    patientId: p.id,
    payerPolicyId: first.payer.policyId,
    visitIds: d.visits.map((v) => v.visit.id),
    expectedCents: accs.map((a) => a.expected),
    findings,
    problems,
  };
}
