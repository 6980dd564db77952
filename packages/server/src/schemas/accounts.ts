import { z } from 'zod';
import { passwordProblem } from '../auth/password-policy.ts';
import { ROLES } from '../auth/roles.ts';
import { storable } from './common.ts';

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
const name = z.string().trim().min(1).max(200).superRefine(storable());

/** `POST /api/v1/clinics`: self sign-up of a clinic and its owner. */
export const SignUpBody = z.object({
  clinicName: z.string().trim().min(1).max(200).superRefine(storable()),
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
    revokeTokens: z
      .boolean()
      .optional()
      .describe(
        'With a new password: revoke the user’s API tokens too (the default), or false to keep them valid (the answer says how many stay).',
      ),
  })
  .refine((b) => Object.keys(b).length > 0, 'Give at least one field to change.')
  .refine((b) => b.revokeTokens === undefined || b.password !== undefined, {
    message: 'Only with a new password.',
    path: ['revokeTokens'],
  });

/** The answer to `PATCH /api/v1/users/{id}`: the user, and what a password change did to their API tokens. */
export const UserPatchOut = UserOut.extend({
  apiTokens: z
    .object({ revoked: z.number().int(), kept: z.number().int() })
    .optional()
    .describe('Set when the password changed: tokens revoked, and tokens that stay valid.'),
});

/** `POST /api/v1/tokens`. */
export const NewTokenBody = z.object({ name: z.string().trim().min(1).max(100).superRefine(storable()) });

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
