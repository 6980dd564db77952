import type { CaseFile } from '@unitwise/rules';
import { api } from '../api/endpoints.ts';
import { ApiError } from '../api/problem.ts';
import { csvToCaseFile } from './csv.ts';

/** The outcome of an import: what went in, and what was refused with the reason. */
export interface ImportReport {
  imported: { id: string; findings: number }[];
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
  const parts = /\.jsonl$/i.test(name) ? text.split('\n').filter((l) => l.trim()) : [text];
  parts.forEach((part, i) => {
    try {
      const f = JSON.parse(part) as Partial<CaseFile>;
      file.patients.push(...(f.patients ?? []));
      file.visits.push(...(f.visits ?? []));
      file.payers?.push(...(f.payers ?? []));
    } catch {
      refused.push({ where: parts.length > 1 ? `line ${i + 1}` : name, message: 'Not valid JSON.' });
    }
  });
  return { file, refused };
}

interface AuditReply {
  visits?: { id: string; findings?: unknown[] }[];
  inputErrors?: { where: string; message: string }[];
}

/**
 * Sends a case file to the server in batches of visits (so the progress bar moves), collecting what each batch
 * imported and refused. A batch the server rejects as a whole is reported with the server's field paths.
 * @param file - the case file
 * @param onProgress - called with visits done and the total
 * @param batchSize - visits per request
 */
export async function importCaseFile(
  file: CaseFile,
  onProgress: (done: number, total: number) => void,
  batchSize = 25,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], refused: [] };
  const total = file.visits.length;
  onProgress(0, total);
  for (let i = 0; i < total || (i === 0 && total === 0); i += batchSize) {
    const visits = file.visits.slice(i, i + batchSize);
    const ids = new Set(visits.map((v) => v.patientId));
    const part: CaseFile = { patients: file.patients.filter((p) => ids.has(p.id)), visits };
    if (file.payers?.length) part.payers = file.payers;
    try {
      const reply = (await api.auditCaseFile(part)) as AuditReply;
      for (const v of reply.visits ?? []) report.imported.push({ id: v.id, findings: v.findings?.length ?? 0 });
      for (const e of reply.inputErrors ?? []) report.refused.push({ where: shift(e.where, i), message: e.message });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const errs = err.problem.errors ?? [];
        if (errs.length === 0)
          report.refused.push({ where: `visits ${i + 1}-${i + visits.length}`, message: err.message });
        for (const e of errs) report.refused.push({ where: shift(e.path, i), message: e.message });
      } else throw err;
    }
    onProgress(Math.min(total, i + batchSize), total);
    if (total === 0) break;
  }
  return report;
}

/** Renumbers `visits[3]` / `visits.3` of a batch to the index in the whole file. */
function shift(where: string, offset: number): string {
  return where.replace(/visits(\[|\.)(\d+)/, (_m, sep: string, n: string) => `visits${sep}${Number(n) + offset}`);
}
