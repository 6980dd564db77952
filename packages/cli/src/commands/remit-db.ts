import { EdiError, read835 } from '@unitwise/edi';
import { dollars } from '@unitwise/rules';
import { ApiError, postRemittanceFile } from '@unitwise/server';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { openClinic, printApiError } from './claims-db.ts';

/**
 * `remit import FILE --clinic ID`: posts an 835 to the clinic's claims with the API's posting function. A file that
 * does not balance is refused (exit 1, the failing checks printed, nothing written); the same payment twice, in any
 * bytes, posts once (exit 0, "already posted"); a claim that does not match posts nothing and is printed with the
 * reason. Writes a `remit.import` audit entry when it posts or finds the payment posted.
 * @param file - the 835's path (for messages and the stored file name)
 * @param bytes - the file's bytes
 * @param values - the parsed flags
 * @param io - streams, environment and working directory
 */
export async function importRemittance(
  file: string,
  bytes: Uint8Array,
  values: {
    'database-url'?: string | undefined;
    clinic?: string | undefined;
    user?: string | undefined;
    json?: boolean | undefined;
  },
  io: CliIO,
): Promise<number> {
  const text = Buffer.from(bytes).toString('utf8');
  if (text.trim() === '') throw new UsageError(`cannot read ${file}: it is empty.`);
  try {
    read835(text);
  } catch (err) {
    // Not an 835 at all (no ISA, bad delimiters): the file cannot be read, which is exit 2, before the store opens.
    if (err instanceof EdiError) throw new UsageError(`cannot read ${file}: ${err.message}`);
    throw err;
  }
  const s = await openClinic({ databaseUrl: values['database-url'], clinicId: values.clinic, user: values.user }, io);
  const fileName = file === '-' ? undefined : file.split(/[\\/]/).pop();
  try {
    let r: Awaited<ReturnType<typeof postRemittanceFile>>;
    try {
      r = await postRemittanceFile(s.deps, s.clinicId, s.actorId, text, fileName, s.audit);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (values.json)
        io.stdout.write(`${JSON.stringify({ ok: false, refused: err.message, errors: err.errors }, null, 2)}\n`);
      printApiError(err, io, 'unitwise remit import');
      io.stderr.write('nothing was posted.\n');
      return 1;
    }
    const posting = r.matched.posting;
    const outcome = r.duplicate || !r.created ? 'already-posted' : 'posted';
    await s.audit({
      action: 'remit.import',
      entity: 'remittance',
      entityId: r.detail.id,
      detail: { outcome, claims: r.detail.claims.length, unknown: r.detail.unknownClaims.length },
    });
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify(
          {
            ok: true,
            outcome,
            remittanceId: r.detail.id,
            claims: r.detail.claims.map((c) => ({
              claimNumber: c.claimNumber,
              claimId: c.claimId,
              event: c.event,
              newStatus: c.newStatus,
              statusError: c.statusError,
              posted: c.claimId !== null && !c.unmatchedReason,
              unmatchedReason: c.unmatchedReason ?? null,
              paidCents: c.paidCents,
              patientCents: c.patientCents,
            })),
            unknownClaims: r.detail.unknownClaims,
            totals: {
              paidCents: r.detail.paidCents,
              contractualCents: r.detail.contractualCents,
              patientCents: r.detail.patientCents,
              otherCents: r.detail.otherCents,
            },
            variances: posting.variances.map((v) => ({
              claimNumber: v.claimId,
              controlNumber: v.controlNumber,
              code: v.code,
              expectedCents: v.expectedCents,
              paidCents: v.paidCents,
              varianceCents: v.varianceCents,
            })),
            denialsByRule: posting.denialsByRule,
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const out: string[] = [];
    if (outcome === 'already-posted')
      out.push(`${file}: already posted as remittance ${r.detail.id} on ${r.detail.postedAt}; nothing posted again.`);
    else out.push(`${file}: posted as remittance ${r.detail.id}.`);
    const matched = r.detail.claims.filter((c) => c.claimId !== null && !c.unmatchedReason);
    out.push(
      `payer ${r.detail.payerId}, payment ${dollars(r.detail.paymentCents)}${r.detail.paymentDate ? ` dated ${r.detail.paymentDate}` : ''}`,
    );
    out.push(`claims matched: ${matched.length}; not ours: ${r.detail.unknownClaims.length}`);
    for (const c of r.detail.claims)
      out.push(
        c.unmatchedReason || c.claimId === null
          ? `  ${c.claimNumber}: not posted (${dollars(c.paidCents)}): ${c.unmatchedMessage ?? c.statusError ?? 'not one of our claims.'}`
          : `  ${c.claimNumber}: ${c.event}${c.newStatus ? ` -> ${c.newStatus}` : ''}, paid ${dollars(c.paidCents)}, patient ${dollars(c.patientCents)}`,
      );
    out.push(
      `paid ${dollars(r.detail.paidCents)}, contractual ${dollars(r.detail.contractualCents)}, patient ${dollars(r.detail.patientCents)}, other ${dollars(r.detail.otherCents)}`,
    );
    out.push(`variances: ${posting.variances.length}`);
    for (const v of posting.variances)
      out.push(
        `  ${v.claimId} ${v.controlNumber ?? '(unmatched line)'} ${v.code}: expected ${v.expectedCents === null ? '-' : dollars(v.expectedCents)}, paid ${dollars(v.paidCents)}, variance ${v.varianceCents === null ? '-' : dollars(v.varianceCents)}`,
      );
    const rules = Object.entries(posting.denialsByRule);
    out.push(`denials by rule: ${rules.length === 0 ? 'none' : ''}`.trimEnd());
    for (const [rule, t] of rules) out.push(`  ${rule}: ${t.lines} line(s), ${dollars(t.amountCents)}`);
    io.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await s.close();
  }
}
