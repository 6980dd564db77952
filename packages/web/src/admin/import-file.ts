import type { CaseFile, Patient as CasePatient, Visit as CaseVisit } from '@unitwise/rules';
import { allPages } from '../api/all-pages.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, messageOf } from '../api/problem.ts';
import type { Patient, Payer, Provider } from '../api/types.ts';
import { csvToCaseFile } from './csv.ts';

/** The outcome of an import: what went in, and what was refused with the reason. */
export interface ImportReport {
  imported: { where: string; what: string }[];
  refused: { where: string; message: string }[];
}

/**
 * Reads a case file (JSON, JSONL or CSV) into one case file, or the reasons it cannot be read.
 * @param name - the file name (its extension picks the format)
 * @param text - the file's text
 */
export function readCaseFile(name: string, text: string): { file: CaseFile; refused: ImportReport['refused'] } {
  if (/\.csv$/i.test(name)) {
    const { file, errors } = csvToCaseFile(text);
    return { file, refused: errors };
  }
  const refused: ImportReport['refused'] = [];
  const file: CaseFile = { patients: [], visits: [], payers: [] };
  const parts = /\.jsonl$/i.test(name) ? text.split('\n').filter((l) => l.trim()) : [text.replace(/^\uFEFF/, '')];
  parts.forEach((part, i) => {
    try {
      const f = JSON.parse(part) as Partial<CaseFile>;
      file.patients.push(...(Array.isArray(f.patients) ? f.patients : []));
      file.visits.push(...(Array.isArray(f.visits) ? f.visits : []));
    } catch {
      refused.push({ where: parts.length > 1 ? `line ${i + 1}` : name, message: 'Not valid JSON.' });
    }
  });
  return { file, refused };
}

/** What the import needs from the clinic before it starts. */
interface Clinic {
  patientsByExternalId: Map<string, Patient>;
  payers: Payer[];
  providers: Provider[];
}

async function loadClinic(): Promise<Clinic> {
  const [patients, payers, providers] = await Promise.all([
    allPages((cursor) => api.patients({ cursor, limit: 200 })),
    api.payers().then((p) => p.items),
    api.providers().then((p) => p.items),
  ]);
  const patientsByExternalId = new Map<string, Patient>();
  for (const p of patients) if (p.externalId) patientsByExternalId.set(p.externalId, p);
  return { patientsByExternalId, payers, providers };
}

function problemText(err: unknown): string {
  if (err instanceof ApiError && (err.problem.errors ?? []).length > 0) {
    return (err.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
  }
  return messageOf(err);
}

async function importPatient(
  p: CasePatient,
  firstDate: string,
  clinic: Clinic,
  report: ImportReport,
): Promise<Patient | undefined> {
  const where = `patients[${p.id}]`;
  const known = clinic.patientsByExternalId.get(p.id);
  if (known) return known;
  try {
    // A case file carries no demographics: the record is created under the file's id, to be completed in the chart.
    const created = await api.createPatient({
      firstName: 'Imported',
      lastName: p.id,
      birthDate: '1900-01-01',
      sex: 'U',
      externalId: p.id,
      ...(p.history ? { history: p.history } : {}),
    });
    clinic.patientsByExternalId.set(p.id, created);
    let payer = clinic.payers.find((x) => x.policyId === p.payer);
    payer ??= await api.createPayer({ name: `${p.payer} (imported)`, policyId: p.payer });
    if (!clinic.payers.includes(payer)) clinic.payers.push(payer);
    await api.createCoverage({
      patientId: created.id,
      payerId: payer.id,
      memberId: 'to complete',
      priority: 1,
      startDate: firstDate,
    });
    for (const plan of p.plansOfCare ?? []) {
      await api.createPlan({
        ...plan,
        id: undefined,
        patientId: created.id,
        goals: plan.goals.map((g) => ({ id: g.id, text: g.text })),
      });
    }
    report.imported.push({ where, what: `patient ${p.id} (demographics to complete)` });
    return created;
  } catch (err) {
    report.refused.push({ where, message: problemText(err) });
    return undefined;
  }
}

async function importVisit(
  v: CaseVisit,
  index: number,
  patient: Patient,
  clinic: Clinic,
  report: ImportReport,
): Promise<void> {
  const where = `visits[${index}] (${v.id})`;
  const provider =
    clinic.providers.find((p) => p.id === v.provider.id) ??
    clinic.providers.find((p) => p.credential === v.provider.credential);
  if (!provider) {
    report.refused.push({ where, message: `No provider with credential ${v.provider.credential} in this clinic.` });
    return;
  }
  const { id: _id, provider: _p, patientId: _pid, ...content } = v;
  try {
    await api.createVisit(
      { ...content, patientId: patient.id, providerId: provider.id, credential: v.provider.credential },
      `import-${patient.id}-${v.id}`,
    );
    report.imported.push({ where, what: `visit ${v.id} on ${v.date}` });
  } catch (err) {
    report.refused.push({ where, message: problemText(err) });
  }
}

/**
 * Stores a case file through the API: each patient (matched by the file's id as the clinic id, or created with its
 * payer, coverage and plans of care), then each visit in date order (the server runs the checks on each save).
 * Every item succeeds or is refused on its own, with the server's reason; a retried import skips what is in.
 * @param file - the case file
 * @param onProgress - called with items done and the total
 */
export async function importCaseFile(
  file: CaseFile,
  onProgress: (done: number, total: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], refused: [] };
  const total = file.patients.length + file.visits.length;
  let done = 0;
  onProgress(0, total);
  const clinic = await loadClinic();
  const firstDate = new Map<string, string>();
  for (const v of file.visits) {
    const d = firstDate.get(v.patientId);
    if (!d || v.date < d) firstDate.set(v.patientId, v.date);
  }
  const stored = new Map<string, Patient>();
  for (const p of file.patients) {
    const s = await importPatient(p, firstDate.get(p.id) ?? '2000-01-01', clinic, report);
    if (s) stored.set(p.id, s);
    onProgress(++done, total);
  }
  const order = file.visits
    .map((_, i) => i)
    .sort((a, b) => (file.visits[a]?.date ?? '').localeCompare(file.visits[b]?.date ?? ''));
  for (const i of order) {
    const v = file.visits[i] as CaseVisit;
    const patient = stored.get(v.patientId);
    if (patient) await importVisit(v, i, patient, clinic, report);
    else report.refused.push({ where: `visits[${i}] (${v.id})`, message: `Patient ${v.patientId} was not imported.` });
    onProgress(++done, total);
  }
  return report;
}
