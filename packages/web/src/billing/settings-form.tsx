import { gpciLocalities, PLACES_OF_SERVICE } from '@unitwise/rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, messageOf } from '../api/problem.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { bodyOf, draftOf, problemsOf, type SettingsDraft, setAt, valueAt } from './settings-draft.ts';
import type { ClaimSettings } from './types.ts';

interface FieldSpec {
  path: string;
  label: string;
  hint?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
}

const ADDRESS = (base: string, zipLabel: string, zipHint: string): FieldSpec[] => [
  { path: `${base}.line1`, label: 'Street address', autoComplete: 'address-line1' },
  { path: `${base}.line2`, label: 'Address line 2', autoComplete: 'address-line2' },
  { path: `${base}.city`, label: 'City', autoComplete: 'address-level2' },
  { path: `${base}.state`, label: 'State', hint: 'Two letters, e.g. IL.', autoComplete: 'address-level1' },
  { path: `${base}.zip`, label: zipLabel, hint: zipHint, inputMode: 'numeric', autoComplete: 'postal-code' },
];

/** The PFS payment localities of this year by name (data/gpci.json), for the clinic to choose its own. */
const LOCALITIES = gpciLocalities(new Date().getFullYear());

const PROVIDER: FieldSpec[] = [
  { path: 'billingProvider.name', label: 'Name', hint: 'The clinic’s legal name, as the payers have it.' },
  { path: 'billingProvider.npi', label: 'NPI', hint: 'The clinic’s ten-digit type 2 NPI.', inputMode: 'numeric' },
  { path: 'billingProvider.taxId', label: 'Tax id (EIN)', hint: 'Nine digits, e.g. 12-3456789.', inputMode: 'numeric' },
  ...ADDRESS('billingProvider.address', 'ZIP+4', 'Nine digits, e.g. 62704-3319: an 837P needs the full ZIP+4.'),
  { path: 'billingProvider.taxonomy', label: 'Taxonomy code', hint: 'Optional; e.g. 225100000X physical therapist.' },
];

const PARTIES: FieldSpec[] = [
  { path: 'submitter.name', label: 'Submitter name', hint: 'Who sends the file: usually the clinic.' },
  { path: 'submitter.id', label: 'Submitter id', hint: 'The id your clearinghouse gave your clinic.' },
  { path: 'submitter.contactName', label: 'Contact name' },
  { path: 'submitter.phone', label: 'Contact phone', inputMode: 'tel', autoComplete: 'tel' },
  { path: 'receiver.name', label: 'Receiver name', hint: 'The clearinghouse the file goes to.' },
  { path: 'receiver.id', label: 'Receiver id', hint: 'The clearinghouse’s own id, from its enrolment papers.' },
];

/**
 * The Billing settings form: the billing provider, a pay-to address when payments go elsewhere, submitter and
 * receiver, and how claims are made. Each field is checked as it is typed with the same checks the server runs
 * (@unitwise/rules' billingSettingsProblems), in plain words under the field; Save sends only settings that pass.
 * @param props - the saved settings and how to save
 */
export function SettingsForm(props: {
  initial: ClaimSettings;
  configured: boolean;
  onSave(body: ReturnType<typeof bodyOf>): Promise<void>;
}): ReactNode {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(props.initial));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const problems = problemsOf(draft);
  const errorOf = (path: string): string | undefined =>
    (submitted || touched.has(path) ? problems[path] : undefined) ?? server[path];

  const change = (path: string, value: string | boolean): void => {
    setDraft((d) => setAt(d, path, value));
    setTouched((t) => new Set(t).add(path));
    setServer((s) => {
      const { [path]: _gone, ...rest } = s;
      return rest;
    });
    setMsg(null);
  };

  const field = (f: FieldSpec): ReactNode => (
    <TextField
      key={f.path}
      label={f.label}
      value={valueAt(draft, f.path)}
      onChange={(e) => change(f.path, e.target.value)}
      error={errorOf(f.path)}
      hint={f.hint}
      autoComplete={f.autoComplete ?? 'off'}
      inputMode={f.inputMode}
    />
  );

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSubmitted(true);
    const count = Object.keys(problems).length;
    if (count > 0) {
      setMsg({
        ok: false,
        text: `${count} field${count === 1 ? ' needs' : 's need'} a fix before saving (shown in red).`,
      });
      return;
    }
    try {
      await props.onSave(bodyOf(draft));
      setMsg({ ok: true, text: 'Billing settings saved. Rebuild held claims to check them again.' });
    } catch (err) {
      if (err instanceof ApiError) setServer(err.fields);
      setMsg({ ok: false, text: messageOf(err) });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="settings-title" noValidate>
      <h2 id="settings-title">What every claim carries</h2>
      {!props.configured && <p className="muted">Not filled in yet: until they are, every claim is held back.</p>}
      <fieldset>
        <legend>Billing provider</legend>
        <div className="row">{PROVIDER.map(field)}</div>
      </fieldset>
      <fieldset>
        <legend>Pay-to address</legend>
        <label className="check">
          <input type="checkbox" checked={draft.usePayTo} onChange={(e) => change('usePayTo', e.target.checked)} />{' '}
          Payments go to a different address (a PO box or a lockbox)
        </label>
        {draft.usePayTo && (
          <div className="row">{ADDRESS('payTo', 'ZIP code', 'Five digits, or nine as 62708-4410.').map(field)}</div>
        )}
      </fieldset>
      <fieldset>
        <legend>Submitter and receiver</legend>
        <div className="row">{PARTIES.map(field)}</div>
      </fieldset>
      <fieldset>
        <legend>Claims</legend>
        <div className="row">
          <SelectField
            label="Place of service"
            value={draft.placeOfService}
            onChange={(e) => change('placeOfService', e.target.value)}
            error={errorOf('placeOfService')}
          >
            {PLACES_OF_SERVICE.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </SelectField>
          {field({
            path: 'claimIdPrefix',
            label: 'Claim numbers start with',
            hint: 'Capital letters or digits, e.g. UW.',
          })}
          <SelectField
            label="PFS payment locality"
            hint="Where the clinic is, as Medicare prices its fee schedule; estimates use it."
            value={draft.locality}
            onChange={(e) => change('locality', e.target.value)}
            error={errorOf('locality')}
          >
            <option value="">National (no locality)</option>
            {LOCALITIES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="One claim per" value={draft.period} onChange={(e) => change('period', e.target.value)}>
            <option value="visit">each visit date</option>
            <option value="month">calendar month</option>
            <option value="all">all dates of a build</option>
          </SelectField>
          <SelectField label="Send files as" value={draft.usage} onChange={(e) => change('usage', e.target.value)}>
            <option value="T">test files (T)</option>
            <option value="P">production files (P)</option>
          </SelectField>
        </div>
      </fieldset>
      <button type="submit" className="primary">
        Save billing settings
      </button>
      {msg && (
        <p className={msg.ok ? undefined : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
