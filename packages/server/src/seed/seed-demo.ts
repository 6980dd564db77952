import { attestationStatement, type Discipline, SAMPLE_CHARGE_MASTER, type Visit } from '@unitwise/rules';
import { claimsRepository, hashVisitContent, type Provider, type Repositories, type Store } from '@unitwise/store';
import { hashPassword } from '../auth/password.ts';
import { assessVisit } from '../engine/assess-visit.ts';
import { ApiError } from '../errors/api-error.ts';
import {
  DEMO_BILLING,
  DEMO_CLINIC_ID,
  DEMO_CLINIC_NAME,
  DEMO_DIAGNOSES,
  DEMO_PASSWORD,
  DEMO_PAYERS,
  DEMO_REFERRERS,
  DEMO_STAFF,
  DEMO_STREETS,
  DEMO_TOWNS,
  DIAGNOSIS_TYPO,
  FIRST_NAMES,
  GOALS,
  LAST_NAMES,
  RESPONSES,
  VAGUE_GOAL,
} from './demo-data.ts';
import { DEMO_REPERTOIRE, demoServices, EVALUATION_CODE } from './demo-visits.ts';

/** What the seed did, for the start-up banner (emails and roles only; never patient names). */
export interface SeedResult {
  created: boolean;
  signIns: { email: string; roles: string[] }[];
  password: string;
  counts: { patients: number; visits: number; signed: number };
}

const DAY_MS = 86_400_000;
const MODIFIER: Record<Discipline, string> = { PT: 'GP', OT: 'GO', SLP: 'GN' };
const PATIENTS = 20;
const WEEKS = 4;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function clockPlus(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const t = h * 60 + m + minutes;
  return `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Patient i's town (the list is not empty). */
function demoTown(i: number): (typeof DEMO_TOWNS)[number] {
  return DEMO_TOWNS[i % DEMO_TOWNS.length] ?? DEMO_TOWNS[0];
}

/** A realistic mistake planted in a visit so the engine has something to find. */
export type Mistake = 'units' | 'clone' | 'vague' | 'no-response' | 'group' | 'no-modifier' | 'no-cq' | null;

/**
 * The mistake, if any, planted in visit `v` of patient `p`.
 * @param p - the patient's number in the demo
 * @param v - the visit's number for the patient
 */
export function mistakeOf(p: number, v: number): Mistake {
  const table: Record<string, Mistake> = {
    '1:3': 'units',
    '2:5': 'clone',
    '4:6': 'vague',
    '5:2': 'no-response',
    '6:4': 'group',
    '8:7': 'no-modifier',
    '0:5': 'no-cq',
    '10:7': 'units',
    '12:6': 'clone',
    '15:7': 'vague',
  };
  return table[`${p}:${v}`] ?? null;
}

/**
 * Seeds the demo clinic on first run: seven staff (owner, PT, OT, SLP, PTA, biller, auditor), three payers, 20 patients
 * with coverages and plans of care, and four weeks of visits audited by the engine, the older ones signed.
 * Runs in one transaction: a failure leaves no half-built clinic.
 * @param store - the store
 * @param clock - the time source (visits are dated in the weeks before it)
 */
export async function seedDemo(store: Store, clock: () => Date): Promise<SeedResult> {
  const signIns = DEMO_STAFF.map((s) => ({ email: s.email, roles: s.roles }));
  const base = { signIns, password: DEMO_PASSWORD };
  if (await store.clinics.get(DEMO_CLINIC_ID))
    return { ...base, created: false, counts: { patients: 0, visits: 0, signed: 0 } };
  const hash = await hashPassword(DEMO_PASSWORD);
  const counts = await store.transaction((tx) => build(tx, clock, hash));
  return { ...base, created: true, counts };
}

async function build(tx: Repositories, clock: () => Date, hash: { passwordHash: string; passwordSalt: string }) {
  const today = clock().toISOString().slice(0, 10);
  const c = DEMO_CLINIC_ID;
  await tx.clinics.create({ id: c, name: DEMO_CLINIC_NAME });
  // Billing settings and a charge for every catalog code (the illustrative sample): the demo's claims can be sent.
  await claimsRepository(tx, () => clock().toISOString()).putSettings(c, {
    ...DEMO_BILLING,
    chargeMaster: SAMPLE_CHARGE_MASTER.charges,
  });
  const providers = new Map<string, Provider & { userId: string }>();
  for (const s of DEMO_STAFF) {
    const u = await tx.users.create(c, { email: s.email, name: s.name, roles: s.roles, ...hash });
    if (!u.ok) throw new ApiError('conflict', `demo seed: ${u.reason}`);
    if (s.provider) {
      const p = await tx.providers.create(c, { userId: u.value.id, name: s.name, ...s.provider });
      providers.set(s.key, { ...p, userId: u.value.id });
    }
  }
  const payers = new Map<string, string>();
  for (const p of DEMO_PAYERS) payers.set(p.key, (await tx.payers.create(c, p)).id);
  const start = addDays(today, -WEEKS * 7 - 3);
  let visits = 0;
  let signed = 0;
  for (let i = 0; i < PATIENTS; i++) {
    const payer = (['medicare', 'medicare', 'medicaid', 'commercial'] as const)[i % 4] ?? 'medicare';
    const discipline: Discipline = i % 5 === 3 ? 'OT' : i % 5 === 4 ? 'SLP' : 'PT';
    const therapist = providers.get(discipline.toLowerCase());
    if (!therapist) throw new ApiError('conflict', 'demo seed: missing therapist');
    const old = payer === 'medicare';
    const patient = await tx.patients.create(c, {
      firstName: FIRST_NAMES[i % 10] ?? 'Ada',
      lastName: LAST_NAMES[(i + Math.floor(i / 10) * 3) % 10] ?? 'Archer',
      birthDate: `${old ? 1940 + (i % 18) : 1970 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      sex: i % 2 === 0 ? 'F' : 'M',
      externalId: `MRN-${1001 + i}`,
      primaryTherapistId: therapist.id,
      // What a claim needs from intake: address (2010BA N3/N4), phone, diagnoses and the referring physician.
      address: { line1: `${100 + i * 17} ${DEMO_STREETS[i % DEMO_STREETS.length]}`, ...demoTown(i) },
      phone: `937-555-${String(110 + i).padStart(4, '0')}`,
      diagnoses: DEMO_DIAGNOSES[discipline],
      referringProvider: { ...(DEMO_REFERRERS[i % DEMO_REFERRERS.length] ?? DEMO_REFERRERS[0]) },
      // A few Medicare patients arrive mid-period: the 10-treatment-day progress report comes due in the demo weeks.
      history: old && i % 8 === 0 ? { treatmentDaysSinceProgressReport: 6 } : null,
    });
    const cov = await tx.coverages.create(c, {
      patientId: patient.id,
      payerId: payers.get(payer) ?? '',
      memberId: `${payer.slice(0, 3).toUpperCase()}${100000 + i * 7919}`,
      priority: 1,
      startDate: addDays(start, -60),
    });
    if (!cov.ok) throw new ApiError('conflict', `demo seed: ${cov.reason}`);
    const goals = (GOALS[discipline] ?? []).map((text, g) => ({ id: `g${g + 1}`, text }));
    if (i === 11) goals.push({ id: 'g9', text: VAGUE_GOAL });
    const plan = await tx.plansOfCare.create(c, {
      patientId: patient.id,
      providerId: therapist.id,
      discipline,
      // Patient 5's plan started 5 weeks before the demo weeks and is still not certified (plan-not-certified).
      startDate: i === 5 ? addDays(start, -35) : start,
      endDate: addDays(start, 89),
      // One plan is still waiting for the physician's signature after 30 days (plan-not-certified).
      certifiedDate: i === 5 ? null : addDays(start, 6),
      diagnoses: [
        i === DIAGNOSIS_TYPO.patient
          ? DIAGNOSIS_TYPO.typed
          : discipline === 'SLP'
            ? 'R13.12'
            : discipline === 'OT'
              ? 'I69.351'
              : 'M17.11',
      ],
      plannedCodes: [...DEMO_REPERTOIRE[discipline].map((t) => t.code), EVALUATION_CODE[discipline]],
      goals,
    });
    if (!plan.ok) throw new ApiError('conflict', `demo seed: ${plan.reason}`);
    let lastDescription = '';
    for (let v = 0; v < WEEKS * 2; v++) {
      const date = addDays(start, Math.floor(v / 2) * 7 + (v % 2) * 3);
      if (date > today) break;
      const mistake = mistakeOf(i, v);
      const assistant = discipline === 'PT' && i % 3 === 0 && v % 2 === 1 && v > 0;
      const provider = assistant ? providers.get('pta') : therapist;
      if (!provider) throw new ApiError('conflict', 'demo seed: missing provider');
      // Medicare patients get a progress report on the 7th visit, except those arriving mid-period (it comes due).
      const midPeriod = old && i % 8 === 0;
      const noteType =
        v === 0 && !midPeriod ? 'evaluation' : old && v === 6 && !midPeriod ? 'progress-report' : 'daily';
      const services = demoServices(discipline, i, v, noteType === 'evaluation', goals.length).map((sv, k) => {
        const mods = [MODIFIER[discipline]];
        if (assistant && mistake !== 'no-cq') mods.push('CQ');
        const s = { ...sv, modifiers: mistake === 'no-modifier' && k === 0 ? [] : mods };
        if (assistant && s.minutes !== undefined) s.assistantMinutes = s.minutes;
        return s;
      });
      const first = services[0];
      if (first) {
        if (mistake === 'units') {
          // Three units on at most 20 minutes: more than any unit method allows.
          first.minutes = Math.min(first.minutes ?? 20, 20);
          first.units = 3;
        }
        if (mistake === 'clone') first.description = lastDescription;
        if (mistake === 'vague') first.description = 'Therapeutic activities as tolerated.';
        if (mistake === 'group') first.groupSize = 2;
        lastDescription = first.description ?? '';
      }
      const timed = services.reduce((n, s) => n + (s.minutes ?? 0), 0);
      // Untimed codes take the session's time: an evaluation about 40 minutes, an SLP treatment about 30.
      const untimed = services.filter((s) => s.minutes === undefined);
      const total = timed + untimed.reduce((n, s) => n + (s.code === EVALUATION_CODE[discipline] ? 40 : 30), 0);
      const rest = 3 + ((i + v) % 4);
      const timeIn = clockPlus('08:00', (i % 8) * 60 + (v % 3) * 15);
      const visit = {
        patientId: patient.id,
        date,
        discipline,
        noteType,
        provider: { id: provider.id, credential: provider.credential },
        timeIn,
        timeOut: clockPlus(timeIn, total + rest),
        totalTimedMinutes: timed,
        totalTreatmentMinutes: total,
        services,
        nonBillable: [{ kind: 'rest' as const, minutes: rest }],
        ...(mistake === 'no-response' ? {} : { response: RESPONSES[(i + v) % RESPONSES.length] }),
      } satisfies Omit<Visit, 'id'>;
      const assessment = await assessVisit(tx, c, { ...visit, id: '' });
      const created = await tx.visits.create(
        c,
        { ...visit, findings: assessment.findings },
        { createdBy: provider.userId },
      );
      if (!created.ok) throw new ApiError('conflict', `demo seed: ${created.reason}`);
      visits += 1;
      // Notes older than a week are signed unless an error finding stands (those wait in the drafts list).
      const clean = !assessment.findings.some((f) => f.severity === 'error');
      if (date <= addDays(today, -7) && clean) {
        const s = await tx.visits.sign(c, created.value.id, {
          expectedVersion: created.value.version,
          userId: provider.userId,
          contentHash: hashVisitContent(created.value),
          // The demo's signed notes carry the attestation a signer confirms in the app, with their warnings.
          attestation: {
            signerName: provider.name,
            credential: provider.credential,
            statement: attestationStatement({ name: provider.name, credential: provider.credential, date }),
            warningsConfirmed: assessment.findings
              .filter((f) => f.severity === 'warning')
              .map((f) => ({ rule: f.rule, service: f.service ?? null, message: f.message })),
          },
        });
        if (s.ok) signed += 1;
      }
    }
  }
  await tx.audit.append(c, {
    action: 'seed.demo',
    entity: 'clinic',
    entityId: c,
    detail: { patients: PATIENTS, visits },
  });
  return { patients: PATIENTS, visits, signed };
}
