/**
 * The audit benchmark (issue 2, "Benchmark"): generates BENCH_VISITS (default 1,000,000) realistic visits
 * deterministically as JSON text lines, then, for BENCH_RUNS runs (default 5), measures on one core:
 *   (a) JSON.parse of every visit line, the floor any audit must pay;
 *   (b) the full audit of the parsed visits: units, every check, pricing (the auditor's bulk options:
 *       no explanation sentences or what-ifs, as `unitwise audit` runs);
 *   (c) schema validation of the parsed visits (parseVisit: a fast path, zod for the rest, as the CLI does).
 * Prints medians in visits/s by CPU time of the process and by wall-clock time, and the ratio audit/JSON.parse
 * throughput by CPU time (target >= 0.5), PASS or FAIL.
 * Visits are handled in batches so only one batch of parsed objects is alive at a time.
 */
import { auditOptions, createAuditor, type Patient, parseVisit, type Visit } from '@unitwise/rules';
import { generateVisits } from './generate-visits.ts';

const TOTAL = Number(process.env.BENCH_VISITS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 20_000;
const TARGET = 0.5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// ---- generate (not timed)
const t0 = performance.now();
const patientLines: string[] = [];
const batches: string[][] = [];
let current: string[] = [];
let bytes = 0;
for (const { patient, visits } of generateVisits({ visits: TOTAL })) {
  patientLines.push(JSON.stringify(patient));
  for (const v of visits) {
    const line = JSON.stringify(v);
    bytes += line.length + 1;
    current.push(line);
    if (current.length === BATCH) {
      batches.push(current);
      current = [];
      process.stderr.write(`\rgenerating ${fmt(batches.length * BATCH)} / ${fmt(TOTAL)} visits`);
    }
  }
}
if (current.length) batches.push(current);
const patients: Patient[] = patientLines.map((l) => JSON.parse(l) as Patient);
process.stderr.write(
  `\rgenerated ${fmt(TOTAL)} visits of ${fmt(patients.length)} patients (${(bytes / 1e6).toFixed(0)} MB of JSON) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);

// ---- measure
// Two clocks per section: CPU time of this process (`process.cpuUsage`, user + system), steady on a shared
// machine because time spent waiting for a core is not counted; and wall-clock time, as a user would see it.
// The PASS/FAIL ratio uses CPU time.
/** CPU milliseconds (user + system) used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const parseRates: number[] = [];
const auditRates: number[] = [];
const validateRates: number[] = [];
const pipelineRates: number[] = [];
const ratios: number[] = [];
const wallParseRates: number[] = [];
const wallAuditRates: number[] = [];
const wallRatios: number[] = [];
let findings = 0;
let invalid = 0;
for (let run = 1; run <= RUNS; run++) {
  const auditor = createAuditor({ patients, options: auditOptions.bulk });
  let parseMs = 0;
  let auditMs = 0;
  let validateMs = 0;
  let wallParseMs = 0;
  let wallAuditMs = 0;
  findings = 0;
  invalid = 0;
  for (let b = 0; b < batches.length; b++) {
    const lines = batches[b] as string[];
    const parsed: Visit[] = new Array(lines.length);
    let w = performance.now();
    let c = cpuMs();
    for (let i = 0; i < lines.length; i++) parsed[i] = JSON.parse(lines[i] as string) as Visit;
    parseMs += cpuMs() - c;
    wallParseMs += performance.now() - w;

    c = cpuMs();
    for (let i = 0; i < parsed.length; i++) if (parseVisit(parsed[i], 'v').errors.length) invalid++;
    validateMs += cpuMs() - c;

    w = performance.now();
    c = cpuMs();
    for (let i = 0; i < parsed.length; i++) findings += auditor.auditVisit(parsed[i] as Visit).findings.length;
    auditMs += cpuMs() - c;
    wallAuditMs += performance.now() - w;
    if (b % 5 === 4) process.stderr.write(`\rrun ${run}/${RUNS}: ${fmt((b + 1) * BATCH)} visits`);
  }
  const perSec = (ms: number) => (TOTAL / ms) * 1000;
  parseRates.push(perSec(parseMs));
  auditRates.push(perSec(auditMs));
  validateRates.push(perSec(validateMs));
  pipelineRates.push(perSec(parseMs + validateMs + auditMs));
  ratios.push(parseMs / auditMs);
  wallParseRates.push(perSec(wallParseMs));
  wallAuditRates.push(perSec(wallAuditMs));
  wallRatios.push(wallParseMs / wallAuditMs);
  process.stderr.write(
    `\rrun ${run}/${RUNS} (CPU time): parse ${fmt(perSec(parseMs))}/s, audit ${fmt(perSec(auditMs))}/s, validate ${fmt(perSec(validateMs))}/s, ratio ${(parseMs / auditMs).toFixed(2)}; wall-clock ratio ${(wallParseMs / wallAuditMs).toFixed(2)}\n`,
  );
}

const ratio = median(ratios);
const lines = [
  `audit benchmark: ${fmt(TOTAL)} visits, ${RUNS} runs, medians, one core (Node ${process.version})`,
  '  by CPU time of the process (process.cpuUsage, user + system):',
  `  (a) JSON.parse                       ${fmt(median(parseRates)).padStart(12)} visits/s`,
  `  (b) audit (units, checks, pricing)   ${fmt(median(auditRates)).padStart(12)} visits/s   (${fmt(findings)} findings in the last run)`,
  `  (c) schema validation (parseVisit)   ${fmt(median(validateRates)).padStart(12)} visits/s   (${fmt(invalid)} invalid)`,
  `      parse + validate + audit         ${fmt(median(pipelineRates)).padStart(12)} visits/s`,
  '  by wall-clock time (performance.now; includes waiting for a core on a shared machine):',
  `  (a) JSON.parse                       ${fmt(median(wallParseRates)).padStart(12)} visits/s`,
  `  (b) audit (units, checks, pricing)   ${fmt(median(wallAuditRates)).padStart(12)} visits/s`,
  `  wall-clock ratio audit / JSON.parse: ${median(wallRatios).toFixed(2)}`,
  `  ratio audit / JSON.parse (CPU time): ${ratio.toFixed(2)} (target >= ${TARGET}) ${ratio >= TARGET ? 'PASS' : 'FAIL'}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
