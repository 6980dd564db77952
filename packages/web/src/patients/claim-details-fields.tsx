import type { ReactNode } from 'react';
import { fieldMessage } from '../api/problem.ts';
import { TextField } from '../components/field.tsx';
import { DiagnosisPicker } from './diagnosis-picker.tsx';
import { type ClaimDetailsForm, claimDetailsProblems } from './intake-form.ts';

/**
 * What a claim needs from intake, as form fields: address, phone, diagnoses and the referring provider. Errors come
 * from the server (by field path) or, as the person types, from the same identifier checks (ZIP, NPI, phone).
 * @param props - the form, its change handler and the server's field errors
 */
export function ClaimDetailsFields(props: {
  value: ClaimDetailsForm;
  onChange(next: ClaimDetailsForm): void;
  serverErrors: Record<string, string>;
}): ReactNode {
  const f = props.value;
  const live = claimDetailsProblems(f);
  const err = (path: string): string | undefined => live[path] ?? fieldMessage(props.serverErrors, path);
  const set = (k: keyof ClaimDetailsForm) => (e: { target: { value: string } }) =>
    props.onChange({ ...f, [k]: e.target.value });
  const diagnosisError = Object.entries(props.serverErrors).find(([k]) => k.startsWith('diagnoses'))?.[1];
  return (
    <>
      <div className="row">
        <TextField label="Street address" value={f.line1} onChange={set('line1')} error={err('address.line1')} />
        <TextField
          label="Apartment, suite (optional)"
          value={f.line2}
          onChange={set('line2')}
          error={err('address.line2')}
        />
      </div>
      <div className="row">
        <TextField label="City" value={f.city} onChange={set('city')} error={err('address.city')} />
        <TextField label="State" value={f.state} maxLength={2} onChange={set('state')} error={err('address.state')} />
        <TextField
          label="ZIP"
          value={f.postalCode}
          inputMode="numeric"
          onChange={set('postalCode')}
          error={err('address.postalCode')}
        />
        <TextField label="Phone" type="tel" value={f.phone} onChange={set('phone')} error={err('phone')} />
      </div>
      <DiagnosisPicker
        value={f.diagnoses}
        onChange={(d) => props.onChange({ ...f, diagnoses: d })}
        error={diagnosisError}
      />
      <fieldset>
        <legend>Referring physician or NPP (certifies the plan of care)</legend>
        <div className="row">
          <TextField
            label="Referring first name"
            value={f.refFirstName}
            onChange={set('refFirstName')}
            error={err('referringProvider.firstName')}
          />
          <TextField
            label="Referring last name"
            value={f.refLastName}
            onChange={set('refLastName')}
            error={err('referringProvider.lastName')}
          />
          <TextField
            label="Referring NPI"
            value={f.refNpi}
            inputMode="numeric"
            maxLength={10}
            onChange={set('refNpi')}
            error={err('referringProvider.npi')}
          />
        </div>
      </fieldset>
    </>
  );
}
