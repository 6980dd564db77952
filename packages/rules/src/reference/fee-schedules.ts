import data from '../../data/fee-schedules.json' with { type: 'json' };
import type { FeeScheduleEntry } from '../types.ts';

/** A flat per-unit fee schedule shipped as sample data. */
export interface SampleFeeSchedule {
  entries: FeeScheduleEntry[];
  source: string;
}

/**
 * The illustrative flat schedules (data/fee-schedules.json): published averages for 97530 that vary by
 * region and contract.
 */
export const SAMPLE_FEE_SCHEDULES: Readonly<Record<'medicare' | 'medicaid' | 'commercial', SampleFeeSchedule>> = {
  medicare: {
    entries: data.schedules.medicare.entries,
    source: `data/fee-schedules.json: ${data.schedules.medicare.source}`,
  },
  medicaid: {
    entries: data.schedules.medicaid.entries,
    source: `data/fee-schedules.json: ${data.schedules.medicaid.source}`,
  },
  commercial: {
    entries: data.schedules.commercial.entries,
    source: `data/fee-schedules.json: ${data.schedules.commercial.source}`,
  },
};
