import { lazy, type ReactNode, Suspense } from 'react';
import { SignInPage } from '../pages/sign-in.tsx';
import { TodayPage } from '../pages/today.tsx';
import { VisitPage } from '../pages/visit/visit-page.tsx';
import { AuthProvider, hasRole, useAuth } from './auth.tsx';
import { Layout } from './layout.tsx';
import { matchPath, useLocation } from './router.tsx';

// Screens other than the visit note and today's list load on demand, keeping the first download small.
const PatientChartPage = lazy(() => import('../pages/patient-chart.tsx'));
const PatientsPage = lazy(() => import('../pages/patients.tsx'));
const ChargeReviewPage = lazy(() => import('../pages/charge-review.tsx'));
const DashboardPage = lazy(() => import('../pages/dashboard.tsx'));
const AdminPage = lazy(() => import('../pages/admin.tsx'));
const AuditLogPage = lazy(() => import('../pages/audit-log.tsx'));
const ClaimsPage = lazy(() => import('../pages/claims.tsx'));
const RemittancesPage = lazy(() => import('../pages/remittances.tsx'));
const ClaimDetailPage = lazy(() => import('../pages/claim-detail.tsx'));
const RemittanceDetailPage = lazy(() => import('../pages/remittance-detail.tsx'));
const BillingSettingsPage = lazy(() => import('../pages/billing-settings.tsx'));

/** The application: session, layout and routes. */
export function App(): ReactNode {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

function Shell(): ReactNode {
  const { user, checking } = useAuth();
  if (checking) return <p className="loading">Loading…</p>;
  if (!user) return <SignInPage />;
  return (
    <Layout>
      <Suspense fallback={<p className="loading">Loading…</p>}>
        <Routes />
      </Suspense>
    </Layout>
  );
}

function Routes(): ReactNode {
  const { path } = useLocation();
  const { user } = useAuth();
  const visit = matchPath('/visits/:id', path);
  if (visit?.id) return <VisitPage key={visit.id} visitId={visit.id} />;
  const patient = matchPath('/patients/:id', path);
  if (patient?.id) return <PatientChartPage key={patient.id} patientId={patient.id} />;
  if (matchPath('/patients', path)) return <PatientsPage />;
  if (matchPath('/charges', path)) return <ChargeReviewPage />;
  if (matchPath('/dashboard', path)) return <DashboardPage />;
  if (matchPath('/admin', path)) return <AdminPage />;
  if (matchPath('/audit-log', path)) return <AuditLogPage />;
  const claim = matchPath('/claims/:id', path);
  if (claim?.id) return <ClaimDetailPage key={claim.id} claimId={claim.id} />;
  const remittance = matchPath('/remittances/:id', path);
  if (remittance?.id) return <RemittanceDetailPage key={remittance.id} remittanceId={remittance.id} />;
  if (matchPath('/claims', path)) return <ClaimsPage />;
  if (matchPath('/remittances', path)) return <RemittancesPage />;
  if (matchPath('/billing-settings', path)) return <BillingSettingsPage />;
  if (path === '/' || matchPath('/today', path)) {
    if (hasRole(user, 'therapist', 'assistant')) return <TodayPage />;
    if (hasRole(user, 'biller')) return <ChargeReviewPage />;
    if (hasRole(user, 'owner')) return <DashboardPage />;
    if (hasRole(user, 'auditor')) return <AuditLogPage />;
    return <TodayPage />;
  }
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
    </section>
  );
}
