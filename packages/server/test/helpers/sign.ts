import type { FastifyInstance } from 'fastify';
import { type Auth, call, type Reply } from './harness.ts';

/**
 * Signs a visit as a therapist does in the app: confirming every warning the visit shows and the attestation (the
 * stored findings first, then any the server's refusal names).
 * @param app - the app
 * @param auth - the signer
 * @param id - the visit
 * @param body - overrides and anything else to send (wins over the defaults)
 * @param headers - e.g. If-Match
 */
export async function signConfirmed(
  app: FastifyInstance,
  auth: Auth,
  id: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  const found = await call(app, auth, 'GET', `/api/v1/visits/${id}/findings`);
  const items = (found.body.items ?? found.body ?? []) as { rule: string; severity: string; service?: number }[];
  const warnings = items
    .filter((f) => f.severity === 'warning')
    .map((f) => (f.service === undefined ? { rule: f.rule } : { rule: f.rule, service: f.service }));
  const first = await call(
    app,
    auth,
    'POST',
    `/api/v1/visits/${id}/sign`,
    { warnings, attest: true, ...body },
    headers,
  );
  const unseen = first.status === 422 ? ((first.body.warnings ?? []) as typeof items) : [];
  if (unseen.length === 0) return first;
  // Signing judges the findings as of now; the refusal lists the warnings the stored ones missed: confirm those too.
  for (const f of unseen)
    warnings.push(f.service === undefined ? { rule: f.rule } : { rule: f.rule, service: f.service });
  return call(app, auth, 'POST', `/api/v1/visits/${id}/sign`, { warnings, attest: true, ...body }, headers);
}
