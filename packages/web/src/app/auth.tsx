import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setCsrfToken } from '../api/client.ts';
import { resetDirectory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import type { Role, User } from '../api/types.ts';

interface AuthState {
  user: User | null;
  /** True until the first session check has answered. */
  checking: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Holds the signed-in user; restores the session from the cookie on load.
 * @param props - children
 */
export function AuthProvider(props: { children: ReactNode }): ReactNode {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  useEffect(() => {
    let live = true;
    api
      .session()
      .then((s) => {
        if (!live) return;
        setCsrfToken(s.csrfToken ?? undefined);
        setUser(s.user);
      })
      .catch(() => undefined)
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const s = await api.signIn(email, password);
    setCsrfToken(s.csrfToken ?? undefined);
    resetDirectory();
    setUser(s.user);
  }, []);
  const signOut = useCallback(async () => {
    await api.signOut().catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, checking, signIn, signOut }), [user, checking, signIn, signOut]);
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

/** The auth state; only valid under AuthProvider. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/**
 * Whether a user holds any of the roles.
 * @param user - the user
 * @param roles - allowed roles
 */
export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
