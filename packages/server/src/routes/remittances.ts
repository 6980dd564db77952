import { denialCause, explainCarc, explainGroup, explainRarc } from '@unitwise/edi';
import type { RemittanceDetail } from '@unitwise/store';
import { postRemittanceFile } from '../billing/index.ts';
import { notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { DenialQuery, RemittanceBody } from '../schemas/claims.ts';
import { IdParams, PageQuery } from '../schemas/common.ts';
import { claimsOf } from './claims-settings.ts';
import { matchRemit, previewBody } from './remittances-post.ts';

/** A stored remittance with the plain words for every adjustment and remark. */
function explained(r: RemittanceDetail) {
  const adj = (a: RemittanceDetail['claims'][number]['adjustments'][number]) => ({
    ...a,
    groupText: explainGroup(a.group),
    explanation: explainCarc(a.reason),
  });
  return {
    ...r,
    claims: r.claims.map((c) => ({
      ...c,
      adjustments: c.adjustments.map(adj),
      lines: c.lines.map((l) => ({
        ...l,
        adjustments: l.adjustments.map(adj),
        remarks: l.remarks.map((code) => ({ code, explanation: explainRarc(code) })),
      })),
    })),
  };
}

/** What a stored remittance posted and what it did not, with each unmatched claim's reason in plain words. */
function outcome(r: RemittanceDetail) {
  const posted = r.claims.filter((c) => c.claimId !== null && !c.unmatchedReason);
  const unmatched = r.claims.filter((c) => c.claimId === null || c.unmatchedReason);
  const sum = (list: typeof r.claims) => list.reduce((t, c) => t + c.paidCents, 0);
  return {
    posted: { claims: posted.length, paidCents: sum(posted) },
    notPosted: { claims: unmatched.length, paidCents: sum(unmatched) },
    unmatched: unmatched.map((c) => ({
      claimNumber: c.claimNumber,
      reason: c.unmatchedReason ?? 'unknown-claim',
      message: c.unmatchedMessage ?? `No claim numbered ${c.claimNumber} was sent by this clinic.`,
      paidCents: c.paidCents,
    })),
  };
}

/** 835 remittances: preview, post (once per payment), list, read, and the denial report. */
export const remittanceRoutes: RouteDef[] = [
  defineRoute({
    id: 'remittances.preview',
    method: 'POST',
    path: '/api/v1/remittances/preview',
    summary: 'Read an 835 and show balancing, matched claims and lines, variances and reasons; writes nothing',
    tag: 'remittances',
    access: 'billingWrite',
    body: RemittanceBody,
    status: 200,
    async handler({ body, principal, deps, audit }) {
      const m = await matchRemit(claimsOf(deps), principal.clinicId, body.text);
      await audit({
        action: 'remittance.preview',
        entity: 'remittance',
        detail: { claims: m.posting.claims.length, balanced: m.remit.balanced, willPost: m.posting.willPost.claims },
      });
      return { body: previewBody(m) };
    },
  }),
  defineRoute({
    id: 'remittances.post',
    method: 'POST',
    path: '/api/v1/remittances',
    summary:
      'Post an 835: refused (422) unless it balances; only claims that match post, the others are listed with the reason; one payment posts once whatever its bytes (200 with the first)',
    tag: 'remittances',
    access: 'billingWrite',
    body: RemittanceBody,
    status: 201,
    async handler({ body, principal, deps, audit }) {
      const r = await postRemittanceFile(deps, principal.clinicId, principal.userId, body.text, body.fileName, audit);
      if (r.duplicate) return { status: 200, body: { ...explained(r.detail), ...outcome(r.detail), duplicate: true } };
      return {
        status: r.created ? 201 : 200,
        body: {
          ...explained(r.detail),
          ...outcome(r.detail),
          duplicate: !r.created,
          variances: r.matched.posting.variances,
          denials: r.matched.posting.denials,
        },
      };
    },
  }),
  defineRoute({
    id: 'remittances.list',
    method: 'GET',
    path: '/api/v1/remittances',
    summary: 'Posted remittances, newest first',
    tag: 'remittances',
    access: 'clinicalRead',
    query: PageQuery,
    status: 200,
    async handler({ query, principal, deps }) {
      const page = await claimsOf(deps).listRemittances(principal.clinicId, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { body: { items: page.items, next: page.nextCursor } };
    },
  }),
  defineRoute({
    id: 'remittances.get',
    method: 'GET',
    path: '/api/v1/remittances/:id',
    summary: 'One posted remittance: claims, lines, adjustments and remarks in plain words',
    tag: 'remittances',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const r = await claimsOf(deps).getRemittance(principal.clinicId, params.id);
      if (!r) throw notFound('remittance');
      await audit({
        action: 'remittance.read',
        entity: 'remittance',
        entityId: r.id,
        detail: { claims: r.claims.length },
      });
      return { body: explained(r) };
    },
  }),
  defineRoute({
    id: 'reports.denials',
    method: 'GET',
    path: '/api/v1/reports/denials',
    summary: 'Denied money by reason (CARC and the rule that should have caught it), payer and provider',
    tag: 'remittances',
    access: 'clinicalRead',
    query: DenialQuery,
    status: 200,
    async handler({ query, principal, deps }) {
      const rows = await claimsOf(deps).denials(principal.clinicId, {
        ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
        ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
      });
      const items = rows.map((r) => ({ ...r, explanation: explainCarc(r.reason), cause: denialCause(r.reason) }));
      const sum = (key: (r: (typeof items)[number]) => string) => {
        const out: Record<string, { lines: number; amountCents: number }> = {};
        for (const r of items) {
          const k = key(r);
          const t = out[k] ?? { lines: 0, amountCents: 0 };
          t.lines += r.lines;
          t.amountCents += r.amountCents;
          out[k] = t;
        }
        return out;
      };
      return {
        body: {
          items,
          byRule: sum((r) => r.cause.rule ?? r.cause.category),
          byPayer: sum((r) => r.payerId),
          byProvider: sum((r) => r.providerNpi),
          totalCents: items.reduce((t, r) => t + r.amountCents, 0),
        },
      };
    },
  }),
];
