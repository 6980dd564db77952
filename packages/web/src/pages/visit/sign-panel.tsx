import type { Finding } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import type { ApiError } from '../../api/problem.ts';
import { TextArea } from '../../components/field.tsx';
import { SeverityTag } from '../../components/severity.tsx';
import { findingKey, unresolvedErrors } from '../../visit/live-results.ts';

/**
 * Signing: every error-severity finding needs either a fix or a written override reason; the server checks the
 * same and answers with the findings that still block.
 * @param props - the findings, whether the user may sign, and the sign action
 */
export function SignPanel(props: {
  findings: Finding[];
  canSign: boolean;
  onSign(overrides: { rule: string; service?: number; reason: string }[]): Promise<ApiError | null>;
}): ReactNode {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const errors = props.findings.filter((f) => f.severity === 'error');
  const blocking = unresolvedErrors(props.findings, reasons);

  const sign = async (): Promise<void> => {
    setBusy(true);
    setError('');
    setFieldErrors({});
    setServerErrors([]);
    const overrides = errors
      .filter((f) => (reasons[findingKey(f)] ?? '').trim())
      .map((f) => {
        const o: { rule: string; service?: number; reason: string } = {
          rule: f.rule,
          reason: (reasons[findingKey(f)] ?? '').trim(),
        };
        if (f.service !== undefined) o.service = f.service;
        return o;
      });
    const err = await props.onSign(overrides);
    setBusy(false);
    if (err) {
      setFieldErrors(err.fields);
      setServerErrors((err.problem.errors ?? []).filter((e) => !e.path.startsWith('overrides.')));
      setError(err.problem.detail ?? err.problem.title);
    }
  };

  if (!props.canSign) return <p className="muted">Your role cannot sign notes.</p>;
  return (
    <section className="sign-panel" aria-labelledby="sign-title">
      <h2 id="sign-title">Sign the note</h2>
      {errors.length > 0 && (
        <>
          <p>
            Fix each error above, or give a reason to override it. Reasons are kept with the note and in the audit log.
          </p>
          {errors.map((f) => {
            const key = findingKey(f);
            const serverPath = `overrides.${overrides(errors, reasons).findIndex((o) => o.key === key)}.reason`;
            return (
              <TextArea
                key={key}
                rows={2}
                label={`Reason to override ${f.rule}${f.service !== undefined ? ` (activity ${f.service + 1})` : ''}`}
                hint={
                  <>
                    <SeverityTag severity="error" /> {f.message}
                  </>
                }
                value={reasons[key] ?? ''}
                onChange={(e) => setReasons({ ...reasons, [key]: e.target.value })}
                error={fieldErrors[serverPath]}
              />
            );
          })}
        </>
      )}
      {error && (
        <div className="form-error" role="alert">
          <p>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
          {serverErrors.length > 0 && (
            <ul>
              {serverErrors.map((e) => (
                <li key={`${e.path}-${e.message}`}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="button" className="primary" disabled={busy || blocking.length > 0} onClick={() => void sign()}>
        {busy ? 'Signing…' : 'Sign note'}
      </button>
      {blocking.length > 0 && (
        <p className="muted">
          {blocking.length} error{blocking.length === 1 ? ' still needs' : 's still need'} a fix or a reason before
          signing.
        </p>
      )}
    </section>
  );
}

function overrides(errors: Finding[], reasons: Record<string, string>): { key: string }[] {
  return errors.filter((f) => (reasons[findingKey(f)] ?? '').trim()).map((f) => ({ key: findingKey(f) }));
}
