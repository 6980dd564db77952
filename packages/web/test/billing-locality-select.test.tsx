// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { gpciLocalities, gpciLocality } from '@unitwise/rules';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/problem.ts';
import { SettingsForm } from '../src/billing/settings-form.tsx';
import type { ClaimSettings } from '../src/billing/types.ts';

afterEach(cleanup);

/** Settings that pass every check, so Save sends them. */
const FILLED: ClaimSettings = {
  billingProvider: {
    name: 'Riverside Therapy',
    npi: '1730284910',
    taxId: '84-2714593',
    address: { line1: '2150 River Road', city: 'Springfield', state: 'IL', zip: '62704-3319' },
  },
  submitter: { name: 'Riverside Therapy', id: 'RIVERSIDE01' },
  receiver: { name: 'Demo Clearinghouse', id: 'DEMOCLEAR' },
  usage: 'T',
  claimIdPrefix: 'UW',
  period: 'visit',
  placeOfService: '11',
  chargeMaster: {},
};

const NY = gpciLocality('NY-01', new Date().getFullYear());

function select(): HTMLSelectElement {
  return within(screen.getByRole('group', { name: 'Claims' })).getByLabelText('PFS payment locality');
}

async function save(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));
  await screen.findByText(/Billing settings saved/);
}

describe('PFS payment locality select', () => {
  it('offers national first and then every locality of the year by name', () => {
    render(<SettingsForm initial={FILLED} configured onSave={vi.fn()} />);
    const names = [...select().options].map((o) => o.textContent);
    expect(names[0]).toBe('National (no locality)');
    expect(select().value).toBe('');
    expect(names.slice(1)).toEqual(gpciLocalities(new Date().getFullYear()).map((l) => l.name));
    expect(names).toContain(NY?.name);
  });

  it('saves the chosen locality, shows a saved one, and leaves it out when switched back to national', async () => {
    const onSave = vi.fn(async (_body: object) => {});
    render(<SettingsForm initial={FILLED} configured onSave={onSave} />);
    fireEvent.change(select(), { target: { value: 'NY-01' } });
    await save();
    expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ locality: 'NY-01' }));
    cleanup();

    render(<SettingsForm initial={{ ...FILLED, locality: 'NY-01' }} configured onSave={onSave} />);
    expect(select().value).toBe('NY-01');
    expect(select().selectedOptions[0]?.textContent).toBe(NY?.name);
    fireEvent.change(select(), { target: { value: '' } });
    await save();
    expect(onSave.mock.lastCall?.[0]).not.toHaveProperty('locality');
  });

  it('shows the server’s refusal of a locality under the select', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiError({
        title: 'Some fields need a fix.',
        status: 400,
        errors: [{ path: 'locality', message: 'Choose a payment locality from the list.' }],
      });
    });
    render(<SettingsForm initial={FILLED} configured onSave={refuse} />);
    fireEvent.change(select(), { target: { value: 'NY-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));
    await screen.findByText('Some fields need a fix.');
    const errorId = select()
      .getAttribute('aria-describedby')
      ?.split(' ')
      .find((x) => x.endsWith('-error'));
    expect(errorId && document.getElementById(errorId)?.textContent).toMatch(/Choose a payment locality from the list/);
    expect(select().getAttribute('aria-invalid')).toBe('true');
  });
});
