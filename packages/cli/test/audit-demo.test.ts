import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { auditCase, auditOptions, parseCaseFile } from '@unitwise/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDir, runCli, SPAWN_TIMEOUT, spawnCli } from './helpers.ts';

const demoPath = resolve(demoDir, 'clinic.json');

describe('unitwise audit on the demo clinic', () => {
  let json: { visits: Record<string, unknown>[]; summary: Record<string, unknown>; inputErrors: unknown[] };
  let code: number;

  beforeAll(async () => {
    const r = await runCli(['audit', demoPath, '--format', 'json']);
    code = r.code;
    json = JSON.parse(r.stdout);
  });

  it('exits 1: the demo has error-severity findings and no input errors', () => {
    expect(code).toBe(1);
    expect(json.inputErrors).toEqual([]);
  });

  it('prints exactly the design contract shape', () => {
    expect(Object.keys(json)).toEqual(['visits', 'summary', 'inputErrors']);
    expect(Object.keys(json.summary)).toEqual(['visits', 'errors', 'warnings', 'byRule']);
    for (const v of json.visits) {
      expect(Object.keys(v)).toEqual(['id', 'patientId', 'date', 'lines', 'findings', 'estimate']);
      const estimate = v.estimate as { payer: string; totalCents: number; unpriced?: string };
      // `unpriced` is our one addition to the contract: present only when a billed line has no amount, and why.
      expect(Object.keys(estimate)).toEqual(
        estimate.unpriced === undefined ? ['payer', 'totalCents'] : ['payer', 'totalCents', 'unpriced'],
      );
      // Issue 15: no visit of a priced payer shows $0.00 without saying why.
      if (estimate.payer !== 'unknown' && estimate.totalCents === 0) expect(estimate.unpriced).toMatch(/^Not priced: /);
      for (const l of v.lines as object[])
        expect(Object.keys(l)).toEqual(['code', 'minutes', 'units', 'claimedUnits', 'modifiers']);
    }
  });

  it("reports every visit, in the file order, with the same results as the engine's auditCase", () => {
    const raw = JSON.parse(readFileSync(demoPath, 'utf8'));
    const { file, errors } = parseCaseFile(raw);
    expect(errors).toEqual([]);
    const report = auditCase(file, auditOptions.bulk);
    expect(json.summary).toEqual(report.summary);
    expect(json.visits.map((v) => v.id)).toEqual(raw.visits.map((v: { id: string }) => v.id));
    expect(json.visits.map((v) => v.findings)).toEqual(report.visits.map((v) => v.findings));
    expect(json.visits.map((v) => (v.estimate as { totalCents: number }).totalCents)).toEqual(
      report.visits.map((v) => v.estimate.totalCents),
    );
  });

  it('finds the planted mistakes', () => {
    const rules = (id: string) =>
      ((json.visits.find((v) => v.id === id)?.findings ?? []) as { rule: string }[]).map((f) => f.rule);
    expect(json.summary.visits).toBe(67);
    expect(rules('P-1002-V05')).toContain('assistant-modifier'); // PTA without CQ
    expect(rules('P-1002-V11')).toContain('progress-report-due'); // 11th visit, no progress report
    expect(rules('P-1003-V03')).toContain('not-one-on-one'); // 97530 in a group
    expect(rules('P-1003-V05')).toContain('units-exceed-minutes'); // 3 units for 22 minutes
    expect(rules('P-1004-V03')).toContain('discipline-modifier'); // no GN
    expect(rules('P-1005-V03')).toContain('vague-description');
    expect(rules('P-2001-V04')).toContain('inactive-time-billed'); // rest breaks billed
    expect(rules('P-2002-V04')).toContain('cloned-description');
    expect(rules('P-3001-V03')).toContain('code-mismatch'); // sets and reps as 97530
    expect(rules('P-3003-V03')).toContain('missing-response');
    expect(rules('P-1001-V05')).toEqual([]); // a well-kept chart stays clean
  });

  it('table: a biller sees date, patient, codes × units, estimate, severity words and a summary by rule', async () => {
    const r = await runCli(['audit', demoPath]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /2026-03-17\s+P-1003-V05\s+P-1003\s+medicare\s+97530×3 \(supports 2\) 97535×1\s+\$\d+\.\d\d\s+1 error/,
    );
    expect(r.stdout).toMatch(/ERROR\s+units-exceed-minutes \[97530\]: /);
    expect(r.stdout).toMatch(/WARN\s+cloned-description/);
    expect(r.stdout).toContain(`Summary: 67 visits audited, ${json.summary.errors} errors`);
    expect(r.stdout).toMatch(/estimated allowed \$[\d,]+\.\d\d\.\n/);
    expect(r.stdout).toMatch(/Findings by rule:\n\s+rule\s+errors\s+warnings\s+info\s+visits\n/);
    // Day 10 and day 11 of P-1002 without a progress report (due by the 10th treatment day, issue 15).
    expect(r.stdout).toMatch(/\n\s+progress-report-due\s+2\s+0\s+0\s+2\n/);
    expect(r.stdout).toMatch(/\n\s+assistant-modifier\s+2\s+0\s+0\s+1\n/);
  });

  it('html: one self-contained page with summary, findings by rule and each visit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unitwise-html-'));
    const out = join(dir, 'report.html');
    const r = await runCli(['audit', demoPath, '--format', 'html', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html.indexOf('<h2>Summary</h2>')).toBeLessThan(html.indexOf('<h2>Findings by rule</h2>'));
    expect(html.indexOf('<h2>Findings by rule</h2>')).toBeLessThan(html.indexOf('<h2>Visits</h2>'));
    expect(html.match(/<section class="visit">/g)).toHaveLength(67);
    expect(html).toContain('<a href="#visit-P-1003-V05">P-1003-V05</a>');
    expect(html).toContain('<span class="sev sev-error">ERROR</span>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('html escapes every piece of input text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unitwise-html-'));
    const input = join(dir, 'evil.json');
    writeFileSync(
      input,
      JSON.stringify({
        patients: [{ id: '<img onerror=x>', payer: 'medicare' }],
        visits: [
          {
            id: '<script>alert(1)</script>',
            patientId: '<img onerror=x>',
            date: '2026-03-02',
            discipline: 'PT',
            provider: { credential: 'PT' },
            services: [{ code: '97530', minutes: 20, description: '"><b>bold</b>' }],
          },
        ],
      }),
    );
    const r = await runCli(['audit', input, '--format', 'html']);
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it(
    'runs as a real process with --out and exit status 1',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'unitwise-json-'));
      const out = join(dir, 'report.json');
      const r = spawnCli(['audit', demoPath, '--format', 'json', '--out', out]);
      expect(r.code).toBe(1);
      expect(JSON.parse(readFileSync(out, 'utf8')).summary.visits).toBe(67);
    },
    SPAWN_TIMEOUT,
  );
});

describe('an estimate that leaves a line out says why', () => {
  it('a bundled code (97010, PFS status B) on a Medicare visit: JSON unpriced and a note line in the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unitwise-unpriced-'));
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({
        patients: [{ id: 'p1', payer: 'medicare' }],
        visits: [
          {
            id: 'v1',
            patientId: 'p1',
            date: '2026-03-02',
            discipline: 'PT',
            provider: { credential: 'PT' },
            services: [{ code: '97010', units: 1, modifiers: ['GP'] }],
          },
        ],
      }),
    );
    const json = JSON.parse((await runCli(['audit', file, '--format', 'json'])).stdout);
    expect(json.visits[0].estimate).toEqual({
      payer: 'medicare',
      totalCents: 0,
      unpriced: expect.stringContaining('97010 (PFS status B: bundled'),
    });
    const table = (await runCli(['audit', file])).stdout;
    expect(table).toMatch(/note {5}Not priced: 97010 \(PFS status B: bundled/);
  });
});
