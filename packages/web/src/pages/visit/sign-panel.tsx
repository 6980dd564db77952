import { attestationStatement, type Finding, missingForSigning, type Visit } from '@unitwise/rules';
import { type ReactNode, useEffect, useState } from 'react';
import { directory, providerOfUser } from '../../api/directory.ts';
import type { ApiError } from '../../api/problem.ts';
import type { SignRequest } from '../../api/types.ts';
import { TextArea } from '../../components/field.tsx';
import { SeverityTag } from '../../components/severity.tsx';
import { findingKey, unresolvedErrors } from '../../visit/live-results.ts';

/**
 * Signing: the note must be complete (times, minutes, descriptions, known codes), every error needs a fix or a written
 * override reason, the standing warnings are read and confirmed once, and the signer confirms the attestation. The
 * server checks the same and answers with what still blocks.
 * @param props - the findings, the note as it stands, whether the user may sign, and the sign action
 */
export function SignPanel(props: {
  findings: Finding[];
  visit: Visit;
  /** The signed-in user, named in the attestation. */
  signer: { id: string; name: string };
  canSign: boolean;
  onSign(body: SignRequest): Promise<ApiError | null>;
}): ReactNode {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [seenKey, setSeenKey] = useState<string | undefined>();
  const [attested, setAttested] = useState(false);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  // Warnings the server found at signing that the live results did not show (history, clinic policies).
  const [serverWarnings, setServerWarnings] = useState<Finding[]>([]);
  const credential = useSignerCredential(props.signer.id);
  const gaps = missingForSigning(props.visit);
  const errors = props.findings.filter((f) => f.severity === 'error');
  const shown = props.findings.filter((f) => f.severity === 'warning');
  const warnings = [...shown, ...serverWarnings.filter((f) => !shown.some((w) => findingKey(w) === findingKey(f)))];
  // The confirmation covers the warnings as they stood when it was given: a new or changed one asks again.
  const warningsKey = warnings.map((f) => `${findingKey(f)}:${f.message}`).join('|');
  const warningsSeen = warnings.length === 0 || seenKey === warningsKey;
  const blocking = unresolvedErrors(props.findings, reasons);
  const statement = attestationStatement({ name: props.signer.name, credential, date: props.visit.date });

  const sign = async (): Promise<void> => {
    setBusy(true);
    setError('');
    setFieldErrors({});
    setServerErrors([]);
    const overrides = errors
      .filter((f) => (reasons[findingKey(f)] ?? '').trim())
      .map((f) => {
        const o: SignRequest['overrides'][number] = { rule: f.rule, reason: (reasons[findingKey(f)] ?? '').trim() };
        if (f.service !== undefined) o.service = f.service;
        return o;
      });
    const seen = warnings.map((f) =>
      f.service === undefined ? { rule: f.rule } : { rule: f.rule, service: f.service },
    );
    const err = await props.onSign({ overrides, warnings: seen, attest: attested });
    setBusy(false);
    if (err) {
      setFieldErrors(err.fields);
      if (Array.isArray(err.problem.warnings)) setServerWarnings(err.problem.warnings as Finding[]);
      setServerErrors((err.problem.errors ?? []).filter((e) => !e.path.startsWith('overrides.')));
      setError(err.problem.detail ?? err.problem.title);
    }
  };

  if (!props.canSign) return <p className="muted">Your role cannot sign notes.</p>;
  const left = [
    gaps.length > 0 && `${gaps.length} thing${gaps.length === 1 ? '' : 's'} missing from the note`,
    blocking.length > 0 && `${blocking.length} error${blocking.length === 1 ? '' : 's'} to fix or give a reason for`,
    !warningsSeen && 'the warnings to confirm',
    !attested && 'the attestation to confirm',
  ].filter((x): x is string => typeof x === 'string');
  return (
    <section className="sign-panel" aria-labelledby="sign-title">
      <h2 id="sign-title">Sign the note</h2>
      {gaps.length > 0 && (
        <div className="sign-missing" data-testid="sign-missing">
          <p>Before this note can be signed:</p>
          <ul>
            {gaps.map((g) => (
              <li key={g.path}>{g.message}</li>
            ))}
          </ul>
        </div>
      )}
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
      {warnings.length > 0 && (
        <fieldset className="sign-warnings" data-testid="sign-warnings">
          <legend>
            {warnings.length} warning{warnings.length === 1 ? '' : 's'} to read before signing
          </legend>
          <ul>
            {warnings.map((f) => (
              <li key={findingKey(f)}>
                <SeverityTag severity="warning" /> {f.service !== undefined ? `Activity ${f.service + 1}: ` : ''}
                {f.message}
              </li>
            ))}
          </ul>
          <label className="check">
            <input
              type="checkbox"
              checked={warningsSeen}
              onChange={(e) => setSeenKey(e.target.checked ? warningsKey : undefined)}
            />{' '}
            I have read {warnings.length === 1 ? 'this warning' : `these ${warnings.length} warnings`} and sign the note
            with {warnings.length === 1 ? 'it' : 'them'}. The confirmation is kept with the signature.
          </label>
        </fieldset>
      )}
      <label className="check attestation">
        <input type="checkbox" checked={attested} onChange={(e) => setAttested(e.target.checked)} /> {statement}
      </label>
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
      <button type="button" className="primary" disabled={busy || left.length > 0} onClick={() => void sign()}>
        {busy ? 'Signing…' : 'Sign note'}
      </button>
      {left.length > 0 && <p className="muted">Still needed before signing: {left.join('; ')}.</p>}
    </section>
  );
}

function overrides(errors: Finding[], reasons: Record<string, string>): { key: string }[] {
  return errors.filter((f) => (reasons[findingKey(f)] ?? '').trim()).map((f) => ({ key: findingKey(f) }));
}

/** The signer's credential from their provider record (what the server puts in the attestation). */
function useSignerCredential(userId: string): string | null {
  const [credential, setCredential] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void directory().then((d) => {
      if (live) setCredential(providerOfUser(d.providers, userId)?.credential ?? null);
    });
    return () => {
      live = false;
    };
  }, [userId]);
  return credential;
}
