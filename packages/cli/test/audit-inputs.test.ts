import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../src/audit/source.ts';
import { demoDir, runCli } from './helpers.ts';

const demo = JSON.parse(readFileSync(resolve(demoDir, 'clinic.json'), 'utf8')) as {
  patients: { id: string }[];
  visits: { id: string; patientId: string }[];
};
const demoCsv = readFileSync(resolve(demoDir, 'demo.csv'), 'utf8');

/** The demo as JSONL: each patient on a line, followed by their visits one a line. */
function demoJsonl(): string {
  const lines: string[] = [];
  for (const p of demo.patients) {
    lines.push(JSON.stringify({ patients: [p] }));
    for (const v of demo.visits.filter((x) => x.patientId === p.id)) lines.push(JSON.stringify({ visits: [v] }));
  }
  return `${lines.join('\n')}\n`;
}

async function auditJson(args: string[], stdin?: string) {
  const r = await runCli(['audit', ...args, '--format', 'json'], stdin === undefined ? {} : { stdin });
  return { ...r, json: JSON.parse(r.stdout) };
}

describe('unitwise audit inputs', () => {
  it('JSONL gives the same findings as the JSON file', async () => {
    const fromJson = await auditJson([resolve(demoDir, 'clinic.json')]);
    const fromJsonl = await auditJson(['-', '--input-format', 'jsonl'], demoJsonl());
    expect(fromJsonl.code).toBe(1);
    expect(fromJsonl.json.summary).toEqual(fromJson.json.summary);
    const byId = new Map(fromJson.json.visits.map((v: { id: string }) => [v.id, v]));
    for (const v of fromJsonl.json.visits) expect(v).toEqual(byId.get(v.id));
  });

  it('JSONL holds a visit until its patient arrives, and accepts bare patient and visit lines', async () => {
    const p = demo.patients[0];
    const visits = demo.visits.filter((v) => v.patientId === p?.id).slice(0, 2);
    const text = [JSON.stringify(visits[0]), JSON.stringify(p), JSON.stringify({ visits: [visits[1]] })].join('\n');
    const r = await auditJson(['-'], text);
    expect(r.json.inputErrors).toEqual([]);
    expect(r.json.visits.map((v: { id: string }) => v.id)).toEqual(visits.map((v) => v?.id));
  });

  it('CSV: rows of a visit make one visit; patients come from the rows', async () => {
    const r = await auditJson([resolve(demoDir, 'demo.csv')]);
    expect(r.json.summary.visits).toBe(5);
    expect(r.json.inputErrors).toEqual([]);
    const v = r.json.visits.find((x: { id: string }) => x.id === 'P-1002-V05');
    expect(v.lines.map((l: { code: string }) => l.code)).toEqual(['97530', '97112']);
    expect(v.estimate.payer).toBe('medicare');
    expect(v.findings.map((f: { rule: string }) => f.rule)).toContain('assistant-modifier');
  });

  it('reads assistance beside the description, in JSON and in an optional CSV column', async () => {
    const header = 'visit_id,patient_id,date,discipline,payer,credential,code,minutes,modifiers,description';
    const row = 'V1,P1,2026-03-02,PT,medicare,PT,97530,23,GP,Sit to stand transfers';
    const vague = async (csv: string) =>
      (await auditJson(['-', '--input-format', 'csv'], csv)).json.visits[0].findings.some(
        (f: { rule: string }) => f.rule === 'vague-description',
      );
    expect(await vague(`${header}\n${row}\n`)).toBe(true);
    expect(await vague(`${header},assistance\n${row},"CGA, verbal cues for hand placement"\n`)).toBe(false);
    const visit = {
      id: 'V1',
      patientId: 'P1',
      date: '2026-03-02',
      discipline: 'PT',
      provider: { credential: 'PT' },
      services: [
        {
          code: '97530',
          minutes: 23,
          modifiers: ['GP'],
          description: 'Sit to stand transfers',
          assistance: 'CGA, verbal cues',
        },
      ],
    };
    const r = await auditJson(['-'], JSON.stringify({ patients: [{ id: 'P1', payer: 'medicare' }], visits: [visit] }));
    expect(r.json.inputErrors).toEqual([]);
    expect(r.json.visits[0].findings.map((f: { rule: string }) => f.rule)).not.toContain('vague-description');
  });

  it('CSV with --patients uses their plans of care', async () => {
    const without = await auditJson([resolve(demoDir, 'demo.csv')]);
    const withPlans = await auditJson([resolve(demoDir, 'demo.csv'), '--patients', resolve(demoDir, 'clinic.json')]);
    const count = (j: { summary: { byRule: Record<string, number> } }) => j.summary.byRule['no-active-plan'] ?? 0;
    expect(count(without.json)).toBe(5);
    expect(count(withPlans.json)).toBe(0);
  });

  it.each([
    ['json', () => JSON.stringify(demo, null, 2)],
    ['jsonl', demoJsonl],
    ['csv', () => demoCsv],
  ])('standard input is sniffed as %s', async (format, text) => {
    expect(sniffFormat(text().slice(0, 65536))).toBe(format);
    const r = await auditJson(['-'], text());
    expect(r.json.inputErrors).toEqual([]);
    expect(r.json.summary.visits).toBe(format === 'csv' ? 5 : 67);
  });

  it.each([
    ['json', () => JSON.stringify(demo)],
    ['jsonl', demoJsonl],
    ['csv', () => demoCsv],
  ])('a byte-order mark before %s is ignored', async (format, text) => {
    const r = await auditJson(['-', '--input-format', format], `\uFEFF${text()}`);
    expect(r.json.inputErrors).toEqual([]);
    expect(r.json.summary.visits).toBe(format === 'csv' ? 5 : 67);
  });

  it('an empty JSONL stream audits nothing and exits 0', async () => {
    const r = await auditJson(['-', '--input-format', 'jsonl'], '');
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ visits: [], summary: { visits: 0, errors: 0, warnings: 0, byRule: {} }, inputErrors: [] });
  });

  it('progress appears on a terminal only for large files', async () => {
    const r = await runCli(['audit', resolve(demoDir, 'clinic.json'), '--format', 'json'], { tty: true });
    expect(r.stderr).toBe('');
  });
});

describe('unitwise audit payers', () => {
  const visit = {
    id: 'v1',
    patientId: 'p1',
    date: '2026-03-02',
    discipline: 'PT',
    provider: { credential: 'PT' },
    services: [{ code: '97530', minutes: 20, modifiers: ['GP'] }],
  };

  it('a case file payer applies with --patients too', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'unitwise-payers-'));
    const base = join(dir, 'base.json');
    writeFileSync(base, JSON.stringify({ patients: [{ id: 'p0', payer: 'medicare' }] }));
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({
        payers: [{ id: 'acme', basedOn: 'commercial', unitMethod: 'per-code-15' }],
        patients: [{ id: 'p1', payer: 'acme' }],
        visits: [visit],
      }),
    );
    const r = await runCli(['audit', file, '--patients', base, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.inputErrors).toEqual([]);
    // per-code-15: 20 minutes hold one full 15-minute unit.
    expect(json.visits[0].lines[0]).toMatchObject({ code: '97530', units: 1 });
    expect(json.visits[0].estimate.payer).toBe('acme');
  });

  it('in a stream, payers after the first visit are refused by name', async () => {
    const text = [
      JSON.stringify({ patients: [{ id: 'p1', payer: 'medicare' }] }),
      JSON.stringify({ visits: [visit] }),
      JSON.stringify({ payers: [{ id: 'late', basedOn: 'commercial' }] }),
    ].join('\n');
    const r = await runCli(['audit', '-', '--format', 'json'], { stdin: text });
    expect(JSON.parse(r.stdout).inputErrors).toEqual([
      { where: 'line 3: payers', message: 'payers must come before the first visit in a stream' },
    ]);
  });
});
