import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type BillingProvider,
  type BuildClaimsInput,
  buildClaims,
  type ClaimPatient,
  type ClaimPayer,
  claimFileText,
  claimFileView,
  EdiError,
  type Envelope,
  type Party,
  type RenderingProvider,
  read837,
  type SignedVisit,
  scrubClaim,
  visitAsBilled,
  write837,
} from '@unitwise/edi';
import {
  auditCase,
  auditOptions,
  type CaseFile,
  createPolicyRegistry,
  parseCaseFile,
  type Visit,
} from '@unitwise/rules';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { exportFromDatabase } from './claims-db.ts';
import { readInputFile } from './remit.ts';

const HELP = `Usage:
  unitwise claims check FILE [--json]
  unitwise claims export CASEFILE --billing BILLING.json [--out FILE]
  unitwise claims export --clinic CLINIC_ID [--database-url URL] [--from DATE --to DATE] [--user EMAIL] [--out FILE]

check    Reads an X12 837P and prints its claims and lines and its structural checks: envelopes and
         control numbers, SE01/GE01/IEA01 counts, CLM02 = sum of SV102, at most 50 lines, NPI check
         digits, ICD-10-CM format, GS08 005010X222A1. Read-only.
         --json prints { ok, errors: [{ where, message }], warnings, claims, ... }.
export   Builds claims from a case file's visits (one per patient, payer and visit date by default),
         scrubs them, and writes an 837P 005010X222A1. Claims that fail scrubbing are held back and
         listed on standard error with the reason. BILLING.json holds the submitter, receiver,
         billing provider, charge master, patients' coverage, payers and providers
         (see packages/edi/test/fixtures/billing.json).
         --out FILE writes the 837P there (default: standard output).
         With --clinic (or --database-url), works on the clinic's database instead, as the web app
         does: builds claims from the signed visits not yet on a claim (dates of service between
         --from and --to, YYYY-MM-DD, inclusive), scrubs them with the clinic's claim settings, and
         exports every ready claim into one 837P that is also stored with its control numbers (the
         claims become exported). Held-back claims and their reasons go to standard error.
         --database-url URL   sqlite:PATH or postgres://... (default $DATABASE_URL, then sqlite:./data/unitwise.db)
         --user EMAIL         the clinic user the audit log names (default: the actor "cli")

Exit status: 0 sound (check) or every claim exported (export), 1 a check fails, a claim was held
back or nothing could be exported, 2 the input cannot be read, the database cannot be opened or
the clinic or user does not exist.
`;

/** billing.json: what the case file does not hold but a claim needs. */
interface BillingFile {
  submitter: Party;
  receiver: Party;
  billingProvider: BillingProvider;
  envelope: Omit<Envelope, 'createdAt'> & { createdAt?: string };
  chargeMaster: Record<string, number>;
  period?: BuildClaimsInput['period'];
  claimIdPrefix?: string;
  firstSequence?: number;
  placeOfService?: string;
  /** By patient id: name, birth date, coverage, and diagnoses when the case file's plans of care have none. */
  patients: Record<string, Omit<ClaimPatient, 'id'> & { diagnoses?: string[] }>;
  /** By payer policy id (`medicare`, …): the payer's id and name for NM1*PR. */
  payers: Record<string, { id: string; name: string }>;
  /** By visit provider id: the rendering provider. */
  providers?: Record<string, RenderingProvider>;
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: not valid JSON (${(err as Error).message}).`);
  }
}

function need(obj: Record<string, unknown>, key: string, file: string): void {
  if (obj[key] === undefined || obj[key] === null) throw new UsageError(`${file}: "${key}" is required.`);
}

function diagnosesFor(file: CaseFile, v: Visit, billing: BillingFile): string[] {
  const patient = file.patients.find((p) => p.id === v.patientId);
  const plan = patient?.plansOfCare?.find(
    (p) => p.discipline === v.discipline && p.startDate <= v.date && v.date <= p.endDate,
  );
  return plan?.diagnoses ?? billing.patients[v.patientId]?.diagnoses ?? [];
}

async function check(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } }, 'claims check');
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [file] = positionals;
  if (file === undefined) throw new UsageError('give the 837P file to check: unitwise claims check FILE.');
  const bytes = await readInputFile(file, io);
  let view: ReturnType<typeof claimFileView>;
  try {
    view = claimFileView(read837(bytes));
  } catch (err) {
    if (err instanceof EdiError) throw new UsageError(`cannot read ${file}: ${err.message}`);
    throw err;
  }
  io.stdout.write(values.json ? `${JSON.stringify(view, null, 2)}\n` : claimFileText(view, file));
  return view.ok ? 0 : 1;
}

async function exportClaims(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      billing: { type: 'string' },
      out: { type: 'string' },
      'database-url': { type: 'string' },
      clinic: { type: 'string' },
      user: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    'claims export',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [caseFile] = positionals;
  // The database mode is chosen by its flags; the case-file mode keeps working as before without them.
  if (values['database-url'] !== undefined || values.clinic !== undefined) {
    if (caseFile !== undefined || values.billing !== undefined)
      throw new UsageError('give either CASEFILE --billing FILE, or --clinic ID [--database-url URL], not both.');
    return exportFromDatabase(values, io);
  }
  if (values.from !== undefined || values.to !== undefined || values.user !== undefined)
    throw new UsageError('--from, --to and --user go with --clinic CLINIC_ID (the database mode).');
  if (caseFile === undefined)
    throw new UsageError('give the case file: unitwise claims export CASEFILE --billing BILLING.json.');
  if (values.billing === undefined)
    throw new UsageError('--billing BILLING.json is required (submitter, payers, coverage, charges).');
  const parsed = parseCaseFile(parseJson(await readInputFile(caseFile, io), caseFile));
  const rawBilling = parseJson(await readInputFile(values.billing, io), values.billing);
  if (rawBilling === null || typeof rawBilling !== 'object')
    throw new UsageError(`${values.billing}: must be a JSON object.`);
  for (const k of ['submitter', 'receiver', 'billingProvider', 'envelope', 'chargeMaster', 'patients', 'payers'])
    need(rawBilling as Record<string, unknown>, k, values.billing);
  const billing = rawBilling as BillingFile;
  for (const e of parsed.errors) io.stderr.write(`input error ${e.where}: ${e.message}\n`);

  const registry = createPolicyRegistry(parsed.file.payers ?? []);
  // The same audit as `unitwise audit`, run on the visits as they will be billed (with the modifiers the claim
  // lines get): its units go on the lines and its error findings hold claims back.
  const billed: CaseFile = {
    ...parsed.file,
    visits: parsed.file.visits.map((v) => {
      const p = parsed.file.patients.find((x) => x.id === v.patientId);
      return visitAsBilled(v, p ? registry.resolve(p.payer, v.date) : undefined);
    }),
  };
  const audits = new Map(auditCase(billed, auditOptions.bulk).visits.map((a) => [a.id, a]));
  const visits: SignedVisit[] = [];
  for (const v of parsed.file.visits) {
    const patient = parsed.file.patients.find((p) => p.id === v.patientId);
    const info = billing.patients[v.patientId];
    const payer = patient ? billing.payers[patient.payer] : undefined;
    if (!patient || !info || !payer) {
      io.stderr.write(
        `held back visit ${v.id}: ${!patient ? 'its patient is not in the case file' : !info ? `patient ${v.patientId} has no coverage in ${values.billing}` : `payer "${patient.payer}" is not in ${values.billing}`}.\n`,
      );
      continue;
    }
    const claimPayer: ClaimPayer = { id: payer.id, name: payer.name, policyId: patient.payer };
    const rendering = v.provider.id ? billing.providers?.[v.provider.id] : undefined;
    const audit = audits.get(v.id);
    visits.push({
      ...(audit && audit.lines.length === v.services.length
        ? { units: audit.lines.map((l) => l.claimedUnits ?? l.units), findings: audit.findings }
        : {}),
      visit: v,
      patient: { id: patient.id, ...info },
      payer: claimPayer,
      diagnoses: diagnosesFor(parsed.file, v, billing),
      ...(rendering ? { rendering } : {}),
      ...(billing.placeOfService ? { placeOfService: billing.placeOfService } : {}),
    });
  }
  const built = buildClaims(
    {
      visits,
      billingProvider: billing.billingProvider,
      chargeMaster: billing.chargeMaster,
      period: billing.period ?? 'visit',
      claimIdPrefix: billing.claimIdPrefix ?? 'UW',
      firstSequence: billing.firstSequence ?? 1,
    },
    registry,
  );
  const ready = [];
  let held = 0;
  for (const b of built) {
    const s = scrubClaim(b.claim, billing.billingProvider, b.findings, b.problems);
    for (const w of s.warnings) io.stderr.write(`warning claim ${b.claim.claimId} ${w.where}: ${w.message}\n`);
    if (s.ok) ready.push(b.claim);
    else {
      held++;
      io.stderr.write(`held back claim ${b.claim.claimId} (visits ${b.visitIds.join(', ')}):\n`);
      for (const e of s.errors) io.stderr.write(`  ${e.where}: ${e.message}\n`);
    }
  }
  if (ready.length === 0) {
    io.stderr.write(`no claim passed scrubbing; nothing written (${built.length} built, ${held} held back).\n`);
    return 1;
  }
  const text = write837(
    {
      submitter: billing.submitter,
      receiver: billing.receiver,
      billingProvider: billing.billingProvider,
      envelope: { ...billing.envelope, createdAt: billing.envelope.createdAt ?? new Date().toISOString() },
      claims: ready,
    },
    { lineBreaks: true },
  );
  const self = read837(text);
  for (const e of self.errors) io.stderr.write(`837P self-check ${e.where}: ${e.message}\n`);
  if (values.out) await writeFile(path.resolve(io.cwd, values.out), text);
  else io.stdout.write(text);
  io.stderr.write(
    `exported ${ready.length} claim(s) with ${ready.reduce((t, c) => t + c.lines.length, 0)} line(s)${values.out ? ` to ${values.out}` : ''}; held back ${held}.\n`,
  );
  return held > 0 || parsed.errors.length > 0 || self.errors.length > 0 ? 1 : 0;
}

/** `unitwise claims`: check an 837P, or build and export one from a case file. */
export const command: Command = {
  summary: 'check an 837P file, or export claims (from a case file or a clinic database) as an 837P',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
      io[sub === undefined ? 'stderr' : 'stdout'].write(HELP);
      return sub === undefined ? 2 : 0;
    }
    if (sub === 'check') return check(rest, io);
    if (sub === 'export') return exportClaims(rest, io);
    throw new UsageError(
      `unknown sub-command '${sub}'. Use: claims check FILE, or claims export (CASEFILE --billing FILE | --clinic ID).`,
    );
  },
};
