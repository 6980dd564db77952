import { CODES } from '../catalog/codes.ts';
import { type ConversionFactor, conversionFactor } from '../reference/conversion-factor.ts';
import { type RvuHundredths, rvuHundredthsFor } from '../reference/rvu.ts';
import type { FeeScheduleEntry, IsoDate } from '../types.ts';
import { divRoundHalfUp, dollars } from './rounding.ts';
import type {
  Gpci,
  PriceContext,
  PricedLine,
  PriceInputLine,
  PriceOptions,
  PriceResult,
  UnpricedLine,
} from './types.ts';

/** CQ/CO lines are paid 85% of the otherwise applicable amount from 1 Jan 2022 (SSA §1834(v); rules.md §3.2). */
export const ASSISTANT_REDUCTION_FROM: IsoDate = '2022-01-01';
const ASSISTANT_CITATION = 'CQ/CO: 85% from 1 Jan 2022, SSA §1834(v) (rules.md §3.2 [S49])';
const MPPR_CITATION =
  'MPPR: 50% of PE after the unit with the highest PE, always-therapy services (rules.md §3.4 [S62])';
const COINSURANCE_CITATION = 'Part B coinsurance after the deductible (rules.md §5.1 [S84])';

// Rates as integer fractions so amounts stay exact until the one rounding: 85% = 17/20.
const FULL_RATE = 20;
const ASSISTANT_RATE = 17;
const NATIONAL_GPCI: Gpci = { work: 1000, pe: 1000, mp: 1000 };
// PFS exact amounts are in (RVU/100)(GPCI/1000)($CF/10000)(rate/20)/2: cents = exact / 4e8.
const MPFS_DENOM = 400_000_000;
// Flat exact amounts are cents x units x rate/20.
const FLAT_DENOM = 20;

function hasAssistantModifier(modifiers: readonly string[] | undefined): boolean {
  if (modifiers === undefined) return false;
  for (let i = 0; i < modifiers.length; i++) {
    const m = modifiers[i];
    if (m === 'CQ' || m === 'CO') return true;
  }
  return false;
}

function wholeUnits(units: number): number {
  return units > 0 ? Math.floor(units) : 0;
}

const flatMaps = new WeakMap<readonly FeeScheduleEntry[], Map<string, number>>();
function flatMap(schedule: readonly FeeScheduleEntry[]): Map<string, number> {
  let m = flatMaps.get(schedule);
  if (!m) {
    m = new Map();
    for (const e of schedule) m.set(e.code, e.cents);
    flatMaps.set(schedule, m);
  }
  return m;
}

// The composed source string of the last PFS call, reused while the inputs stay the same (bulk path).
let lastSourceKey: ConversionFactor | undefined;
let lastSourcePricing = '';
let lastSource = '';
function mpfsSource(pricingSource: string, cf: ConversionFactor | undefined, rvuSource: string | undefined): string {
  if (cf !== undefined && cf === lastSourceKey && pricingSource === lastSourcePricing) return lastSource;
  const s = `${pricingSource}; ${cf ? cf.source : 'no conversion factor for the date'}; ${rvuSource ?? 'data/rvu.json'}`;
  if (cf !== undefined) {
    lastSourceKey = cf;
    lastSourcePricing = pricingSource;
    lastSource = s;
  }
  return s;
}

// Allocated only when a line goes unpriced, so the bulk audit's usual visit costs nothing here.
function addUnpriced(list: UnpricedLine[] | undefined, code: string, units: number, reason: string): UnpricedLine[] {
  const out = list ?? [];
  out.push({ code, units, reason });
  return out;
}

function rvuText(r: RvuHundredths): string {
  return `work ${(r.work / 100).toFixed(2)} + PE ${(r.pe / 100).toFixed(2)} + MP ${(r.mp / 100).toFixed(2)} RVU`;
}

/**
 * Prices one visit's lines under its payer policy, in integer cents with one explicit rounding (half a cent
 * up) per line; the difference between the rounded total and the sum of rounded lines goes to the line of
 * the largest amount, which the explanation names.
 * - flat: the schedule's per-unit cents x units.
 * - mpfs: [(work x GPCI) + (PE x GPCI) + (MP x GPCI)] x CF (rules.md §5.1), national GPCI 1.000 by default;
 *   MPPR: across all always-therapy units of the day, the unit with the highest PE payment keeps full PE and
 *   every other unit gets 50% of PE (rules.md §3.4).
 * - CQ/CO lines at 85% from 2022 when the policy requires assistant modifiers (Medicare; rules.md §3.2).
 * - The patient's coinsurance (policy `coinsurancePercent`, Medicare 20%) is shown apart from the payer's share.
 * The MPPR spans every therapy service of the patient's day across PT, OT and SLP (rules.md §3.4): pass all of
 * the day's lines together to apply it across visits.
 * @param lines - the claim lines: code, units, modifiers
 * @param ctx - date of service, resolved policy, optional GPCIs
 * @param options - `{ explain: false }` skips explanation text (bulk audits)
 */
export function priceLines(lines: readonly PriceInputLine[], ctx: PriceContext, options?: PriceOptions): PriceResult {
  const explain = options?.explain !== false;
  const pricing = ctx.policy.pricing;
  const assistantApplies = ctx.policy.documentation.requiresAssistantModifier && ctx.date >= ASSISTANT_REDUCTION_FROM;
  const exact: number[] = new Array(lines.length);
  const out: PricedLine[] = new Array(lines.length);
  const explanation: string[] = [];
  let denom: number;
  let source: string;
  let unpriced: UnpricedLine[] | undefined;

  if (pricing.kind === 'flat') {
    denom = FLAT_DENOM;
    source = pricing.source;
    const rates = flatMap(pricing.schedule);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as PriceInputLine;
      const units = wholeUnits(l.units);
      const rate = rates.get(l.code) ?? pricing.defaultCents;
      const assistant = assistantApplies && hasAssistantModifier(l.modifiers);
      exact[i] = rate === undefined ? 0 : rate * units * (assistant ? ASSISTANT_RATE : FULL_RATE);
      if (rate === undefined && units > 0)
        unpriced = addUnpriced(
          unpriced,
          l.code,
          units,
          "not on this payer's fee schedule: add its rate to the fee schedule",
        );
      let text = '';
      if (explain) {
        text =
          rate === undefined
            ? `${l.code}: not on this payer's fee schedule, so no amount is estimated.`
            : `${l.code}: ${units} unit${units === 1 ? '' : 's'} x ${dollars(rate)}${assistant ? ` x 85% (${ASSISTANT_CITATION})` : ''}.`;
      }
      out[i] = { code: l.code, units, allowedCents: 0, explanation: text };
    }
  } else {
    denom = MPFS_DENOM;
    const cf = conversionFactor(ctx.date);
    const g = ctx.gpci ?? NATIONAL_GPCI;
    let rvuSource: string | undefined;
    // Pass 1: the always-therapy unit with the highest PE payment keeps full PE (MPPR).
    let top = -1;
    let topPe = -1;
    let therapyUnits = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as PriceInputLine;
      const r = rvuHundredthsFor(l.code, ctx.date);
      const units = wholeUnits(l.units);
      if (r === undefined || r.status !== 'A' || units === 0 || CODES.get(l.code)?.alwaysTherapy !== true) continue;
      therapyUnits += units;
      const pe = r.pe * (assistantApplies && hasAssistantModifier(l.modifiers) ? ASSISTANT_RATE : FULL_RATE);
      if (pe > topPe) {
        topPe = pe;
        top = i;
      }
    }
    const mppr = therapyUnits > 1;
    // Pass 2: exact amounts per line.
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as PriceInputLine;
      const units = wholeUnits(l.units);
      const r = rvuHundredthsFor(l.code, ctx.date);
      let text = '';
      if (r === undefined || cf === undefined || r.status !== 'A') {
        exact[i] = 0;
        if (units > 0) {
          const reason =
            cf === undefined
              ? `no PFS conversion factor is held for ${ctx.date}`
              : r === undefined
                ? 'no RVUs are held for this code (data/rvu.json); import the CMS PPRRVU file to price it'
                : (r.statusNote ?? `PFS status ${r.status}: not paid separately`);
          unpriced = addUnpriced(unpriced, l.code, units, reason);
          if (explain) text = `${l.code}: ${reason}, so no amount is estimated.`;
        }
      } else {
        rvuSource = r.source;
        const assistant = assistantApplies && hasAssistantModifier(l.modifiers);
        const rate = assistant ? ASSISTANT_RATE : FULL_RATE;
        const workMp = 2 * (r.work * g.work + r.mp * g.mp);
        const fullUnit = (workMp + 2 * r.pe * g.pe) * cf.dollarsTimes10000 * rate;
        const halfUnit = (workMp + r.pe * g.pe) * cf.dollarsTimes10000 * rate;
        const reduced = mppr && CODES.get(l.code)?.alwaysTherapy === true;
        const fullCount = reduced ? (i === top ? Math.min(1, units) : 0) : units;
        exact[i] = fullCount * fullUnit + (units - fullCount) * halfUnit;
        if (explain) {
          const perUnit = divRoundHalfUp(fullUnit, MPFS_DENOM);
          const parts = [
            `${l.code}: ${units} unit${units === 1 ? '' : 's'} of ${rvuText(r)} x GPCI x CF $${(cf.dollarsTimes10000 / 10000).toFixed(4)}${assistant ? ' x 85% (CQ/CO)' : ''} = ${dollars(perUnit)} a unit at full rate`,
          ];
          if (reduced && units - fullCount > 0) {
            parts.push(
              `${units - fullCount} unit${units - fullCount === 1 ? '' : 's'} with PE halved by the MPPR (${dollars(divRoundHalfUp(halfUnit, MPFS_DENOM))} each)`,
            );
          }
          if (r.confirmed === false) parts.push(`RVU split from ${r.year} data marked UNCONFIRMED`);
          text = `${parts.join('; ')}.`;
        }
      }
      out[i] = { code: l.code, units, allowedCents: 0, explanation: text };
    }
    source = mpfsSource(pricing.source, cf, rvuSource);
    if (explain) {
      explanation.push(
        cf === undefined
          ? `No Medicare PFS conversion factor is held for ${ctx.date} (data/conversion-factors.json covers 2023-2026).`
          : `Medicare PFS for ${ctx.date}: RVUs x GPCI (${g === NATIONAL_GPCI ? 'national, 1.000' : `work ${g.work / 1000}, PE ${g.pe / 1000}, MP ${g.mp / 1000}`}) x conversion factor $${(cf.dollarsTimes10000 / 10000).toFixed(4)}. (${cf.source})`,
      );
      if (mppr) {
        explanation.push(
          `${therapyUnits} always-therapy units on one day: ${(lines[top] as PriceInputLine).code} keeps full practice expense on one unit, every other unit is paid 50% of its practice expense. (${MPPR_CITATION})`,
        );
      }
    }
  }

  // One rounding per line; the rounding leftover goes to the line with the largest amount.
  let totalExact = 0;
  let sumCents = 0;
  let largest = -1;
  for (let i = 0; i < out.length; i++) {
    const e = exact[i] as number;
    totalExact += e;
    const cents = divRoundHalfUp(e, denom);
    (out[i] as PricedLine).allowedCents = cents;
    sumCents += cents;
    if (largest < 0 || e > (exact[largest] as number)) largest = i;
  }
  const allowedCents = divRoundHalfUp(totalExact, denom);
  const leftover = allowedCents - sumCents;
  if (leftover !== 0 && largest >= 0) {
    const line = out[largest] as PricedLine;
    line.allowedCents += leftover;
    if (explain) {
      explanation.push(
        `Rounding: ${leftover} cent${Math.abs(leftover) === 1 ? '' : 's'} added to ${line.code} so the lines sum to the total.`,
      );
    }
  }
  if (explain && assistantApplies) {
    for (let i = 0; i < lines.length; i++) {
      if (hasAssistantModifier((lines[i] as PriceInputLine).modifiers)) {
        explanation.push(`Lines with CQ or CO are paid at 85%. (${ASSISTANT_CITATION})`);
        break;
      }
    }
  }
  const pct = ctx.policy.coinsurancePercent ?? 0;
  const patientCents =
    pct > 0
      ? Number.isInteger(pct)
        ? divRoundHalfUp(allowedCents * pct, 100)
        : Math.round((allowedCents * pct) / 100)
      : 0;
  const payerCents = allowedCents - patientCents;
  if (explain) {
    explanation.push(
      pct > 0
        ? `Allowed ${dollars(allowedCents)}: the payer pays ${dollars(payerCents)} and the patient's ${pct}% coinsurance is ${dollars(patientCents)}. (${COINSURANCE_CITATION})`
        : `Allowed ${dollars(allowedCents)}, all from the payer (no coinsurance in this policy).`,
    );
  }
  const result: PriceResult = { allowedCents, payerCents, patientCents, lines: out, explanation, source };
  if (unpriced !== undefined) result.unpriced = unpriced;
  return result;
}
