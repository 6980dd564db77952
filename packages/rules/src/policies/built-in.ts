import { SAMPLE_FEE_SCHEDULES } from '../reference/fee-schedules.ts';
import type { DocumentationRules, PayerPolicy } from '../types.ts';

/** Medicare Part B outpatient therapy documentation rules (rules.md §3, §4). */
const MEDICARE_DOCS: DocumentationRules = {
  progressReportEveryTreatmentDays: 10, // Pub. 100-02 Ch. 15 §220.3 D (rules.md §4.3)
  certificationWithinDays: 30, // Pub. 100-02 Ch. 15 §220.1.3 (rules.md §4.4)
  requiresDisciplineModifier: true, // GP/GO/GN, Pub. 100-04 Ch. 5 §20.1 (rules.md §3.1)
  requiresAssistantModifier: true, // CQ/CO on claims from 1 Jan 2020, SSA §1834(v) (rules.md §3.2)
  requiresTotalMinutes: true, // Pub. 100-02 Ch. 15 §220.3 E (rules.md §4.1)
  appliesKxThreshold: true, // SSA §1833(g), BBA 2018 (rules.md §3.3)
  appliesNcci: true, // NCCI PTP and MUE (rules.md §2.2, §2.4)
};

/** Before 2020 the CQ/CO modifiers did not exist (rules.md §3.2). */
const MEDICARE_DOCS_2019: DocumentationRules = { ...MEDICARE_DOCS, requiresAssistantModifier: false };

/** A plan that follows no Medicare documentation timetable of its own; checks stay advisory. */
const PLAN_DOCS: DocumentationRules = {
  progressReportEveryTreatmentDays: null,
  certificationWithinDays: null,
  requiresDisciplineModifier: false,
  requiresAssistantModifier: false,
  requiresTotalMinutes: true,
  appliesKxThreshold: false,
  appliesNcci: false,
};

const MPFS_SOURCE =
  'Medicare PFS: RVUs x GPCI x CF (rules.md §5.1), MPPR 50% of PE after the first unit (rules.md §3.4 [S62 NGS]), CQ/CO 85% SSA §1834(v) (rules.md §3.2)';

/**
 * The built-in payer policies as effective-dated versions. Which method a Medicaid or commercial plan uses is
 * plan-specific (rules.md §1.6): these are defaults a case file may override by id.
 */
export const BUILT_IN_POLICIES: PayerPolicy[] = [
  {
    id: 'medicare',
    name: 'Medicare Part B',
    versions: [
      {
        effectiveFrom: '2000-01-01',
        effectiveTo: '2019-12-31',
        unitMethod: 'cms',
        documentation: MEDICARE_DOCS_2019,
        pricing: { kind: 'mpfs', source: MPFS_SOURCE },
        coinsurancePercent: 20,
        source:
          'Pub. 100-04 Ch. 5 §20.2 (8-minute rule), Pub. 100-02 Ch. 15 §220 (documentation), 20% Part B coinsurance (rules.md §5.1 [S84])',
      },
      {
        effectiveFrom: '2020-01-01',
        unitMethod: 'cms',
        documentation: MEDICARE_DOCS,
        pricing: { kind: 'mpfs', source: MPFS_SOURCE },
        coinsurancePercent: 20,
        source:
          'Pub. 100-04 Ch. 5 §20.2 (8-minute rule), Pub. 100-02 Ch. 15 §220 (documentation), CQ/CO required from 1 Jan 2020 (rules.md §3.2), 20% Part B coinsurance (rules.md §5.1 [S84])',
      },
    ],
  },
  {
    id: 'medicaid',
    name: 'Medicaid (illustrative)',
    versions: [
      {
        effectiveFrom: '2000-01-01',
        unitMethod: 'cms',
        documentation: { ...PLAN_DOCS, requiresDisciplineModifier: true },
        pricing: {
          kind: 'flat',
          schedule: SAMPLE_FEE_SCHEDULES.medicaid.entries,
          source: SAMPLE_FEE_SCHEDULES.medicaid.source,
        },
        coinsurancePercent: 0,
        source:
          'Many state Medicaid plans follow the CMS 8-minute rule (shared/design.md); method and fees vary by state: override in the case file',
      },
    ],
  },
  {
    id: 'commercial',
    name: 'Commercial plan (illustrative)',
    versions: [
      {
        effectiveFrom: '2000-01-01',
        unitMethod: 'ama',
        documentation: PLAN_DOCS,
        pricing: {
          kind: 'flat',
          schedule: SAMPLE_FEE_SCHEDULES.commercial.entries,
          source: SAMPLE_FEE_SCHEDULES.commercial.source,
        },
        coinsurancePercent: 0,
        source:
          'AMA/CPT per-code midpoint convention used by many commercial plans (rules.md §1.6); plan-specific: override in the case file',
      },
    ],
  },
];
