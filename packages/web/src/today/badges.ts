import { agree, type IsoDate, kxThreshold, plural, type ResolvedPolicy } from '@unitwise/rules';
import type { PlanOfCareRecord, VisitRecord } from '../api/types.ts';
import { formatCents } from '../components/money.ts';
import type { Tone } from '../components/severity.tsx';

/** A badge of today's list: tone, the short words, and the longer why. */
export interface TodayBadge {
  tone: Tone;
  text: string;
  why: string;
}

/** How near the KX threshold counts as "near": within $300 of it (a few visits of typical spend). */
const KX_NEAR_CENTS = 30_000;
/** A plan of care ending within this many days is flagged as expiring (a recertification needs lead time). */
const PLAN_EXPIRING_DAYS = 14;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The badges of one patient on one day, each explaining itself: progress report due (as "visit N of 10"),
 * plan of care expiring or not certified, KX threshold near or passed with the amount, and findings left on
 * unsigned notes.
 * @param input - the patient's payer policy, plans, visits (any order), prior spend and the day
 */
export function patientBadges(input: {
  today: IsoDate;
  discipline: 'PT' | 'OT' | 'SLP';
  policy: ResolvedPolicy | undefined;
  plans: readonly PlanOfCareRecord[];
  visits: readonly VisitRecord[];
  priorTreatmentDays?: number;
  priorSpentCents?: number;
}): TodayBadge[] {
  const out: TodayBadge[] = [];
  const { today, discipline, policy } = input;
  const mine = input.visits.filter((v) => v.discipline === discipline).sort((a, b) => a.date.localeCompare(b.date));

  // Progress report: treatment days since the last evaluation or progress report (Pub. 100-02 Ch. 15 §220.3 D).
  const every = policy?.documentation.progressReportEveryTreatmentDays ?? null;
  if (every !== null) {
    let days = input.priorTreatmentDays ?? 0;
    const dates = new Set<string>();
    for (const v of mine) {
      if (v.date > today) continue;
      if (v.noteType === 'progress-report' || v.noteType === 'evaluation' || v.noteType === 're-evaluation') {
        days = 0;
        dates.clear();
        continue;
      }
      if (!dates.has(v.date)) {
        dates.add(v.date);
        days++;
      }
    }
    const visitNo = dates.has(today) ? days : days + 1;
    if (visitNo >= every - 1) {
      out.push({
        tone: visitNo >= every ? 'bad' : 'warn',
        text: `Progress report due: visit ${visitNo} of ${every}`,
        why: `${policy?.name ?? 'The payer'} needs a progress report at least every ${every} treatment days (Pub. 100-02 Ch. 15 §220.3 D); today is treatment day ${visitNo} since the last one.`,
      });
    }
  }

  // Plan of care: covering today, certified, not about to end (§220.1).
  const plan = input.plans.find((p) => p.discipline === discipline && p.startDate <= today && today <= p.endDate);
  if (!plan) {
    out.push({
      tone: 'bad',
      text: `No active ${discipline} plan of care`,
      why: 'No plan of care for this discipline covers today.',
    });
  } else {
    const left = daysBetween(today, plan.endDate);
    if (left <= PLAN_EXPIRING_DAYS)
      out.push({
        tone: 'warn',
        text: `Plan ends in ${plural(left, 'day')}`,
        why: `The plan of care ends ${plan.endDate}; recertify before then (Pub. 100-02 Ch. 15 §220.1.3).`,
      });
    if (!plan.certifiedDate)
      out.push({
        tone: daysBetween(plan.startDate, today) > 30 ? 'bad' : 'warn',
        text: 'Plan not certified',
        why: `The plan starting ${plan.startDate} has no physician/NPP certification; Medicare needs it within 30 days (Pub. 100-02 Ch. 15 §220.1.3).`,
      });
  }

  // KX threshold: this year's allowed spend, PT and SLP together, OT apart (SSA §1833(g); data/kx-thresholds.json).
  if (policy?.documentation.appliesKxThreshold) {
    const year = Number(today.slice(0, 4));
    const t = kxThreshold(year);
    if (t) {
      const limit = discipline === 'OT' ? t.otCents : t.ptSlpCents;
      const bucket = (d: string): boolean => (discipline === 'OT' ? d === 'OT' : d !== 'OT');
      let spent = input.priorSpentCents ?? 0;
      for (const v of input.visits) {
        if (v.date.startsWith(String(year)) && bucket(v.discipline)) spent += v.estimate?.totalCents ?? 0;
      }
      if (spent >= limit)
        out.push({
          tone: 'bad',
          text: `KX passed: ${formatCents(spent)} of ${formatCents(limit)}`,
          why: `This year's therapy spend passed the KX threshold; lines need KX with documented medical necessity. (${t.source})`,
        });
      else if (limit - spent <= KX_NEAR_CENTS)
        out.push({
          tone: 'warn',
          text: `KX near: ${formatCents(limit - spent)} left`,
          why: `This year's therapy spend is ${formatCents(spent)} of the ${formatCents(limit)} threshold. (${t.source})`,
        });
    }
  }

  // Findings left on unsigned notes.
  const open = input.visits.filter((v) => v.status !== 'signed' && !v.signedAt);
  const counts = open.map((v) => (v.findings ?? []).filter((f) => f.severity !== 'info').length);
  const n = counts.reduce((s, c) => s + c, 0);
  // Only the notes that have findings count here, not every unsigned note.
  const notes = counts.filter((c) => c > 0).length;
  if (n > 0)
    out.push({
      tone: 'warn',
      text: `${plural(n, 'finding')} on ${plural(notes, 'unsigned note')}`,
      why: `${plural(notes, 'unsigned note')} still ${agree(notes, 'has', 'have')} findings to fix or explain before signing.`,
    });
  return out;
}
