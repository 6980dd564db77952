import type { Role } from './roles.ts';

/** The signed-in caller of a request, resolved by the guard from a session cookie or a bearer token. */
export interface Principal {
  userId: string;
  clinicId: string;
  roles: Role[];
  email: string;
  name: string;
  /** How the caller proved who they are; only sessions need CSRF tokens. */
  via: 'session' | 'token';
  /** The session row's id (to sign out) when `via` is `session`. */
  sessionId?: string;
  /** The session's CSRF token when `via` is `session`. */
  csrfToken?: string;
  /** When the session expires unless used again, when `via` is `session`. */
  sessionExpiresAt?: string;
  /** When the session was created (its absolute lifetime counts from here), when `via` is `session`. */
  sessionCreatedAt?: string;
}
