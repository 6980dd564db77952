/**
 * Web app figures (issue 4, "Quality"): the initial JavaScript gzipped against the 250 KB budget, and the time to
 * recompute the visit screen's live results after one keystroke on a visit with ten services, against one
 * 16.7 ms frame at 60 Hz. The recompute is what the screen runs per keystroke (draft → visit, the engine's
 * units, what-if, checks and price, findings merged and sorted); React's render is not included.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Patient } from '@unitwise/rules';
import { type ActivityDraft, draftToVisit, newActivity, type VisitDraft } from '../packages/web/src/visit/draft.ts';
import { mergeFindings } from '../packages/web/src/visit/engine.ts';
import { computeLiveResults, sortFindings } from '../packages/web/src/visit/live-results.ts';
import { EMPTY_TIMER } from '../packages/web/src/visit/timer-machine.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'packages/web/dist');
const BUDGET_BYTES = 250 * 1024;
const FRAME_MS = 1000 / 60;

function initialJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  execFileSync('npm', ['run', 'build', '-w', '@unitwise/web'], { cwd: ROOT, stdio: 'pipe' });
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // The entry script and every chunk it preloads are fetched before the first screen; lazy screens are not.
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(DIST, f.replace(/^\//, '')));
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

const CODES = ['97530', '97110', '97112', '97116', '97140', '97535', '97530', '97110', '97112', '97542'];
const TEXT = 'Sit-to-stand transfers from a 17-inch chair, 3 sets of 5; min assist, verbal cues for hand placement';

function tenServiceDraft(): VisitDraft {
  const activities: ActivityDraft[] = CODES.map((code, i) => ({
    ...newActivity(`a${i}`, code, 'PT'),
    description: TEXT,
    goalIds: ['g1'],
    minutesTyped: 6 + i,
  }));
  return {
    visitId: 'bench',
    patientId: 'p',
    date: '2026-03-02',
    discipline: 'PT',
    noteType: 'daily',
    credential: 'PT',
    timeIn: '09:00',
    timeOut: '11:00',
    response: 'Tolerated well; progressing toward goals.',
    activities,
    timer: EMPTY_TIMER,
    nonBillableTyped: [{ kind: 'rest', minutes: 4 }],
    goalStatus: {},
    updatedAt: 0,
  };
}

const patient: Patient = {
  id: 'p',
  payer: 'medicare',
  plansOfCare: [
    {
      id: 'poc',
      discipline: 'PT',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      certifiedDate: '2026-01-05',
      goals: [{ id: 'g1', text: 'Stand from a chair without hands 5 times in 15 seconds within 6 weeks' }],
      plannedCodes: ['97530', '97110', '97112', '97116', '97140', '97535', '97542'],
    },
  ],
};

function recomputeMs(runs: number): { median: number; p95: number; findings: number } {
  let draft = tenServiceDraft();
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs + 200; i++) {
    // One keystroke: the description of one service grows by a character (the worst case re-analyses text).
    const k = i % 10;
    const a = draft.activities[k] as ActivityDraft;
    draft = {
      ...draft,
      activities: draft.activities.map((x, j) => (j === k ? { ...a, description: `${TEXT} ${'x'.repeat(i % 7)}` } : x)),
    };
    const t0 = performance.now();
    const live = computeLiveResults(draftToVisit(draft, 0), { patient });
    findings = sortFindings(mergeFindings(live.findings, [])).length;
    const dt = performance.now() - t0;
    if (i >= 200) times.push(dt);
  }
  times.sort((x, y) => x - y);
  return {
    median: times[Math.floor(times.length / 2)] ?? 0,
    p95: times[Math.floor(times.length * 0.95)] ?? 0,
    findings,
  };
}

const js = initialJs();
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `initial JS (${js.files.length} file${js.files.length === 1 ? '' : 's'}): ${kb(js.gzipBytes)} gzipped (${kb(js.rawBytes)} raw); budget ${kb(BUDGET_BYTES)}: ${js.gzipBytes <= BUDGET_BYTES ? 'within' : 'OVER'}`,
);
const r = recomputeMs(2000);
// Tails on a shared machine follow its load; the median is the figure to compare.
console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`);
console.log(
  `live results, visit with 10 services, one keystroke: median ${r.median.toFixed(3)} ms, p95 ${r.p95.toFixed(3)} ms over 2000 runs (${r.findings} findings); one frame ${FRAME_MS.toFixed(1)} ms: ${r.median <= FRAME_MS ? 'within' : 'OVER'}`,
);
if (js.gzipBytes > BUDGET_BYTES || r.median > FRAME_MS) process.exitCode = 1;
