import { type AuditSummary, addToSummary, type InputError, type VisitAudit } from '@unitwise/rules';

/** Per-rule counts by severity, for the table and HTML reports. */
export interface RuleTally {
  error: number;
  warning: number;
  info: number;
  /** Visits with at least one finding of this rule. */
  visitCount: number;
  /** The first of them (at most `EXAMPLES_PER_RULE`). */
  visits: string[];
  /** The visit counted last (internal). */
  last: VisitAudit | undefined;
}

/** Visits listed per rule in reports; bounded so memory does not grow with the file. */
export const EXAMPLES_PER_RULE = 20;
/** Input errors listed in full; more are counted. Bounded for the same reason. */
export const MAX_LISTED_INPUT_ERRORS = 1000;

/** Running totals over audited visits and input errors, in constant memory. */
export class AuditTally {
  readonly summary: AuditSummary = { visits: 0, errors: 0, warnings: 0, byRule: {} };
  readonly rules = new Map<string, RuleTally>();
  readonly inputErrors: InputError[] = [];
  inputErrorCount = 0;
  /** Sum of the visits' estimates (allowed amounts), for the reports. */
  totalCents = 0;

  /**
   * Counts one audited visit's findings (the summary by the engine's own `addToSummary`).
   * @param visit - the audited visit
   */
  addVisit(visit: VisitAudit): void {
    addToSummary(this.summary, visit);
    this.totalCents += visit.estimate.totalCents;
    for (const f of visit.findings) {
      let t = this.rules.get(f.rule);
      if (!t) {
        t = { error: 0, warning: 0, info: 0, visitCount: 0, visits: [], last: undefined };
        this.rules.set(f.rule, t);
      }
      t[f.severity] += 1;
      // Findings of one visit come together, so comparing with the last visit counts each visit once.
      if (t.last !== visit) {
        t.last = visit;
        t.visitCount += 1;
        if (t.visits.length < EXAMPLES_PER_RULE) t.visits.push(visit.id);
      }
    }
  }

  /**
   * Records input errors, keeping the first `MAX_LISTED_INPUT_ERRORS`.
   * @param errors - problems found in the input
   */
  addInputErrors(errors: readonly InputError[]): void {
    for (const e of errors) {
      this.inputErrorCount += 1;
      if (this.inputErrors.length < MAX_LISTED_INPUT_ERRORS) this.inputErrors.push(e);
    }
  }

  /** The input errors for the report: the listed ones, and a last entry counting the rest. */
  listedInputErrors(): InputError[] {
    const more = this.inputErrorCount - this.inputErrors.length;
    if (more <= 0) return this.inputErrors;
    return [...this.inputErrors, { where: '(more)', message: `${more} more input errors not listed` }];
  }

  /** Exit status: 2 input errors, 1 an error-severity finding, 0 clean (design.md, CLI contract). */
  exitCode(): number {
    if (this.inputErrorCount > 0) return 2;
    return this.summary.errors > 0 ? 1 : 0;
  }
}
