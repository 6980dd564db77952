import type { ReactNode } from 'react';
import type { Role } from '../api/types.ts';
import { hasRole, useAuth } from './auth.tsx';
import { Link, useLocation } from './router.tsx';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

/** Navigation by role: each role sees the screens its work needs. */
const NAV: NavItem[] = [
  { to: '/today', label: 'Today', roles: ['therapist', 'assistant', 'owner'] },
  { to: '/patients', label: 'Patients', roles: ['therapist', 'assistant', 'owner', 'biller', 'auditor'] },
  { to: '/charges', label: 'Charge review', roles: ['biller', 'owner'] },
  { to: '/claims', label: 'Claims', roles: ['biller', 'owner', 'auditor', 'therapist'] },
  { to: '/remittances', label: 'Remittances', roles: ['biller', 'owner', 'auditor'] },
  { to: '/billing-settings', label: 'Billing settings', roles: ['biller', 'owner'] },
  { to: '/dashboard', label: 'Dashboard', roles: ['owner', 'biller'] },
  { to: '/admin', label: 'Administration', roles: ['owner'] },
  { to: '/audit-log', label: 'Audit log', roles: ['owner', 'auditor'] },
];

/**
 * The frame around every signed-in screen: a skip link, the header with navigation, and the main region.
 * @param props - the screen
 */
export function Layout(props: { children: ReactNode }): ReactNode {
  const { user, signOut } = useAuth();
  const { path } = useLocation();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Unitwise</span>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((n) => hasRole(user, ...n.roles)).map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={path.startsWith(n.to) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {user?.name} <small>({user?.roles.join(', ')})</small>
        </span>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
