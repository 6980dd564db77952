import {
  CREDENTIALS,
  type Credential,
  credentialProblem,
  DISCIPLINES,
  type Discipline,
  npiProblem,
} from '@unitwise/rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { resetDirectory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { Provider, User } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';

interface Draft {
  name: string;
  npi: string;
  discipline: Discipline;
  credential: Credential;
  userId: string;
}

const blank: Draft = { name: '', npi: '', discipline: 'PT', credential: 'PT', userId: '' };

/** The checks the server makes too, as the owner types: the NPI's check digit, a credential of the discipline. */
function localProblems(d: Draft, npiTouched: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.name.trim()) out.name = 'Give the provider’s name as it goes on claims.';
  // Half-typed NPIs are not flagged until ten digits are in or the field is left.
  const npi = npiTouched || d.npi.trim().length >= 10 ? npiProblem(d.npi) : null;
  if (npi) out.npi = npi;
  const cred = credentialProblem(d.discipline, d.credential);
  if (cred) out.credential = cred;
  return out;
}

/**
 * Adds a provider, or edits one: name, NPI (checked as typed), discipline, credential and the user who signs in as it.
 * @param props - the provider to edit (absent: a new one), the clinic's users, and what to do after
 */
export function ProviderForm(props: {
  provider?: Provider;
  users: readonly User[];
  onDone(message: string | null): void;
}): ReactNode {
  const p = props.provider;
  const [d, setD] = useState<Draft>(
    p
      ? {
          name: p.name,
          npi: p.npi ?? '',
          discipline: p.discipline ?? 'PT',
          credential: p.credential,
          userId: p.userId ?? '',
        }
      : blank,
  );
  const [npiTouched, setNpiTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const local = localProblems(d, npiTouched || submitted);
  const shown = (path: keyof Draft): string | undefined =>
    (submitted || path !== 'name' ? local[path] : undefined) ?? fieldMessage(server, path);
  const change = (patch: Partial<Draft>): void => {
    setD({ ...d, ...patch });
    setServer({});
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSubmitted(true);
    setMsg('');
    if (Object.keys(localProblems(d, true)).length > 0) return;
    const body = {
      name: d.name.trim(),
      npi: d.npi.trim(),
      discipline: d.discipline,
      credential: d.credential,
      userId: d.userId || null,
    };
    try {
      if (p) await api.updateProvider(p.id, body);
      else await api.createProvider(body);
      resetDirectory();
      if (!p) {
        setD(blank);
        setSubmitted(false);
        setNpiTouched(false);
      }
      props.onDone(p ? `${body.name}: changes saved.` : `${body.name} added.`);
    } catch (err) {
      if (err instanceof ApiError) setServer(err.fields);
      setMsg(messageOf(err));
    }
  };
  const label = p ? `Edit ${p.name}` : 'Add a provider';
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={label} className={p ? 'card' : undefined} noValidate>
      {p && <h3>{label}</h3>}
      <div className="row">
        <TextField
          label="Name"
          value={d.name}
          onChange={(e) => change({ name: e.target.value })}
          error={shown('name')}
        />
        <TextField
          label="NPI"
          inputMode="numeric"
          maxLength={12}
          value={d.npi}
          onChange={(e) => change({ npi: e.target.value })}
          onBlur={() => setNpiTouched(d.npi.trim() !== '')}
          error={shown('npi')}
          hint="Ten digits; the last one is a check digit."
        />
        <SelectField
          label="Discipline"
          value={d.discipline}
          onChange={(e) => change({ discipline: e.target.value as Discipline })}
          error={shown('discipline')}
        >
          {DISCIPLINES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <SelectField
          label="Credential"
          value={d.credential}
          onChange={(e) => change({ credential: e.target.value as Credential })}
          error={shown('credential')}
        >
          {CREDENTIALS.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <SelectField
          label="Signs in as"
          value={d.userId}
          onChange={(e) => change({ userId: e.target.value })}
          error={shown('userId')}
        >
          <option value="">No sign-in</option>
          {props.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="row">
        <button type="submit" className={p ? 'primary' : undefined}>
          {p ? 'Save changes' : 'Add provider'}
        </button>
        {p && (
          <button type="button" onClick={() => props.onDone(null)}>
            Cancel
          </button>
        )}
      </div>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
