/**
 * Readers for the CMS quarterly files that refresh packages/rules/data (see test/fixtures/cms/README.md for
 * the column layouts assumed). Each reads a file line by line (readline over a stream, so memory stays flat
 * on the ~1,000,000-row PTP files), keeps only rows whose codes are wanted, and collects errors as data
 * naming file and line instead of throwing.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';

/** An input problem in a CMS file. */
export interface ImportError {
  file: string;
  line: number;
  message: string;
}

/** Called with a count of lines read, now and then, for a progress line. */
export type Progress = (file: string, lines: number) => void;

export interface PtpRow {
  column1: string;
  column2: string;
  effective: string;
  deleted: string | null;
  modifierIndicator: '0' | '1' | '9';
}

export interface MueRow {
  code: string;
  units: number;
  mai: 1 | 2 | 3;
}

export interface RvuRow {
  code: string;
  work: number;
  pe: number;
  mp: number;
  total: number;
  /** PFS status indicator (A, B, I, ...), column 4 of the PPRRVU file. */
  status: string;
}

const CODE = /^[0-9A-Z]{4}[0-9A-Z]$/;
const PROGRESS_EVERY = 100_000;

/**
 * Splits one delimited line: tab-separated when it holds a tab, else comma-separated with double quotes.
 * @param line - one line of the file
 */
export function splitFields(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((f) => f.trim());
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** `20201001` or `2020-10-01` or `10/01/2020` to `2020-10-01`; undefined when not a date. */
export function cmsDate(s: string): string | undefined {
  let y: string;
  let m: string;
  let d: string;
  if (/^\d{8}$/.test(s)) [y, m, d] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)];
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) [y, m, d] = [s.slice(0, 4), s.slice(5, 7), s.slice(8, 10)];
  else if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s)) {
    const [mm = '', dd = '', yy = ''] = s.split('/');
    [y, m, d] = [yy, mm.padStart(2, '0'), dd.padStart(2, '0')];
  } else return undefined;
  const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (t.getUTCFullYear() !== Number(y) || t.getUTCMonth() !== Number(m) - 1 || t.getUTCDate() !== Number(d)) {
    return undefined;
  }
  return `${y}-${m}-${d}`;
}

async function eachLine(
  path: string,
  onLine: (fields: string[], lineNo: number) => void,
  progress?: Progress,
): Promise<void> {
  const rl = createInterface({
    input: createReadStream(path, { encoding: 'latin1' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (progress && n % PROGRESS_EVERY === 0) progress(basename(path), n);
    if (line.trim() === '') continue;
    onLine(splitFields(line), n);
  }
  progress?.(basename(path), n);
}

/**
 * Reads a CMS NCCI PTP practitioner file (tab-separated .txt or a CSV export): rows of Column 1, Column 2,
 * prior-to-1996 flag, effective date, deletion date (`*` none), modifier indicator, rationale. Lines before
 * the first row whose first field is a code (copyright text, headers) are skipped.
 * @param path - the file
 * @param wanted - the codes to keep (both columns must be wanted)
 * @param errors - receives problems, naming file and line
 * @param progress - optional progress callback
 */
export async function readPtp(
  path: string,
  wanted: ReadonlySet<string>,
  errors: ImportError[],
  progress?: Progress,
): Promise<PtpRow[]> {
  const rows: PtpRow[] = [];
  const file = basename(path);
  let seenData = false;
  await eachLine(
    path,
    (f, line) => {
      const [c1 = '', c2 = '', , eff = '', del = '', mod = ''] = f;
      if (!CODE.test(c1)) {
        if (seenData) errors.push({ file, line, message: `column 1 "${c1}" is not a CPT/HCPCS code` });
        return;
      }
      seenData = true;
      if (f.length < 6) {
        errors.push({
          file,
          line,
          message: `expected at least 6 columns (column 1, column 2, prior-1996, effective, deletion, modifier), found ${f.length}`,
        });
        return;
      }
      if (!wanted.has(c1) || !wanted.has(c2)) return;
      const effective = cmsDate(eff);
      if (!effective) {
        errors.push({ file, line, message: `effective date "${eff}" is not a date (YYYYMMDD)` });
        return;
      }
      const deleted = del === '*' || del === '' ? null : cmsDate(del);
      if (deleted === undefined) {
        errors.push({ file, line, message: `deletion date "${del}" is not a date (YYYYMMDD) or *` });
        return;
      }
      if (mod !== '0' && mod !== '1' && mod !== '9') {
        errors.push({ file, line, message: `modifier indicator "${mod}" is not 0, 1 or 9` });
        return;
      }
      rows.push({ column1: c1, column2: c2, effective, deleted, modifierIndicator: mod });
    },
    progress,
  );
  if (!seenData) errors.push({ file, line: 0, message: 'no PTP rows found (is this the practitioner PTP file?)' });
  return rows;
}

/**
 * Reads a CMS MUE practitioner services CSV: HCPCS/CPT code, MUE value, MUE adjudication indicator (text
 * starting with 1, 2 or 3), rationale. Header lines are skipped.
 * @param path - the file
 * @param wanted - the codes to keep
 * @param errors - receives problems, naming file and line
 * @param progress - optional progress callback
 */
export async function readMue(
  path: string,
  wanted: ReadonlySet<string>,
  errors: ImportError[],
  progress?: Progress,
): Promise<MueRow[]> {
  const rows: MueRow[] = [];
  const file = basename(path);
  let seenData = false;
  await eachLine(
    path,
    (f, line) => {
      const [code = '', value = '', mai = ''] = f;
      if (!CODE.test(code)) {
        if (seenData) errors.push({ file, line, message: `"${code}" is not a CPT/HCPCS code` });
        return;
      }
      seenData = true;
      if (!wanted.has(code)) return;
      const units = Number(value);
      if (value === '' || !Number.isInteger(units) || units < 0) {
        errors.push({ file, line, message: `MUE value "${value}" for ${code} is not a whole number` });
        return;
      }
      const m = mai.trim().charAt(0);
      if (m !== '1' && m !== '2' && m !== '3') {
        errors.push({
          file,
          line,
          message: `MUE adjudication indicator "${mai}" for ${code} does not start with 1, 2 or 3`,
        });
        return;
      }
      rows.push({ code, units, mai: m === '1' ? 1 : m === '2' ? 2 : 3 });
    },
    progress,
  );
  if (!seenData) errors.push({ file, line: 0, message: 'no MUE rows found (is this the practitioner MUE file?)' });
  return rows;
}

/**
 * Reads a CMS PPRRVU CSV (national physician fee schedule relative value file): HCPCS, MOD, description,
 * status, not-used flag, work RVU, non-facility PE RVU, NA indicator, facility PE RVU, NA indicator, MP RVU,
 * ... Only rows without a modifier are kept (26/TC/53 rows are other services). Descriptions are never kept.
 * @param path - the file
 * @param wanted - the codes to keep
 * @param errors - receives problems, naming file and line
 * @param progress - optional progress callback
 */
export async function readRvu(
  path: string,
  wanted: ReadonlySet<string>,
  errors: ImportError[],
  progress?: Progress,
): Promise<RvuRow[]> {
  const rows: RvuRow[] = [];
  const file = basename(path);
  let seenData = false;
  await eachLine(
    path,
    (f, line) => {
      const code = f[0] ?? '';
      if (!CODE.test(code)) {
        if (seenData) errors.push({ file, line, message: `"${code}" is not a CPT/HCPCS code` });
        return;
      }
      seenData = true;
      if (!wanted.has(code) || (f[1] ?? '') !== '') return;
      if (f.length < 11) {
        errors.push({ file, line, message: `expected at least 11 columns (through MP RVU), found ${f.length}` });
        return;
      }
      const nums = [f[5], f[6], f[10]].map((s) => Number(s === '' ? 'x' : s));
      const [work = Number.NaN, pe = Number.NaN, mp = Number.NaN] = nums;
      if (![work, pe, mp].every((n) => Number.isFinite(n) && n >= 0)) {
        errors.push({
          file,
          line,
          message: `RVUs for ${code} are not numbers: work "${f[5]}", non-facility PE "${f[6]}", MP "${f[10]}"`,
        });
        return;
      }
      rows.push({ code, work, pe, mp, total: Math.round((work + pe + mp) * 100) / 100, status: f[3] ?? '' });
    },
    progress,
  );
  if (!seenData) errors.push({ file, line: 0, message: 'no RVU rows found (is this the PPRRVU CSV?)' });
  return rows;
}
