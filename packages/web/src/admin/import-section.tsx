import { plural } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { type ImportReport, importCaseFile, readCaseFile } from './import-file.ts';

/** Imports a case file (JSON, JSONL or CSV) into the clinic, with progress and the refused records. */
export function ImportSection(): ReactNode {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setError('');
    setReport(null);
    const { file: cf, refused } = readCaseFile(file.name, await file.text());
    try {
      const r = await importCaseFile(cf, (done, total) => setProgress({ done, total }));
      setReport({ imported: r.imported, refused: [...refused, ...r.refused] });
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a case file</h2>

      <p className="muted">
        Patients are matched by the file's id (kept as the clinic id) or created with their payer, coverage and plans of
        care; visits are saved one by one and checked as they go in.
      </p>
      <label htmlFor="import-file">Case file (JSON, JSONL or CSV)</label>
      <input
        id="import-file"
        type="file"
        accept=".json,.jsonl,.csv"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {progress && (
        <p>
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Import progress" />{' '}
          {progress.done} of {progress.total} records
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div role="status">
          <p>
            Imported {plural(report.imported.length, 'record')}; refused {report.refused.length}.
          </p>
          {report.refused.length > 0 && (
            <ul className="plain-list">
              {report.refused.map((r) => (
                <li key={`${r.where}-${r.message}`}>
                  <span className="sev sev-error">
                    <span aria-hidden="true">✖</span> Refused
                  </span>{' '}
                  <code>{r.where}</code>: {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
