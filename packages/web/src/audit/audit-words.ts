import type { AuditEntry } from '../api/types.ts';

/** What each action's verb means to a reader of the log. */
const VERBS: Record<string, string> = {
  create: 'Added',
  read: 'Opened',
  list: 'Listed',
  update: 'Changed',
  delete: 'Deleted',
  remove: 'Removed',
  sign: 'Signed',
  override: 'Overrode a finding on',
  put: 'Saved',
  add: 'Added',
  revoke: 'Revoked',
  export: 'Exported',
  post: 'Posted',
  preview: 'Previewed',
  rebuild: 'Rebuilt',
  audit: 'Checked',
  end: 'Stopped',
};

/** Actions whose words do not follow from entity and verb. */
const WHOLE: Record<string, string> = {
  'seed.demo': 'Loaded the demo clinic',
  'session.create': 'Signed in',
  'session.delete': 'Signed out',
  'audit-log.list': 'Viewed the audit log',
  'clinic.create': 'Opened the clinic’s account',
  'case-file.audit': 'Checked a case file',
  'claim.post': 'Posted a payment to a claim',
};

/** The thing each entity is, in words. */
const THINGS: Record<string, string> = {
  'api-token': 'API token',
  'audit-log': 'audit log',
  'case-file': 'case file',
  'claim-export': '837P file',
  'claim-settings': 'billing settings',
  'fee-schedule': 'fee schedule',
  'payer-policy': 'payer policy',
  'plan-of-care': 'plan of care',
  segment: 'timer run',
  finding: 'findings',
  visit: 'note',
};

/**
 * An action in plain words: `visit.read` is "Opened note", `patient.list` "Listed patients".
 * @param action - the action id (`entity.verb`)
 */
export function actionWords(action: string): string {
  const whole = WHOLE[action];
  if (whole) return whole;
  const dot = action.lastIndexOf('.');
  const subject = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  const thing = THINGS[subject] ?? subject.replaceAll('-', ' ');
  const v = VERBS[verb];
  if (!v) return action;
  return verb === 'list' && !thing.endsWith('s') ? `${v} ${thing}s` : `${v} ${thing}`;
}

/**
 * The action with the fields it changed, when the entry lists them: "Changed user (status)".
 * @param e - the entry
 */
export function entryWords(e: AuditEntry): string {
  const fields = e.detail?.fields;
  const list = Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
  return list.length > 0 ? `${actionWords(e.action)} (${list.join(', ')})` : actionWords(e.action);
}

/**
 * What an entry is about, without raw ids: the server's label, else the kind of record (one it does not name, or
 * one no longer on file).
 * @param e - the entry
 */
export function recordWords(e: AuditEntry): string {
  if (e.recordLabel) return e.recordLabel;
  if (!e.entityId) return '—';
  const thing = THINGS[e.entity] ?? e.entity.replaceAll('-', ' ');
  return `${thing.charAt(0).toUpperCase()}${thing.slice(1)}`;
}
