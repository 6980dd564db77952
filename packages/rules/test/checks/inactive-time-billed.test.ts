import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, withService } from './fixtures.ts';

const fires = [
  'Squat to retrieve 10 lb box from floor x8 with SBA; rest breaks included',
  'Lifting 15 lb crate waist to shelf x10 with CGA, hot pack while waiting for the next station',
  'Sit to stand x10 with min A including seated rest',
  'Step over obstacles x6 with CGA; setup time for the course',
  'Rest breaks and setup between exercises',
  'Reaching to overhead shelf x12 with SBA, then documentation time',
];
// Plain preparation, fetching, waiting and paperwork wording, not only the word "setup" (issue 15).
const plain = [
  'Sit to stand x10 with CGA; minutes include preparing the treatment area',
  'Leg press 3x10; time includes getting the equipment ready and wiping down the machine',
  'Gait 300 ft with SPC, SBA; includes fetching a walker from storage',
  'Tandem stance 3x30 s with CGA; waited 5 min for a free treatment room, counted',
  'Reaching task x12 with SBA; minutes include writing the daily note',
];
// Assistance levels (FIM / Section GG) that share a word with preparation are help the patient needed.
const assistance = [
  'Grooming at sink, setup assist for opening containers, CGA for standing balance',
  'Self-feeding with built-up spoon, independent after setup, cues to pace bites',
  'LB dressing with reacher, setup and supervision, 1 cue for hip precautions',
  'Toilet transfer x3 with stand-by assist; contact guard for clothing management',
  'Showering on tub bench, setup or clean-up assistance only, min A for feet',
];
const clean = [
  'Sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement',
  'Carrying 10 lb basket 50 ft with SBA; rest breaks excluded from billed time',
  'Floor to waist lift 5 lb x8 with CGA, rest periods not billed',
];

describe('inactive-time-billed', () => {
  it.each(fires)('fires on "%s"', (description) => {
    const f = findingsOf('inactive-time-billed', withService(cleanVisit(), 0, { description }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ service: 0, severity: 'warning' });
  });

  it.each(plain)('fires on plain preparation wording "%s" and quotes it', (description) => {
    const f = findingsOf('inactive-time-billed', withService(cleanVisit(), 0, { description }));
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toMatch(/include time that was not treatment \(".+"\)/);
  });

  it.each(assistance)('does not read an assistance level as setup time: "%s"', (description) => {
    expect(findingsOf('inactive-time-billed', withService(cleanVisit(), 0, { description }))).toEqual([]);
  });

  it.each(clean)('does not fire on "%s"', (description) => {
    expect(findingsOf('inactive-time-billed', withService(cleanVisit(), 0, { description }))).toEqual([]);
  });

  it('does not judge untimed codes (unattended e-stim is the service itself)', () => {
    const v = cleanVisit({
      services: [
        ...cleanVisit().services,
        { code: 'G0283', modifiers: ['GP'], goalIds: ['g1'], description: 'Unattended IFC to lumbar spine 15 min' },
      ],
    });
    expect(findingsOf('inactive-time-billed', v)).toEqual([]);
  });
});
