import { dollars as money } from '@unitwise/rules';
import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../src/audit/json-error.ts';
import { createProgress, PROGRESS_MIN_BYTES } from '../src/audit/progress.ts';
import { escapeHtml } from '../src/audit/sinks/html-escape.ts';
import { codesWithUnits } from '../src/audit/sinks/text.ts';
import { sniffFormat } from '../src/audit/source.ts';
import type { CliIO } from '../src/io.ts';

function fakeIO(tty: boolean): { io: CliIO; err: () => string } {
  let err = '';
  const io = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s), isTTY: tty },
    stdin: process.stdin,
    env: {},
    cwd: '/',
  } satisfies CliIO;
  return { io, err: () => err };
}

describe('audit parts', () => {
  it('progress: a \\r line with visits/s on a terminal for large inputs, from a fixed clock', () => {
    const { io, err } = fakeIO(true);
    let t = 0;
    const p = createProgress(io, PROGRESS_MIN_BYTES + 1, () => t);
    for (let i = 0; i < 2000; i++) {
      t += 1; // 1 ms a visit: 1,000 visits/s
      p.tick();
    }
    p.done();
    expect(err()).toContain('\raudited 1,000 visits · 1,000 visits/s');
    expect(err()).toContain('\raudited 2,000 visits · 1,000 visits/s');
    expect(err().endsWith('\n')).toBe(true);
  });

  it.each([
    [true, PROGRESS_MIN_BYTES],
    [false, PROGRESS_MIN_BYTES * 10],
    [true, undefined],
  ])('progress is off (tty %s, size %s)', (tty, size) => {
    const { io, err } = fakeIO(tty);
    let t = 0;
    const p = createProgress(io, size, () => (t += 1000));
    for (let i = 0; i < 5000; i++) p.tick();
    p.done();
    expect(err()).toBe('');
  });

  it.each([
    ['{\n  "patients": []\n}', 'json'],
    ['{"patients":[]}\n{"visits":[]}\n', 'jsonl'],
    ['{"patients":[],"visits":[]}', 'json'],
    ['\uFEFF  [1]', 'json'],
    ['visit_id,patient_id\n', 'csv'],
  ])('sniffs %j as %s', (head, format) => {
    expect(sniffFormat(head)).toBe(format);
  });

  it.each([
    ['{\n  "a": 1,\n  "b": }', 'line 3, column 8'],
    ['{\n  "a": 1,\n}', 'line 3, column 1'],
    ['{"a": "x\ty"}', 'line 1, column 9'],
    ['[1, 2', 'line 1, column 6'],
    ['{"a": tru}', 'line 1, column 7'],
    ['{"a": 01}', 'line 1, column 8'],
    ['{} x', 'line 1, column 4'],
    ['{"name": "Jane Doe", "x": }', 'line 1, column 27'],
  ])('places the error in %j at %s, without quoting the text', (text, position) => {
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    const d = describeJsonError(err, text);
    expect(d.position).toBe(position);
    expect(d.message).toMatch(/^not valid JSON: /);
    expect(d.message).not.toContain('Jane');
  });

  it('escapes HTML and formats money and units', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
    expect(money(123456)).toBe('$1,234.56');
    expect(money(5)).toBe('$0.05');
    expect(money(-250)).toBe('-$2.50');
    expect(
      codesWithUnits([
        { code: '97530', units: 2, claimedUnits: 3 },
        { code: '97110', units: 1, claimedUnits: null },
      ]),
    ).toBe('97530×3 (supports 2) 97110×1');
  });
});
