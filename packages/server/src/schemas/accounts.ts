import { z } from 'zod';
import { passwordProblem } from '../auth/password-policy.ts';
import { ROLES } from '../auth/roles.ts';

const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
/** A new password: ASVS V2.1 length and common-password rules (auth/password-policy.ts), the reason as the message. */
const password = z
  .string()
  .max(200)
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const name = z.string().trim().min(1).max(200);

/** `POST /api/v1/clinics`: self sign-up of a clinic and its owner. */
export const SignUpBody = z.object({
  clinicName: z.string().trim().min(1).max(200),
  owner: z.object({ name, email, password }),
});

/** `POST /api/v1/session`. */
export const SignInBody = z.object({ email, password: z.string().min(1).max(200) });

/** A user as the API shows it (never the password hash). */
export const UserOut = z.object({
  id: z.string(),
  clinicId: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.enum(ROLES)),
  providerId: z.string().nullable().optional(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The sign-in answer: the user and the CSRF token for browser writes. */
export const SessionOut = z.object({ user: UserOut, csrfToken: z.string().nullable() });

export const ClinicOut = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

/** `POST /api/v1/users` (owner). */
export const NewUserBody = z.object({
  email,
  name,
  password,
  roles: z.array(z.enum(ROLES)).min(1).max(5),
});

/** `PATCH /api/v1/users/{id}` (owner). */
export const UserPatchBody = z
  .object({
    name: name.optional(),
    roles: z.array(z.enum(ROLES)).min(1).max(5).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    password: password.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Give at least one field to change.');

/** `POST /api/v1/tokens`. */
export const NewTokenBody = z.object({ name: z.string().trim().min(1).max(100) });

export const TokenOut = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** The answer of `POST /api/v1/tokens`: the secret is shown this once. */
export const CreatedTokenOut = TokenOut.extend({ token: z.string() });
