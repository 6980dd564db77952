// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CODES, SAMPLE_CHARGE_MASTER } from '@unitwise/rules';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChargeMaster } from '../src/billing/charge-master.tsx';
import { SettingsForm } from '../src/billing/settings-form.tsx';
import type { ClaimSettings } from '../src/billing/types.ts';

afterEach(cleanup);

const UNSET: ClaimSettings = {
  billingProvider: { name: '', npi: '', taxId: '', address: { line1: '', city: '', state: '', zip: '' } },
  submitter: { name: '', id: '' },
  receiver: { name: '', id: '' },
  usage: 'T',
  claimIdPrefix: 'UW',
  period: 'visit',
  placeOfService: '11',
  chargeMaster: {},
};

function group(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

function type(scope: HTMLElement, label: string, value: string): void {
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
}

/** The message shown under a field, or null. */
function errorUnder(scope: HTMLElement, label: string): string | null {
  const input = within(scope).getByLabelText(label);
  const id = input
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe('Billing settings form', () => {
  it('explains each field as it is typed, in plain words, and clears the message once it is right', () => {
    render(<SettingsForm initial={UNSET} configured={false} onSave={vi.fn()} />);
    const bp = group('Billing provider');
    expect(errorUnder(bp, 'NPI')).toBeNull();
    type(bp, 'NPI', '1234567890');
    expect(errorUnder(bp, 'NPI')).toMatch(/last digit of this NPI does not match the others \(check digit\)/);
    expect(within(bp).getByLabelText('NPI').getAttribute('aria-invalid')).toBe('true');
    type(bp, 'NPI', '1234567893');
    expect(errorUnder(bp, 'NPI')).toBeNull();

    type(bp, 'Tax id (EIN)', '12-34567');
    expect(errorUnder(bp, 'Tax id (EIN)')).toMatch(/nine digits, written 12-3456789/);
    type(bp, 'ZIP+4', '62704');
    expect(errorUnder(bp, 'ZIP+4')).toMatch(/needs a ZIP\+4/);
    type(bp, 'Street address', 'P.O. Box 12');
    expect(errorUnder(bp, 'Street address')).toMatch(/street address.*pay-to address/);
    // A field not yet touched says nothing.
    expect(errorUnder(bp, 'City')).toBeNull();
  });

  it('refuses to save while fields need a fix, and saves the settings once they pass', async () => {
    const onSave = vi.fn(async () => {});
    render(<SettingsForm initial={UNSET} configured={false} onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/fields need a fix before saving/)).toBeTruthy();
    expect(errorUnder(group('Billing provider'), 'City')).toBe('⚠ Enter the city.');

    const bp = group('Billing provider');
    type(bp, 'Name', 'Riverside Therapy');
    type(bp, 'NPI', '1730284910');
    type(bp, 'Tax id (EIN)', '84-2714593');
    type(bp, 'Street address', '2150 River Road');
    type(bp, 'City', 'Springfield');
    type(bp, 'State', 'il');
    type(bp, 'ZIP+4', '62704-3319');
    fireEvent.click(within(group('Pay-to address')).getByRole('checkbox'));
    const payTo = group('Pay-to address');
    type(payTo, 'Street address', 'PO Box 4410');
    type(payTo, 'City', 'Springfield');
    type(payTo, 'State', 'IL');
    type(payTo, 'ZIP code', '62708');
    const parties = group('Submitter and receiver');
    type(parties, 'Submitter name', 'Riverside Therapy');
    type(parties, 'Submitter id', 'RIVERSIDE01');
    type(parties, 'Contact phone', '217-555-0142');
    type(parties, 'Receiver name', 'Demo Clearinghouse');
    type(parties, 'Receiver id', 'DEMOCLEAR');
    fireEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));
    await screen.findByText(/Billing settings saved/);
    expect(onSave).toHaveBeenCalledWith({
      billingProvider: {
        name: 'Riverside Therapy',
        npi: '1730284910',
        taxId: '84-2714593',
        address: { line1: '2150 River Road', city: 'Springfield', state: 'IL', zip: '62704-3319' },
      },
      payTo: { line1: 'PO Box 4410', city: 'Springfield', state: 'IL', zip: '62708' },
      submitter: { name: 'Riverside Therapy', id: 'RIVERSIDE01', phone: '217-555-0142' },
      receiver: { name: 'Demo Clearinghouse', id: 'DEMOCLEAR' },
      usage: 'T',
      claimIdPrefix: 'UW',
      period: 'visit',
      placeOfService: '11',
    });
  });
});

describe('Charges (charge master)', () => {
  it('lists every catalog code with an empty charge, fills from the illustrative sample, checks what is typed', async () => {
    const onSave = vi.fn(async () => {});
    render(<ChargeMaster initial={{}} onSave={onSave} />);
    for (const code of CODES.keys())
      expect((screen.getByLabelText(`Charge for ${code}`) as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/Illustrative only/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Charge for 97110'), { target: { value: 'sixty' } });
    expect(screen.getByText('Write the amount in dollars, e.g. 71.00.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Charge for 97110'), { target: { value: '62.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill empty charges from the illustrative sample' }));
    expect((screen.getByLabelText('Charge for 97530') as HTMLInputElement).value).toBe('71.00');
    // A charge already typed is kept.
    expect((screen.getByLabelText('Charge for 97110') as HTMLInputElement).value).toBe('62.50');
    fireEvent.click(screen.getByRole('button', { name: 'Save charges' }));
    await screen.findByText(/Charges saved for/);
    expect(onSave).toHaveBeenCalledWith({ ...SAMPLE_CHARGE_MASTER.charges, '97110': 6250 });
  });
});
