import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { components, read835, read837, repetitions, SegmentReader, tokenize } from '../src/index.ts';
import { fixtures } from './helpers.ts';

const ISA =
  'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *250106*1200*^*00501*000000001*0*T*:~';

function isaWith(el: string, rep: string, comp: string, term: string): string {
  return ISA.replaceAll('*', el).replace(`${el}^${el}`, `${el}${rep}${el}`).replace(`${el}:~`, `${el}${comp}${term}`);
}

describe('tokenize', () => {
  it('reads delimiters from the ISA positions', () => {
    const t = tokenize(`${ISA}GS*HC*A*B~ST*837*0001~SE*2*0001~GE*1*1~IEA*1*000000001~`);
    expect(t.delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
    expect(t.isaLength).toBe(106);
    expect(t.segments.map((s) => s[0])).toEqual(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']);
    expect(t.segments[0]?.[16]).toBe(':');
    expect(t.segments[0]?.length).toBe(17);
  });

  it('handles a newline terminator, CRLF, indentation and a BOM', () => {
    const lf = isaWith('*', '^', ':', '\n');
    const t1 = tokenize(`${lf}GS*HC*A*B\nST*837*0001\n`);
    expect(t1.delimiters?.segment).toBe('\n');
    expect(t1.segments.map((s) => s.join('|'))).toContain('ST|837|0001');
    const crlf = `\uFEFF${isaWith('*', '^', ':', '~')}\r\n  GS*HC*A*B~\r\n    ST*837*0001~\r\n`;
    const t2 = tokenize(Buffer.from(crlf, 'utf8'));
    expect(t2.segments.map((s) => s[0])).toEqual(['ISA', 'GS', 'ST']);
    const crTerm = `${isaWith('*', '^', ':', '\r')}\nGS*HC*A*B\r\nST*837*0001\r\n`;
    expect(tokenize(crTerm).segments.map((s) => s.join('|'))).toEqual([
      expect.stringMatching(/^ISA/),
      'GS|HC|A|B',
      'ST|837|0001',
    ]);
  });

  it('skips text before the ISA and only takes an ISA at a segment start', () => {
    const text = `Notes from a validator: ISA*bad here\n* more prose\n\n${ISA}NM1*IL*1*ISAAC*NEWTON~IEA*1*000000001~`;
    const t = tokenize(text);
    expect(t.segments.map((s) => s[0])).toEqual(['ISA', 'NM1', 'IEA']);
    expect(t.segments[1]?.[3]).toBe('ISAAC');
    expect(t.skippedChars).toBeGreaterThan(0);
  });

  it('reads a 4010 ISA11 "U" as no repetition separator and a later interchange with other delimiters', () => {
    const a = ISA.replace('*^*00501', '*U*00401');
    const b = isaWith('|', '^', '>', '\n');
    const t = tokenize(`${a}GS*HP*X*Y~IEA*1*000000001~\n${b}GS|HP|X|Y\nIEA|1|000000001\n`);
    expect(t.segments.map((s) => s.join(','))).toContain('GS,HP,X,Y');
    expect(t.delimiters).toEqual({ element: '|', component: '>', repetition: '^', segment: '\n' });
    expect(t.segments.filter((s) => s[0] === 'ISA')).toHaveLength(2);
  });

  it('splits repetitions (ISA11) and components (ISA16) only when asked', () => {
    const t = tokenize(`${ISA}HI*ABK:M25561^ABF:M6281~`);
    const d = t.delimiters;
    if (!d) throw new Error('no delimiters');
    const hi = t.segments[1] as string[];
    expect(hi[1]).toBe('ABK:M25561^ABF:M6281');
    expect(repetitions(hi[1], d).map((r) => components(r, d))).toEqual([
      ['ABK', 'M25561'],
      ['ABF', 'M6281'],
    ]);
    const u = tokenize(`${ISA.replace('*^*00501', '*U*00401')}X*A^B~`);
    expect(u.delimiters?.repetition).toBeNull();
    expect(repetitions('A^B', u.delimiters ?? d)).toEqual(['A^B']);
  });

  it('reports a short ISA and still reads it', () => {
    const short = 'ISA*00**00**ZZ*A*ZZ*B*250106*1200*^*00501*000000001*0*T*:~GS*HC*A*B~';
    const t = tokenize(short);
    expect(t.problems[0]?.message).toMatch(/106/);
    expect(t.segments[1]).toEqual(['GS', 'HC', 'A', 'B']);
  });

  it('reports a file without ISA', () => {
    const t = tokenize('{"not": "x12"}');
    expect(t.segments).toEqual([]);
    expect(t.problems[0]?.message).toMatch(/No ISA/);
  });

  it('keeps negative amounts and an unterminated last segment', () => {
    const t = tokenize(`${ISA}CLP*1*22*-42.58*-42.58~SVC*HC:H0036*-42.58*-42.58**-2`);
    expect(t.segments[2]).toEqual(['SVC', 'HC:H0036', '-42.58', '-42.58', '', '-2']);
  });
});

const SEP = fc.constantFrom('*', '|', '!', '\u001d', '+');
const COMP = fc.constantFrom(':', '>', '\\', '\u001f');
const TERM = fc.constantFrom('~', '\n', "'", '\u001c', '\r');
const VALUE = fc.stringMatching(/^[A-Z0-9 .-]{0,8}$/);

describe('tokenizer properties', () => {
  it('gives back the segments it was given, for random delimiters, terminators and whitespace', () => {
    fc.assert(
      fc.property(
        fc.tuple(SEP, COMP, TERM).filter(([a, b, c]) => new Set([a, b, c]).size === 3),
        fc.array(fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9]{1,2}$/), fc.array(VALUE, { minLength: 1, maxLength: 6 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom('', '\n', '\r\n', '\n   '),
        ([el, comp, term], body, gap) => {
          const segs = body
            .filter(([tag]) => tag !== 'ISA' && tag !== 'IEA')
            .map(([tag, vals]) => [tag, ...vals.map((v) => v.trim() || 'X')]);
          const isa = isaWith(el, '^', comp, term);
          const sep = term === '\n' || term === '\r' ? '' : gap;
          const text = `${isa}${sep}${segs.map((s) => s.join(el) + term).join(sep)}`;
          const t = tokenize(text);
          expect(t.delimiters).toEqual({ element: el, component: comp, repetition: '^', segment: term });
          expect(t.segments.slice(1)).toEqual(segs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('streams in small chunks (bytes, split inside UTF-8 characters) to the same segments as one chunk', () => {
    const text = `\uFEFFprose\r\n${ISA}\r\n  NM1*IL*1*MÜLLER*ZOË~CLP*1*1*10.5*-3~\r\nIEA*1*000000001~`;
    const bytes = Buffer.from(text, 'utf8');
    const whole = tokenize(bytes).segments;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 17 }), (size) => {
        const r = new SegmentReader();
        const got: string[][] = [];
        for (let i = 0; i < bytes.length; i += size) got.push(...r.push(bytes.subarray(i, i + size)));
        got.push(...r.end());
        expect(got).toEqual(whole);
      }),
    );
    expect(whole[1]).toEqual(['NM1', 'IL', '1', 'MÜLLER', 'ZOË']);
  });

  it('the view path (pushEach) gives the same segments as the array path, for any chunk size', () => {
    const text = `prose\n${ISA}\r\n  GS*HP*A*B~ST*835*0001~CLP*1*22*-10**~SVC*HC:97530:GP*-10*-10**-1~SE*4*0001~GE*1*1~IEA*1*000000001~\n${isaWith('|', '^', '>', '\n')}GS|HC|A\nIEA|1|000000001`;
    const bytes = Buffer.from(text, 'utf8');
    const whole = tokenize(bytes).segments;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (size) => {
        const r = new SegmentReader();
        const got: string[][] = [];
        const each = (v: { toArray(): string[] }) => got.push(v.toArray());
        for (let i = 0; i < bytes.length; i += size) r.pushEach(bytes.subarray(i, i + size), each);
        r.endEach(each);
        expect(got).toEqual(whole);
      }),
    );
  });
});

describe('segments wrapped across lines', () => {
  const golden = readFileSync(path.join(fixtures, 'therapy-claims.837'), 'utf8');
  const flat = golden.replace(/~\r?\n/g, '~');
  const wrap = (text: string, width: number, nl: string) => text.replace(new RegExp(`(.{${width}})`, 'g'), `$1${nl}`);

  it.each([
    [80, '\n'],
    [80, '\r\n'],
    [64, '\n'],
    [100, '\r'],
  ])('an 837P wrapped at %i columns reads as the unwrapped file', (width, nl) => {
    const plain = read837(flat);
    const wrapped = read837(wrap(flat, width, nl));
    expect(wrapped.claims).toEqual(plain.claims);
    expect(wrapped.errors).toEqual(plain.errors);
    expect(wrapped.warnings.some((w) => /wrapped across lines/.test(w.message))).toBe(true);
    for (const c of wrapped.claims) for (const d of c.diagnoses) expect(d.code).not.toMatch(/[\r\n]/);
  });

  it('an 835 wrapped at 80 columns posts the same claims and balances', () => {
    const remit = readFileSync(path.join(fixtures, '835', 'partly-paid.835'), 'utf8').replace(/~\r?\n/g, '~');
    const plain = read835(remit);
    const wrapped = read835(wrap(remit, 80, '\n'));
    expect(wrapped.transactions).toEqual(plain.transactions);
    expect(wrapped.errors).toEqual(plain.errors);
  });

  it('streams a wrapped file in chunks of any size the same way', () => {
    const text = wrap(flat, 80, '\r\n');
    const whole = tokenize(text).segments;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (size) => {
        const r = new SegmentReader();
        const out: string[][] = [];
        for (let i = 0; i < text.length; i += size) out.push(...r.push(text.slice(i, i + size)));
        out.push(...r.end());
        expect(out).toEqual(whole);
      }),
      { numRuns: 60, seed: 7 },
    );
    expect(whole.every((s) => s.every((e) => !/[\r\n]/.test(e)))).toBe(true);
  });
});
