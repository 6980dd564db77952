import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * One payment posts once, whatever bytes carry it (issue 16). `remittance_payments` holds each posted payment's
 * identity (edi `paymentIdentity`: payer id + TRN02 + BPR02 + BPR16), unique per clinic; `remittance_claims.claim_key`
 * holds each posted claim payment's identity (edi `claimPaymentKey`: CLP01 + CLP07 + payment or reversal + n), unique
 * per clinic (NULL, for claims that did not match and posted nothing, never collides). The file key (bytes) stops
 * being unique: a payment re-sent once its missing claims were exported posts those claims as a second record.
 * Postings made before this migration are keyed too (`backfill`).
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('remittance_payments')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('payment_key', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text', (c) => c.notNull())
    .addColumn('payer_id', 'text', (c) => c.notNull())
    .addColumn('trace_number', 'text', (c) => c.notNull())
    .addColumn('payment_cents', 'integer', (c) => c.notNull())
    .addColumn('payment_date', 'text')
    // The primary key is the unique identity: two concurrent posts of one payment leave one row.
    .addPrimaryKeyConstraint('remittance_payments_pkey', ['clinic_id', 'payment_key'])
    .addForeignKeyConstraint('remittance_payments_remit_fkey', ['clinic_id', 'remittance_id'], 'remittances', [
      'clinic_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('remittance_payments_trace_idx')
    .on('remittance_payments')
    .columns(['clinic_id', 'payer_id', 'trace_number'])
    .execute();

  await db.schema.alterTable('remittance_claims').addColumn('claim_key', 'text').execute();
  await db.schema.alterTable('remittance_claims').addColumn('payment_key', 'text').execute();
  await db.schema.alterTable('remittance_claims').addColumn('unmatched_reason', 'text').execute();
  await db.schema.alterTable('remittance_claims').addColumn('unmatched_message', 'text').execute();
  await db.schema
    .createIndex('remittance_claims_key_idx')
    .on('remittance_claims')
    .columns(['clinic_id', 'claim_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('remittance_claims_payment_idx')
    .on('remittance_claims')
    .columns(['clinic_id', 'payment_key'])
    .execute();

  await db.schema.dropIndex('remittances_file_key_idx').execute();
  await db.schema
    .createIndex('remittances_file_key_idx')
    .on('remittances')
    .columns(['clinic_id', 'file_key'])
    .execute();
  await backfill(db);
}

/**
 * Gives what was posted before this migration its identities, so a payment posted then is not posted again now:
 * single-payment remittances get their payment row; each posted CLP its claim key, in posting order. Where the old
 * rules let one payment post twice, only the first gets the key (the unique index holds; the copy stays visible).
 * The key formats are copies of edi `paymentIdentity` and `claimPaymentKey`: a shipped migration must not change.
 */
export async function backfill(db: KyselyAny): Promise<void> {
  const remits = await db
    .selectFrom('remittances')
    .select(['clinic_id', 'id', 'trace_numbers', 'payer_id', 'payment_cents', 'payment_date', 'posted_at'])
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
  // Keys already there (none on a real upgrade) are kept and never given twice: the backfill can run again.
  const payments = new Set(
    (await db.selectFrom('remittance_payments').select(['clinic_id', 'payment_key']).execute()).map(
      (p) => `${p.clinic_id}|${p.payment_key}`,
    ),
  );
  const order = new Map<string, number>();
  const paymentOf = new Map<string, string>();
  for (const r of remits) {
    order.set(`${r.clinic_id}|${r.id}`, order.size);
    const traces = JSON.parse(String(r.trace_numbers)) as string[];
    // A file of several payments kept only their sum: its payments cannot be told apart, so none is keyed.
    if (traces.length !== 1) continue;
    const payer = String(r.payer_id).trim();
    const trace = String(traces[0]).trim();
    const key = `${payer}|${trace}|${Number(r.payment_cents)}|${r.payment_date ?? ''}`;
    if (payments.has(`${r.clinic_id}|${key}`)) continue;
    payments.add(`${r.clinic_id}|${key}`);
    paymentOf.set(`${r.clinic_id}|${r.id}`, key);
    await db
      .insertInto('remittance_payments')
      .values({
        clinic_id: r.clinic_id,
        payment_key: key,
        remittance_id: r.id,
        payer_id: payer,
        trace_number: trace,
        payment_cents: Number(r.payment_cents),
        payment_date: r.payment_date,
      })
      .execute();
  }
  const rows = await db
    .selectFrom('remittance_claims')
    .select(['clinic_id', 'remittance_id', 'ordinal', 'claim_number', 'payer_claim_number', 'payer_status'])
    .where('claim_id', 'is not', null)
    .where('new_status', 'is not', null)
    .where('claim_key', 'is', null)
    .execute();
  const at = (r: { clinic_id: string; remittance_id: string }) => order.get(`${r.clinic_id}|${r.remittance_id}`) ?? 0;
  rows.sort((x, y) => at(x) - at(y) || Number(x.ordinal) - Number(y.ordinal));
  const used = new Set<string>();
  const reversals = new Map<string, number>();
  const keyed = await db
    .selectFrom('remittance_claims')
    .select(['clinic_id', 'claim_key'])
    .where('claim_key', 'is not', null)
    .execute();
  for (const k of keyed) {
    used.add(`${k.clinic_id}|${k.claim_key}`);
    const m = /^reversal\|(.*)\|(\d+)$/.exec(String(k.claim_key));
    const base = `${k.clinic_id}|${m?.[1]}`;
    if (m) reversals.set(base, Math.max(reversals.get(base) ?? 0, Number(m[2]) + 1));
  }
  for (const r of rows) {
    const base = `${String(r.claim_number).trim()}|${String(r.payer_claim_number).trim()}`;
    const n = reversals.get(`${r.clinic_id}|${base}`) ?? 0;
    const reversal = r.payer_status === '22';
    const key = `${reversal ? 'reversal' : 'payment'}|${base}|${n}`;
    if (used.has(`${r.clinic_id}|${key}`)) continue;
    used.add(`${r.clinic_id}|${key}`);
    if (reversal) reversals.set(`${r.clinic_id}|${base}`, n + 1);
    await db
      .updateTable('remittance_claims')
      .set({ claim_key: key, payment_key: paymentOf.get(`${r.clinic_id}|${r.remittance_id}`) ?? null })
      .where('clinic_id', '=', r.clinic_id)
      .where('remittance_id', '=', r.remittance_id)
      .where('ordinal', '=', r.ordinal)
      .execute();
  }
}

export const migration: StoreMigration = { name: '0008-posting-identity', up };
