import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, SPAWN_TIMEOUT, spawnCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'unitwise-bad-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const patient = { id: 'p1', payer: 'medicare' };
const visit = (over: Record<string, unknown> = {}) => ({
  id: 'v1',
  patientId: 'p1',
  date: '2026-03-02',
  discipline: 'PT',
  provider: { credential: 'PT' },
  totalTimedMinutes: 20,
  totalTreatmentMinutes: 20,
  services: [{ code: '97530', minutes: 20, modifiers: ['GP'], description: 'Sit-to-stand x10 with min assist' }],
  response: 'Improved',
  ...over,
});

async function audit(path: string) {
  const r = await runCli(['audit', path, '--format', 'json']);
  expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
  return {
    ...r,
    json: JSON.parse(r.stdout) as { visits: { id: string }[]; inputErrors: { where: string; message: string }[] },
  };
}

describe('unitwise audit on malformed input: exit 2, named paths, no stack trace', () => {
  it(
    'broken JSON (real process) names the line and column',
    () => {
      const p = file('broken.json', '{\n  "patients": [],\n  "visits": [\n    { "id": "v1", }\n  ]\n}\n');
      const r = spawnCli(['audit', p, '--format', 'json']);
      expect(r.code).toBe(2);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(JSON.parse(r.stdout).inputErrors).toEqual([
        { where: 'line 4, column 19', message: expect.stringMatching(/^not valid JSON: /) },
      ]);
      expect(r.stderr).toContain('line 4, column 19');
    },
    SPAWN_TIMEOUT,
  );

  it('truncated JSON points at the end', async () => {
    const r = await audit(file('cut.json', '{"patients": [{"id": "p1"'));
    expect(r.code).toBe(2);
    expect(r.json.inputErrors[0]).toEqual({
      where: 'line 1, column 26',
      message: expect.stringMatching(/^not valid JSON: /),
    });
  });

  it('wrong types, unknown code, bad date and unknown patient are each named; valid visits are still audited', async () => {
    const p = file(
      'mixed.json',
      JSON.stringify({
        patients: [patient],
        visits: [
          visit(),
          visit({ id: 'v2', services: [{ code: '97530', minutes: 'twenty' }] }),
          visit({ id: 'v3', services: [{ code: '97999', minutes: 20 }] }),
          visit({ id: 'v4', date: '2026-02-30' }),
          visit({ id: 'v5', patientId: 'ghost' }),
          visit({ id: 'v6', services: {} }),
        ],
      }),
    );
    const r = await audit(p);
    expect(r.code).toBe(2);
    expect(r.json.visits.map((v) => v.id)).toEqual(['v1']);
    expect(r.json.inputErrors).toEqual([
      { where: 'visits[1].services[0].minutes', message: 'must be a number (found the text "twenty")' },
      { where: 'visits[2].services[0].code', message: expect.stringContaining("'97999' is not a code") },
      { where: 'visits[3].date', message: 'must be a real date written YYYY-MM-DD' },
      { where: 'visits[4].patientId', message: expect.stringContaining("unknown patient 'ghost'") },
      { where: 'visits[5].services', message: 'must be a list (found an object)' },
    ]);
  });

  it('a file that is not a case file', async () => {
    const r = await audit(file('list.json', '[1, 2]'));
    expect(r.code).toBe(2);
    expect(r.json.inputErrors[0]?.where).toBe('(file)');
  });

  it('JSONL: a broken line is named and the other lines are audited', async () => {
    const text = [
      JSON.stringify({ patients: [patient] }),
      '{"visits": [',
      JSON.stringify({ visits: [visit()] }),
      '42',
    ].join('\n');
    const r = await audit(file('lines.jsonl', text));
    expect(r.code).toBe(2);
    expect(r.json.visits.map((v) => v.id)).toEqual(['v1']);
    expect(r.json.inputErrors).toEqual([
      { where: 'line 2, column 13', message: expect.stringMatching(/^not valid JSON/) },
      { where: 'line 4', message: expect.stringContaining('each line must be a JSON object') },
    ]);
  });

  it('JSONL: a visit whose patient never comes is named at its line', async () => {
    const r = await audit(file('orphan.jsonl', JSON.stringify({ visits: [visit({ patientId: 'p9' })] })));
    expect(r.json.inputErrors).toEqual([
      { where: 'line 1: visits[0].patientId', message: expect.stringContaining("unknown patient 'p9'") },
    ]);
  });

  it('CSV: errors name the line and column', async () => {
    const csv = [
      'visit_id,patient_id,date,discipline,payer,credential,code,minutes,modifiers',
      'v1,p1,2026-03-02,PT,medicare,PT,97530,20,GP',
      'v2,p1,2026-13-02,PT,medicare,PT,97530,20,GP',
      'v3,p2,2026-03-04,PT,acme,PT,97530,20,GP',
      'v4,p1,2026-03-05,PT,medicare,PT,97530,lots,GP',
      'v4,p1,2026-03-05,PT,medicare,PT,9999X,10,GP',
      'v5,p1,2026-03-06,PT,medicare,PT,97530,10,GP,extra',
    ].join('\n');
    const r = await audit(file('bad.csv', csv));
    expect(r.code).toBe(2);
    expect(r.json.visits.map((v) => v.id)).toEqual(['v1']);
    expect(r.json.inputErrors).toEqual(
      expect.arrayContaining([
        { where: 'line 3, column date', message: 'must be a real date written YYYY-MM-DD' },
        { where: 'line 4, column payer', message: expect.stringContaining("unknown payer 'acme'") },
        { where: 'line 5, column minutes', message: 'must be a number (found the text "lots")' },
        { where: 'line 7', message: expect.stringMatching(/^not valid CSV/) },
      ]),
    );
  });

  it('CSV without the required columns', async () => {
    const r = await audit(file('nohead.csv', 'a,b\n1,2\n'));
    expect(r.code).toBe(2);
    expect(r.json.inputErrors[0]).toEqual({
      where: 'line 1',
      message: expect.stringContaining('the header lacks visit_id'),
    });
  });

  it.each([
    [['audit'], 'give the FILE'],
    [['audit', '/no/such/file.json'], "cannot read '/no/such/file.json': no such file"],
    [['audit', 'a.json', 'b.json'], 'give one FILE'],
    [['audit', 'x.json', '--format', 'pdf'], "unknown --format 'pdf'"],
    [['audit', '-', '--input-format', 'xml'], "unknown --input-format 'xml'"],
    [['audit', 'x.json', '--out', '/no/such/dir/r.json'], 'no such folder'],
  ])('%j is a usage error', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
