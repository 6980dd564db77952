import type { ApiSession } from './api-session.ts';
import type { ClinicFixture } from './clinic-setup.ts';

/** A finding as the visit API lists it. */
interface ListedFinding {
  rule: string;
  severity: string;
  service?: number;
}

/**
 * Documents a 97110 visit on a date and signs it as a reviewing therapist would: every error overridden with a
 * reason, every warning confirmed, the attestation given. For tests whose subject is what happens after signing.
 * @param pt - the therapist's API session
 * @param c - the clinic fixture (its patient is documented)
 * @param providerId - the signing provider
 * @param date - date of service
 * @param description - what was done (default: names the date, so no two visits are word-for-word clones)
 * @returns the visit id
 */
export async function signed97110Visit(
  pt: ApiSession,
  c: ClinicFixture,
  providerId: string,
  date: string,
  description = `Seated knee extension with a 3 lb cuff weight, 3 sets of 10 on ${date}, verbal cues for full extension, to build quadriceps strength for sit to stand.`,
): Promise<string> {
  const v = await pt.call<{ id: string }>('POST', '/visits', {
    patientId: c.patient.id,
    providerId,
    date,
    discipline: 'PT',
    noteType: 'daily',
    timeIn: '10:00',
    timeOut: '10:25',
    totalTimedMinutes: 23,
    totalTreatmentMinutes: 23,
    services: [{ code: '97110', minutes: 23, modifiers: ['GP'], description, goalIds: ['g1'] }],
    nonBillable: [],
    response: 'Tolerated well; stood from the chair 4 times in 15 seconds, up from 2.',
  });
  const full = await pt.call<{ findings: ListedFinding[] }>('GET', `/visits/${v.id}`);
  const at = (f: ListedFinding) => ({ rule: f.rule, ...(f.service === undefined ? {} : { service: f.service }) });
  const overrides = full.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ ...at(f), reason: 'Reviewed with the therapist for this test.' }));
  const warnings = full.findings.filter((f) => f.severity === 'warning').map(at);
  await pt.call('POST', `/visits/${v.id}/sign`, { overrides, warnings, attest: true });
  return v.id;
}
