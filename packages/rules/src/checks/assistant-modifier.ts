import { isAssistantCredential } from '../identifiers/credential.ts';
import { article } from '../text/plural.ts';
import { CITE, hasModifier } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * Minutes of a service furnished by an assistant: `assistantMinutes` when given, else all of it when the
 * provider is an assistant.
 * @param minutes - the service's minutes
 * @param assistantMinutes - the assistant's part, if documented
 * @param credential - the provider's credential
 */
export function assistantShare(
  minutes: number | undefined,
  assistantMinutes: number | undefined,
  credential: string,
): { assistant: number; total: number } {
  const total = minutes ?? 0;
  if (assistantMinutes !== undefined) return { assistant: assistantMinutes, total };
  return { assistant: isAssistantCredential(credential) ? total : 0, total };
}

/**
 * assistant-modifier: CQ (PTA, with GP) or CO (OTA, with GO) missing when an assistant furnished more than
 * 10% of a service's minutes, or present when not (SSA §1834(v); CMS CQ/CO billing examples; rules.md
 * §3.2: de minimis per service, timed and untimed). A service with no minutes furnished by an assistant
 * counts as wholly theirs. SLP assistants have no such modifier. Judged where the payer requires CQ/CO.
 * @param ctx - the check context
 */
export function checkAssistantModifier(ctx: CheckContext): void {
  if (!ctx.policy?.documentation.requiresAssistantModifier) return;
  const v = ctx.visit;
  const mod = v.discipline === 'PT' ? 'CQ' : v.discipline === 'OT' ? 'CO' : undefined;
  const wrong = v.discipline === 'PT' ? 'CO' : v.discipline === 'OT' ? 'CQ' : undefined;
  for (let i = 0; i < v.services.length; i++) {
    const s = v.services[i];
    if (!s) continue;
    const { assistant, total } = assistantShare(s.minutes, s.assistantMinutes, v.provider.credential);
    const needs =
      mod !== undefined &&
      (total > 0 ? assistant * 10 > total : assistant > 0 || isAssistantCredential(v.provider.credential));
    const has = mod !== undefined && hasModifier(s.modifiers, mod);
    if (wrong && hasModifier(s.modifiers, wrong)) {
      report(
        ctx,
        'assistant-modifier',
        'error',
        `${s.code} carries ${wrong} on ${article(v.discipline)} ${v.discipline} visit: ${wrong === 'CQ' ? 'CQ goes with GP (PTA)' : 'CO goes with GO (OTA)'}. ${needs ? `Use ${mod}` : 'Remove it'}.`,
        CITE.assistant,
        i,
      );
      continue;
    }
    if (needs && !has) {
      const share = total > 0 ? ` (${assistant} of ${total} minutes, more than 10%)` : '';
      report(
        ctx,
        'assistant-modifier',
        'error',
        `${s.code} was furnished in part or whole by an assistant${share} but lacks ${mod}. Add ${mod} (paid at 85%), or correct the assistant minutes if the therapist furnished it.`,
        CITE.assistant,
        i,
      );
    } else if (has && !needs) {
      report(
        ctx,
        'assistant-modifier',
        'warning',
        `${s.code} carries ${mod}, but the assistant furnished ${assistant} of its ${total} minutes (10% or less). Remove ${mod}: it cuts the payment to 85% when the therapist furnished the service.`,
        CITE.assistant,
        i,
      );
    }
  }
}
