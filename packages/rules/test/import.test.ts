import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cmsDate, type ImportError, readMue, readPtp, readRvu, splitFields } from '../scripts/cms-files.ts';
import { CODES } from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures/cms');
const script = resolve(here, '../scripts/import-cms.ts');
const wanted = new Set(CODES.keys());
const run = promisify(execFile);

describe('CMS file readers (layouts in test/fixtures/cms/README.md)', () => {
  it('splits tab and quoted comma lines; reads CMS dates', () => {
    expect(splitFields('97530\t97116\t*\t19990701')).toEqual(['97530', '97116', '*', '19990701']);
    expect(splitFields('"97110","6","3 Date, Clinical",""')).toEqual(['97110', '6', '3 Date, Clinical', '']);
    expect(splitFields('a,"say ""hi""",b')).toEqual(['a', 'say "hi"', 'b']);
    expect([cmsDate('20201001'), cmsDate('2020-10-01'), cmsDate('10/1/2020')]).toEqual([
      '2020-10-01',
      '2020-10-01',
      '2020-10-01',
    ]);
    expect([cmsDate('20191331'), cmsDate('2020101'), cmsDate('*')]).toEqual([undefined, undefined, undefined]);
  });

  it('PTP: keeps catalog pairs with dates and indicators, drops other codes and header lines', async () => {
    const errors: ImportError[] = [];
    const rows = await readPtp(join(fixtures, 'ptp-practitioner-sample.txt'), wanted, errors);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({
      column1: '97140',
      column2: '97530',
      effective: '2000-07-01',
      deleted: '2019-12-31',
      modifierIndicator: '1',
    });
    expect(rows.find((r) => r.column1 === '97163' && r.column2 === '97162')?.deleted).toBeNull();
    expect(rows.some((r) => r.column1 === '36000' || r.column2 === '99999')).toBe(false);
  });

  it('PTP: errors name the file and line', async () => {
    const errors: ImportError[] = [];
    await readPtp(join(fixtures, 'ptp-practitioner-bad.txt'), wanted, errors);
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual([
      'ptp-practitioner-bad.txt:4',
      'ptp-practitioner-bad.txt:5',
      'ptp-practitioner-bad.txt:6',
      'ptp-practitioner-bad.txt:7',
    ]);
    expect(errors[0]?.message).toBe('effective date "2020101" is not a date (YYYYMMDD)');
    expect(errors[2]?.message).toContain('modifier indicator "5"');
  });

  it('MUE: value and adjudication indicator per catalog code', async () => {
    const errors: ImportError[] = [];
    const rows = await readMue(join(fixtures, 'mue-practitioner-sample.csv'), wanted, errors);
    expect(errors).toEqual([]);
    expect(rows).toContainEqual({ code: '97530', units: 6, mai: 3 });
    expect(rows).toContainEqual({ code: '97161', units: 1, mai: 2 });
    expect(rows.map((r) => r.code)).not.toContain('36000');
    const bad: ImportError[] = [];
    await readMue(join(fixtures, 'mue-practitioner-bad.csv'), wanted, bad);
    expect(bad.map((e) => [e.line, e.message])).toEqual([
      [2, 'MUE value "six" for 97110 is not a whole number'],
      [3, 'MUE adjudication indicator "Date of Service Edit" for 97112 does not start with 1, 2 or 3'],
    ]);
  });

  it('RVU: work, non-facility PE and MP of rows without a modifier; descriptions are not kept', async () => {
    const errors: ImportError[] = [];
    const rows = await readRvu(join(fixtures, 'pprrvu-sample.csv'), wanted, errors);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { code: '97110', work: 0.45, pe: 0.4, mp: 0.02, total: 0.87, status: 'A' },
      { code: '97530', work: 0.44, pe: 0.59, mp: 0.02, total: 1.05, status: 'A' },
      { code: '97161', work: 1.54, pe: 1.32, mp: 0.07, total: 2.93, status: 'A' },
    ]);
    const bad: ImportError[] = [];
    await readRvu(join(fixtures, 'pprrvu-bad.csv'), wanted, bad);
    expect(bad.map((e) => e.line)).toEqual([2, 3]);
  });

  it('a file of the wrong kind says so', async () => {
    const errors: ImportError[] = [];
    await readMue(join(fixtures, 'README.md'), wanted, errors);
    expect(errors).toEqual([
      { file: 'README.md', line: 0, message: 'no MUE rows found (is this the practitioner MUE file?)' },
    ]);
  });
});

describe('import-cms script', () => {
  const out = mkdtempSync(join(tmpdir(), 'unitwise-import-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes ncci-ptp.json, mue.json and rvu.json in the data format, with sources', async () => {
    const { stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      script,
      '--ptp',
      join(fixtures, 'ptp-practitioner-sample.txt'),
      '--mue',
      join(fixtures, 'mue-practitioner-sample.csv'),
      '--rvu',
      join(fixtures, 'pprrvu-sample.csv'),
      '--quarter',
      '2026Q4',
      '--effective',
      '2026-10-01',
      '--year',
      '2026',
      '--out',
      out,
    ]);
    expect(stderr).toContain('ptp-practitioner-sample.txt: 14 lines read');
    const ptp = JSON.parse(readFileSync(join(out, 'ncci-ptp.json'), 'utf8'));
    expect(ptp.quarter).toBe('2026Q4');
    expect(ptp.source).toContain('ptp-practitioner-sample.txt');
    expect(ptp.edits).toHaveLength(7);
    const mue = JSON.parse(readFileSync(join(out, 'mue.json'), 'utf8'));
    expect(mue.quarters).toEqual([
      expect.objectContaining({
        quarter: '2026Q4',
        effective: '2026-10-01',
        rows: expect.arrayContaining([{ code: '97530', units: 6, mai: 3 }]),
      }),
    ]);
    const rvu = JSON.parse(readFileSync(join(out, 'rvu.json'), 'utf8'));
    expect(rvu).toMatchObject({
      years: {
        '2026': {
          confirmed: true,
          codes: { '97530': { work: 0.44, pe: 0.59, mp: 0.02, total: 1.05, status: 'A', confirmed: true } },
        },
      },
    });
    expect(JSON.stringify(rvu)).not.toContain('descriptor');
  }, 30_000);

  it('writes nothing and exits 1 on a bad file, naming file and line', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'unitwise-import-bad-'));
    try {
      await run(process.execPath, [
        '--import',
        'tsx',
        script,
        '--mue',
        join(fixtures, 'mue-practitioner-bad.csv'),
        '--quarter',
        '2026Q4',
        '--effective',
        '2026-10-01',
        '--out',
        bad,
      ]);
      expect.unreachable('the import should fail');
    } catch (e) {
      const err = e as { code: number; stderr: string };
      expect(err.code).toBe(1);
      expect(err.stderr).toContain('mue-practitioner-bad.csv:2: MUE value "six" for 97110 is not a whole number');
      expect(err.stderr).toContain('nothing written');
      expect(() => readFileSync(join(bad, 'mue.json'))).toThrow();
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  }, 30_000);

  it('exits 2 on bad arguments', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', script, '--mue', 'x.csv'])).rejects.toMatchObject({
      code: 2,
    });
  }, 30_000);
});
