import { icd10Description, searchIcd10 } from '@unitwise/rules';
import { type ReactNode, useId, useState } from 'react';

// ICD-10-CM shape (a letter, a digit, then up to five letters or digits), dot optional.
const CODE_SHAPE = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

/**
 * Picks ICD-10-CM diagnoses, principal first: search the therapy code list by code or by words, or add a well-formed
 * code the list does not have. At most 12 (what a claim carries).
 * @param props - the chosen codes, the change handler, and the server's message for the list, if any
 */
export function DiagnosisPicker(props: {
  value: string[];
  onChange(next: string[]): void;
  error?: string | undefined;
}): ReactNode {
  const [q, setQ] = useState('');
  const id = useId();
  const found = searchIcd10(q, 8).filter((r) => !props.value.includes(r.code));
  const typed = q.trim().toUpperCase();
  const canAddTyped = CODE_SHAPE.test(typed) && !props.value.includes(typed) && !found.some((r) => r.code === typed);
  const add = (code: string): void => {
    if (props.value.length >= 12) return;
    props.onChange([...props.value, code]);
    setQ('');
  };
  return (
    <fieldset className="diagnosis-picker" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>Diagnoses (ICD-10-CM, principal first)</legend>
      {props.value.length === 0 ? (
        <p className="muted">None yet. A claim needs at least one.</p>
      ) : (
        <ol className="plain-list" aria-label="Chosen diagnoses">
          {props.value.map((code, i) => (
            <li key={code}>
              <strong>{code}</strong> {icd10Description(code) ?? '(not in the therapy list; check the code)'}
              {i === 0 && <span className="muted"> · principal</span>}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => props.onChange(props.value.filter((c) => c !== code))}
              >
                Remove {code}
              </button>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={id}>Find a diagnosis by code or words</label>
      <input
        id={id}
        type="search"
        value={q}
        placeholder="M17.11 or knee osteoarthritis"
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      {(found.length > 0 || canAddTyped) && (
        <ul className="plain-list" aria-label="Matching diagnoses">
          {found.map((r) => (
            <li key={r.code}>
              <button type="button" className="link-button" onClick={() => add(r.code)}>
                {r.code} {r.description}
              </button>
            </li>
          ))}
          {canAddTyped && (
            <li>
              <button type="button" className="link-button" onClick={() => add(typed)}>
                Add {typed} as typed
              </button>
            </li>
          )}
        </ul>
      )}
      {q.trim() !== '' && found.length === 0 && !canAddTyped && (
        <p className="muted">No diagnosis in the therapy list matches “{q.trim()}”.</p>
      )}
      {props.error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </div>
      )}
    </fieldset>
  );
}
