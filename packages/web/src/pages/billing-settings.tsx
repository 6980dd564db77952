import type { ReactNode } from 'react';
import { resetDirectory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import { billingApi } from '../billing/api.ts';
import { ChargeMaster } from '../billing/charge-master.tsx';
import { PayerIds } from '../billing/payer-ids.tsx';
import { SettingsForm } from '../billing/settings-form.tsx';
import { useAsync } from '../components/use-async.ts';

/**
 * Billing settings (owners and billers): what every claim needs from the clinic, the payers' ids and the clinic's
 * charges. Scrubber messages point here by these section names.
 */
export default function BillingSettingsPage(): ReactNode {
  const data = useAsync(() => Promise.all([billingApi.settings(), api.payers()]), []);
  if (data.error !== undefined)
    return (
      <section>
        <h1>Billing settings</h1>
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
      </section>
    );
  if (!data.data) return <p className="loading">Loading…</p>;
  const [loaded, payers] = data.data;
  return (
    <section>
      <h1>Billing settings</h1>
      <SettingsForm
        initial={loaded.settings}
        configured={loaded.configured}
        onSave={async (body) => {
          await billingApi.saveSettings(body);
        }}
      />
      <PayerIds
        payers={payers.items}
        onSave={async (id, x12) => {
          await billingApi.savePayerId(id, x12);
          resetDirectory();
        }}
      />
      <ChargeMaster
        initial={loaded.settings.chargeMaster}
        onSave={async (charges) => {
          await billingApi.saveCharges(charges);
        }}
      />
    </section>
  );
}
