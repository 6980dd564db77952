import {
  type Auditor,
  auditOptions,
  type CaseFileChecker,
  createAuditor,
  createCaseFileChecker,
  type InputError,
  type Patient,
  type PayerPolicyInput,
  type Visit,
  type VisitAudit,
} from '@unitwise/rules';
import type { InputRecord, Rewrite } from './records.ts';
import type { AuditTally } from './summary.ts';

/** Receives each audited visit as soon as it is audited, then the totals. */
export interface AuditSink {
  /**
   * @param audit - the audited visit
   * @param order - its index in the input, when the reader gives one (a JSON file's visits[i])
   */
  visit(audit: VisitAudit, order?: number): Promise<void> | void;
  end(tally: AuditTally): Promise<void>;
}

export interface PipelineOptions {
  /**
   * Streaming input: hold visits whose patient has not appeared yet (bounded), skip duplicate-id tracking,
   * and audit in input order. Otherwise (a whole file in memory) valid visits are audited at the end in
   * date order, stable, as `auditCase` does, so a patient's history builds up in the order it happened.
   */
  stream: boolean;
  /** Patients and payers given apart (`--patients FILE`). */
  base?: { patients: unknown[]; payers: unknown[] };
  /** Called after each audited visit. */
  onVisit?: () => void;
}

/** Visits held waiting for their patient in a stream; past this, they are reported at once. */
const MAX_PENDING = 10_000;

/**
 * Validates and audits records in order, sending each audited visit to the sink and every input error to
 * the tally. A bad record never stops the run: the valid visits are still audited (design.md, exit 2).
 * @param records - what the reader found
 * @param sink - the report writer
 * @param tally - running totals
 * @param options - stream mode, base patients, progress callback
 */
export async function runAuditPipeline(
  records: AsyncIterable<InputRecord> | Iterable<InputRecord>,
  sink: AuditSink,
  tally: AuditTally,
  options: PipelineOptions,
): Promise<void> {
  const checker: CaseFileChecker = createCaseFileChecker({ trackVisitIds: !options.stream });
  const payers: PayerPolicyInput[] = [];
  let auditor: Auditor | undefined;
  const pending = new Map<string, { raw: unknown; where: string; rewrite?: Rewrite }[]>();
  let pendingCount = 0;
  const report = (errors: readonly InputError[], rewrite?: Rewrite) => {
    tally.addInputErrors(rewrite ? errors.map(rewrite) : errors);
  };
  // Created at the first audited visit, so every payer read before it is in force; patients wait until then.
  const waiting: Patient[] = [];
  const engine = (): Auditor => {
    auditor ??= createAuditor({ patients: waiting.splice(0), payers, options: auditOptions.bulk });
    return auditor;
  };
  const addPatient = (raw: unknown, where: string, rewrite?: Rewrite): Patient | undefined => {
    const r = checker.addPatient(raw, where);
    report(r.errors, rewrite);
    if (r.value) {
      if (auditor) auditor.addPatients([r.value]);
      else waiting.push(r.value);
    }
    return r.value;
  };
  const held: { visit: Visit; where: string; order: number }[] = [];
  const auditValid = async (visit: Visit, where: string, rewrite?: Rewrite, order?: number) => {
    let audit: VisitAudit;
    try {
      audit = engine().auditVisit(visit);
    } catch (err) {
      // An engine fault on one visit is reported like bad input, so one odd visit cannot stop a whole run.
      report(
        [{ where, message: `could not be audited: ${err instanceof Error ? err.message : String(err)}` }],
        rewrite,
      );
      return;
    }
    tally.addVisit(audit);
    await sink.visit(audit, order);
    options.onVisit?.();
  };
  const auditOne = async (raw: unknown, where: string, rewrite?: Rewrite, order?: number) => {
    const r = checker.addVisit(raw, where);
    if (!r.value) report(r.errors, rewrite);
    else if (options.stream) await auditValid(r.value, where, rewrite, order);
    else held.push({ visit: r.value, where, order: order ?? held.length });
  };

  if (options.base) {
    const b = options.base;
    const r = checker.addPayers(b.payers, '--patients file: ');
    payers.push(...r.values);
    report(r.errors);
    b.patients.forEach((p, i) => {
      addPatient(p, `--patients file: patients[${i}]`);
    });
  }

  for await (const rec of records) {
    switch (rec.kind) {
      case 'error':
        tally.addInputErrors([rec.error]);
        break;
      case 'payers': {
        if (auditor) {
          const where = `${rec.prefix}payers`;
          report([{ where, message: 'payers must come before the first visit in a stream' }]);
          break;
        }
        const r = checker.addPayers(rec.list, rec.prefix);
        payers.push(...r.values);
        report(r.errors);
        break;
      }
      case 'patient': {
        const p = addPatient(rec.raw, rec.where, rec.rewrite);
        const waiting = p && pending.get(p.id);
        if (p && waiting) {
          pending.delete(p.id);
          pendingCount -= waiting.length;
          for (const w of waiting) await auditOne(w.raw, w.where, w.rewrite);
        }
        break;
      }
      case 'visit': {
        const pid = (rec.raw as { patientId?: unknown } | null)?.patientId;
        if (options.stream && typeof pid === 'string' && !checker.hasPatient(pid) && pendingCount < MAX_PENDING) {
          const list = pending.get(pid) ?? [];
          list.push({ raw: rec.raw, where: rec.where, ...(rec.rewrite ? { rewrite: rec.rewrite } : {}) });
          pending.set(pid, list);
          pendingCount += 1;
        } else {
          await auditOne(rec.raw, rec.where, rec.rewrite, rec.order);
        }
        break;
      }
    }
  }
  // Visits whose patient never came: checking them now reports the unknown patient at each visit's path.
  for (const list of pending.values()) for (const w of list) await auditOne(w.raw, w.where, w.rewrite);
  held.sort((a, b) => (a.visit.date < b.visit.date ? -1 : a.visit.date > b.visit.date ? 1 : a.order - b.order));
  for (const h of held) await auditValid(h.visit, h.where, undefined, h.order);
  await sink.end(tally);
}
