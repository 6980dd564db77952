/**
 * The EDI benchmark (issue 5, "Benchmark"): generates a BENCH_EDI_MB (default 50) MB 835 remittance
 * deterministically into a temp file, then for BENCH_RUNS runs (default 3) measures on one core:
 *   (a) our 835 read, streaming (tokenizer + claims, lines, adjustments + the three balancing checks), MB/s;
 *   (b) node-x12's streaming parser (X12Parser as a Transform) on the same file: segments only, no 835 model;
 *   (c) 837P writing: our Claim837Writer from Claim objects vs node-x12's X12Generator.toString on the same
 *       segments handed over ready-made (its input form: JS EDI notation), claims/s.
 * Prints medians, ratios (target >= 5x node-x12 on both) with PASS/FAIL, and the peak RSS after reading a
 * fifth of the file and after the whole file, to show memory does not grow with the file.
 */

import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Claim, Claim837Writer, type ClaimBatch, read835Stream, tokenize } from '@unitwise/edi';
import { JSEDINotation, X12Generator, X12Parser } from 'node-x12';
import { CODES, generate835, rng } from './edi-generate.ts';

const MB = Number(process.env.BENCH_EDI_MB ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLAIMS_837 = Number(process.env.BENCH_EDI_CLAIMS ?? 10_000);
const TARGET = 5;
const CHUNK = 256 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function ours835(file: string): Promise<{ ms: number; claims: number; balanced: boolean }> {
  const t = performance.now();
  let claims = 0;
  const r = await read835Stream(createReadStream(file, { highWaterMark: CHUNK }), { onClaim: () => claims++ });
  return { ms: performance.now() - t, claims, balanced: r.balanced && r.errors.length === 0 };
}

function nodeX12_835(file: string): Promise<{ ms: number; segments: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    let segments = 0;
    const parser = new X12Parser(false);
    createReadStream(file, { highWaterMark: CHUNK })
      .pipe(parser)
      .on('data', () => segments++)
      .on('end', () => resolve({ ms: performance.now() - t, segments }))
      .on('error', reject);
  });
}

// ---------------------------------------------------------------- 837P data
function makeClaims(n: number): Claim[] {
  const rand = rng(837);
  const out: Claim[] = [];
  for (let i = 0; i < n; i++) {
    const id = `UW${String(i + 1).padStart(8, '0')}`;
    const nLines = 1 + Math.floor(rand() * 4);
    out.push({
      claimId: id,
      frequency: '1',
      placeOfService: '11',
      diagnoses: ['M25.561', 'M62.81'],
      subscriber: {
        memberId: String(100000000 + i),
        lastName: 'PATIENT',
        firstName: 'TEST',
        birthDate: '1950-01-01',
        sex: 'F',
        address: { line1: '1 Elm St', city: 'Anytown', state: 'NY', zip: '12345' },
        filingIndicator: 'MB',
      },
      payer: { name: 'Example MAC', id: '12345' },
      rendering: { npi: '1987654328', lastName: 'Lee', firstName: 'Jordan', taxonomy: '225100000X' },
      lines: Array.from({ length: nLines }, (_, l) => {
        const [code, rate] = CODES[Math.floor(rand() * CODES.length)] as (typeof CODES)[number];
        const units = 1 + Math.floor(rand() * 3);
        return {
          code,
          modifiers: rand() < 0.3 ? ['GP', 'CQ', 'KX'] : ['GP'],
          chargeCents: rate * units,
          units,
          diagnosisPointers: [1, 2],
          dateOfService: '2025-01-06',
          controlNumber: `${id}-${l + 1}`,
        };
      }),
    });
  }
  return out;
}

const HEADER: Omit<ClaimBatch, 'claims'> = {
  submitter: { name: 'Example PT Clinic', id: 'UNITWISE01', contactName: 'Billing Office', phone: '5555550100' },
  receiver: { name: 'Example MAC', id: 'MAC12345' },
  billingProvider: {
    name: 'Example PT Clinic',
    npi: '1234567893',
    taxId: '123456789',
    address: { line1: '100 Main St', city: 'Anytown', state: 'NY', zip: '123450001' },
    taxonomy: '225100000X',
  },
  envelope: { interchangeControl: 1, groupControl: 1, createdAt: '2025-01-10T12:00:00Z', usage: 'P' },
};

function ours837(claims: Claim[]): { ms: number; text: string } {
  const t = performance.now();
  const w = new Claim837Writer(HEADER);
  const parts: string[] = [w.begin()];
  for (const c of claims) parts.push(w.claim(c));
  parts.push(w.end());
  const text = parts.join('');
  return { ms: performance.now() - t, text };
}

/** node-x12's input for the same file: JS EDI notation built from our segments (not timed). */
function toJsen(text: string): JSEDINotation {
  const segs = tokenize(text).segments;
  const isa = segs[0] as string[];
  const jsen = new JSEDINotation(isa.slice(1), {
    elementDelimiter: '*',
    segmentTerminator: '~',
    subElementDelimiter: ':',
    repetitionDelimiter: '^',
    endOfLine: '',
    format: false,
  });
  let group: ReturnType<JSEDINotation['addFunctionalGroup']> | undefined;
  let txn: ReturnType<NonNullable<typeof group>['addTransaction']> | undefined;
  for (const s of segs.slice(1)) {
    const tag = s[0] as string;
    if (tag === 'GS') group = jsen.addFunctionalGroup(s.slice(1));
    else if (tag === 'ST') txn = group?.addTransaction(s.slice(1));
    else if (tag === 'SE' || tag === 'GE' || tag === 'IEA') continue;
    else txn?.addSegment(tag, s.slice(1));
  }
  return jsen;
}

function nodeX12_837(jsen: JSEDINotation): { ms: number; text: string } {
  const t = performance.now();
  const text = new X12Generator(jsen, {
    elementDelimiter: '*',
    segmentTerminator: '~',
    subElementDelimiter: ':',
    repetitionDelimiter: '^',
    endOfLine: '',
    format: false,
  }).toString();
  return { ms: performance.now() - t, text };
}

// ---------------------------------------------------------------- run
// The memory probe runs with the old-space heap capped: a reader whose memory grew with the file would die.
const HEAP_CAP_MB = 32;

/** Peak RSS (MB) of a fresh process, heap capped, that only streams `file` through our 835 reader. */
function peakRssOfRead(file: string): number {
  const args = [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', fileURLToPath(import.meta.url)];
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, EDI_BENCH_MEMORY_FILE: file },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`memory probe failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'uw-edi-bench-'));
  try {
    const small = path.join(dir, 'small.835');
    const big = path.join(dir, 'remit.835');
    let t = performance.now();
    generate835(small, (MB * 1e6) / 5);
    const gBig = generate835(big, MB * 1e6);
    const sizeMb = statSync(big).size / 1e6;
    const smallMb = statSync(small).size / 1e6;
    process.stderr.write(
      `generated a ${fmt(sizeMb, 1)} MB 835 (${fmt(gBig.claims)} claims) and a ${fmt(smallMb, 1)} MB one in ${fmt((performance.now() - t) / 1000, 1)} s\n`,
    );

    // Memory: each file read in its own fresh process, so the peak belongs to the read alone.
    const rssSmall = peakRssOfRead(small);
    const rssBig = peakRssOfRead(big);

    // One uncounted warm-up each, on the small file, so the JIT is warm for both.
    await ours835(small);
    await nodeX12_835(small);
    const oursRates: number[] = [];
    const peerRates: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const r = await ours835(big);
      if (!r.balanced || r.claims !== gBig.claims)
        throw new Error('our reader did not read the generated file as balanced');
      oursRates.push(sizeMb / (r.ms / 1000));
      const p = await nodeX12_835(big);
      peerRates.push(sizeMb / (p.ms / 1000));
      process.stderr.write(
        `run ${run}/${RUNS}: 835 read ours ${fmt(sizeMb / (r.ms / 1000), 1)} MB/s, node-x12 ${fmt(sizeMb / (p.ms / 1000), 1)} MB/s (${fmt(p.segments)} segments)\n`,
      );
    }

    // 837P writing.
    t = performance.now();
    const claims = makeClaims(CLAIMS_837);
    const sample = ours837(claims.slice(0, 50)).text;
    const same =
      JSON.stringify(tokenize(nodeX12_837(toJsen(sample)).text).segments) === JSON.stringify(tokenize(sample).segments);
    const jsen = toJsen(ours837(claims).text);
    ours837(claims.slice(0, 2000));
    nodeX12_837(toJsen(ours837(claims.slice(0, 500)).text));
    process.stderr.write(
      `prepared ${fmt(CLAIMS_837)} claims and node-x12's notation in ${fmt((performance.now() - t) / 1000, 1)} s; node-x12 writes the same segments: ${same}\n`,
    );
    const w1: number[] = [];
    const w2: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const a = ours837(claims);
      const b = nodeX12_837(jsen);
      w1.push(CLAIMS_837 / (a.ms / 1000));
      w2.push(CLAIMS_837 / (b.ms / 1000));
      process.stderr.write(
        `run ${run}/${RUNS}: 837P write ours ${fmt(w1[w1.length - 1] as number)} claims/s, node-x12 ${fmt(w2[w2.length - 1] as number)} claims/s\n`,
      );
    }

    const readRatio = median(oursRates) / median(peerRates);
    const writeRatio = median(w1) / median(w2);
    const lines = [
      `edi benchmark: ${fmt(sizeMb, 1)} MB 835 (${fmt(gBig.claims)} claims), ${fmt(CLAIMS_837)} 837P claims, ${RUNS} runs, medians (Node ${process.version})`,
      `  835 read, ours (stream: tokenize + claims/lines/adjustments + balancing)  ${fmt(median(oursRates), 1).padStart(8)} MB/s`,
      `  835 read, node-x12 (stream parser, segments only)                        ${fmt(median(peerRates), 1).padStart(8)} MB/s`,
      `    ratio ${fmt(readRatio, 1)}x (target >= ${TARGET}x) ${readRatio >= TARGET ? 'PASS' : 'FAIL'}`,
      `  837P write, ours (from Claim objects to text)                            ${fmt(median(w1)).padStart(8)} claims/s`,
      `  837P write, node-x12 (X12Generator.toString; segments handed over)       ${fmt(median(w2)).padStart(8)} claims/s`,
      `    ratio ${fmt(writeRatio, 1)}x (target >= ${TARGET}x) ${writeRatio >= TARGET ? 'PASS' : 'FAIL'}; node-x12 output has the same segments: ${same}`,
      `  peak RSS of a process streaming the file through our reader, V8 old space capped at ${HEAP_CAP_MB} MB: ${fmt(rssSmall)} MB for ${fmt(smallMb, 1)} MB, ${fmt(rssBig)} MB for ${fmt(sizeMb, 1)} MB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const probe = process.env.EDI_BENCH_MEMORY_FILE;
if (probe) {
  await ours835(probe);
  process.stdout.write(`${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
} else await main();
