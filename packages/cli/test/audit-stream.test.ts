import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVisits } from '../../../bench/generate-visits.ts';
import { runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'unitwise-stream-'));

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(r));
}

/** Samples this process's resident memory while `work` runs; returns the peak in MB. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await work();
    return { result, peakMb: Math.round(peak / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

describe('unitwise audit streams large inputs', () => {
  it('50,000 visits of JSONL to a JSON report: every visit reported, valid JSON', async () => {
    const N = 50_000;
    const input = join(dir, 'visits.jsonl');
    await writeLines(
      input,
      (function* () {
        for (const { patient, visits } of generateVisits({ visits: N, seed: 7 })) {
          yield JSON.stringify({ patients: [patient] });
          for (const v of visits) yield JSON.stringify({ visits: [v] });
        }
      })(),
    );
    const out = join(dir, 'report.json');
    const { result: r, peakMb } = await peakRss(() => runCli(['audit', input, '--format', 'json', '--out', out]));
    // Figures for the reader; not asserted (tests do not time or weigh things).
    process.stdout.write(
      `streaming test: ${(statSync(input).size / 1e6).toFixed(0)} MB JSONL in, ${(statSync(out).size / 1e6).toFixed(0)} MB out, peak RSS ${peakMb} MB\n`,
    );
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.visits).toHaveLength(N);
    expect(report.summary.visits).toBe(N);
    expect(report.inputErrors).toEqual([]);
    expect(new Set(report.visits.map((v: { id: string }) => v.id)).size).toBe(N);
  }, 180_000);

  it('5,000 visits of CSV to a table and an HTML report', async () => {
    const N = 5_000;
    const input = join(dir, 'visits.csv');
    const q = (s: unknown) => {
      const t = s === undefined ? '' : String(s);
      return /[",\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
    };
    await writeLines(
      input,
      (function* () {
        yield 'visit_id,patient_id,date,discipline,payer,credential,time_in,time_out,code,minutes,assistant_minutes,units,modifiers,group_size,description,goal_ids,response';
        for (const { patient, visits } of generateVisits({ visits: N, seed: 11 })) {
          for (const v of visits) {
            for (const s of v.services) {
              yield [
                v.id,
                v.patientId,
                v.date,
                v.discipline,
                patient.payer,
                v.provider.credential,
                v.timeIn,
                v.timeOut,
                s.code,
                s.minutes,
                s.assistantMinutes,
                s.units,
                s.modifiers?.join(' '),
                s.groupSize,
                s.description,
                s.goalIds?.join(' '),
                v.response,
              ]
                .map(q)
                .join(',');
            }
          }
        }
      })(),
    );
    const table = await runCli(['audit', input]);
    expect(table.stdout).toContain(`Summary: ${N.toLocaleString('en-US')} visits audited`);
    const html = join(dir, 'report.html');
    await runCli(['audit', input, '--format', 'html', '--out', html]);
    expect(readFileSync(html, 'utf8').match(/<section class="visit">/g)).toHaveLength(N);
  }, 180_000);
});
