import { type CaseFile, CREDENTIALS, DISCIPLINES, type Patient, type Service, type Visit } from '@unitwise/rules';

/**
 * Splits CSV text into rows of fields (RFC 4180 quoting: "" inside quotes is a quote; newlines inside quotes kept).
 * @param text - the file's text
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** A CSV row the converter could not use, with its 1-based line and the column at fault. */
export interface CsvRowError {
  where: string;
  message: string;
}

const num = (s: string | undefined): number | undefined => (s === undefined || s.trim() === '' ? undefined : Number(s));
const list = (s: string | undefined): string[] | undefined => (s?.trim() ? s.trim().split(/\s+/) : undefined);

/**
 * Converts the design's CSV layout (one service per row; rows of a visit share `visit_id`) into a case file.
 * @param text - the CSV text with a header row
 */
export function csvToCaseFile(text: string): { file: CaseFile; errors: CsvRowError[] } {
  const [header, ...rows] = parseCsv(text);
  const errors: CsvRowError[] = [];
  const file: CaseFile = { patients: [], visits: [] };
  if (!header) return { file, errors: [{ where: 'line 1', message: 'The file is empty.' }] };
  const col = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  for (const need of ['visit_id', 'patient_id', 'date', 'discipline', 'payer', 'credential', 'code']) {
    if (!col.has(need)) errors.push({ where: 'line 1', message: `The header has no ${need} column.` });
  }
  if (errors.length > 0) return { file, errors };
  const patients = new Map<string, Patient>();
  const visits = new Map<string, Visit>();
  rows.forEach((r, n) => {
    const at = (name: string): string | undefined => {
      const i = col.get(name);
      return i === undefined ? undefined : r[i]?.trim();
    };
    const visitId = at('visit_id') ?? '';
    const patientId = at('patient_id') ?? '';
    if (!visitId || !patientId) {
      errors.push({ where: `line ${n + 2}`, message: 'visit_id and patient_id are required.' });
      return;
    }
    if (!patients.has(patientId)) patients.set(patientId, { id: patientId, payer: at('payer') ?? 'commercial' });
    let v = visits.get(visitId);
    if (!v) {
      const discipline = DISCIPLINES.find((d) => d === at('discipline'));
      const credential = CREDENTIALS.find((c) => c === at('credential'));
      if (!discipline || !credential) {
        errors.push({ where: `line ${n + 2}`, message: `Unknown ${discipline ? 'credential' : 'discipline'}.` });
        return;
      }
      v = { id: visitId, patientId, date: at('date') ?? '', discipline, provider: { credential }, services: [] };
      const timeIn = at('time_in');
      const timeOut = at('time_out');
      const response = at('response');
      if (timeIn) v.timeIn = timeIn;
      if (timeOut) v.timeOut = timeOut;
      if (response) v.response = response;
      visits.set(visitId, v);
    }
    const s: Service = { code: at('code') ?? '' };
    const minutes = num(at('minutes'));
    const assistant = num(at('assistant_minutes'));
    const units = num(at('units'));
    const group = num(at('group_size'));
    const mods = list(at('modifiers'));
    const goals = list(at('goal_ids'));
    const description = at('description');
    const assistance = at('assistance');
    if (minutes !== undefined) s.minutes = minutes;
    if (assistant !== undefined) s.assistantMinutes = assistant;
    if (units !== undefined) s.units = units;
    if (group !== undefined) s.groupSize = group;
    if (mods) s.modifiers = mods;
    if (goals) s.goalIds = goals;
    if (description) s.description = description;
    if (assistance) s.assistance = assistance;
    v.services.push(s);
  });
  file.patients = [...patients.values()];
  file.visits = [...visits.values()];
  return { file, errors };
}
