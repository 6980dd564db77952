import type { ReactNode } from 'react';
import { FeeSchedulesSection } from '../admin/fee-schedules-section.tsx';
import { ImportSection } from '../admin/import-section.tsx';
import { PayersSection } from '../admin/payers-section.tsx';
import { ProvidersSection } from '../admin/providers-section.tsx';
import { UsersSection } from '../admin/users-section.tsx';

/** Administration for owners: users and roles, providers, payers and policies, fee schedules, case-file import. */
export default function AdminPage(): ReactNode {
  return (
    <section>
      <h1>Administration</h1>
      <UsersSection />
      <ProvidersSection />
      <PayersSection />
      <FeeSchedulesSection />
      <ImportSection />
    </section>
  );
}
