/**
 * The first few characters an alternative of our phrase patterns can match, for a lookup table that lets the
 * scanner skip words no phrase can start with (most words of a note: "with", "and", "for", ...). It reads the
 * regex subset the patterns use: literals, escapes (\d \s \b \w, escaped punctuation), classes, groups,
 * lookarounds (as empty) and quantifiers. Strings shorter than `k` are complete matches; WILD stands for any
 * character. Over-approximation is safe: the table only decides whether to try the real regex.
 */

/** Stands for any character in a prefix. */
export const WILD = '\u0001';
const DIGITS = '0123456789';
const SPACES = ' \t\n\r\f\v';

function closeBracket(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return s.length - 1;
}

function closeParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') i = closeBracket(s, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return s.length - 1;
}

function classSet(body: string): string[] {
  if (body.startsWith('^')) return [WILD];
  const out = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const e = body[++i] as string;
      if (e === 'd') for (const d of DIGITS) out.add(d);
      else if (e === 's') for (const d of SPACES) out.add(d);
      else if ('wWDS'.includes(e)) return [WILD];
      else out.add(e.toLowerCase());
    } else if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = (body[i + 2] as string).charCodeAt(0);
      for (let k = c.charCodeAt(0); k <= to; k++) out.add(String.fromCharCode(k).toLowerCase());
      i += 2;
    } else out.add(c.toLowerCase());
  }
  return [...out];
}

interface Atom {
  /** Prefix set of one occurrence. */
  set: (k: number) => Set<string>;
  min: number;
  max: number;
  next: number;
}

function readAtom(s: string, i: number): Atom {
  const c = s[i] as string;
  let set: (k: number) => Set<string>;
  let next: number;
  if (c === '(') {
    const close = closeParen(s, i);
    next = close + 1;
    if (/^\(\?<?[=!]/.test(s.slice(i, i + 4))) return { set: () => new Set(['']), min: 1, max: 1, next };
    const inner = s.slice(s.startsWith('(?:', i) ? i + 3 : i + 1, close);
    set = (k) => alternativesPrefixes(inner, k);
  } else if (c === '[') {
    const close = closeBracket(s, i);
    const chars = classSet(s.slice(i + 1, close));
    set = () => new Set(chars);
    next = close + 1;
  } else if (c === '\\') {
    const e = s[i + 1] as string;
    next = i + 2;
    if (e === 'b' || e === 'B') return { set: () => new Set(['']), min: 1, max: 1, next };
    const chars = e === 'd' ? [...DIGITS] : e === 's' ? [...SPACES] : 'wWDS'.includes(e) ? [WILD] : [e.toLowerCase()];
    set = () => new Set(chars);
  } else {
    const ch = c === '.' ? WILD : c.toLowerCase();
    set = () => new Set([ch]);
    next = i + 1;
  }
  let min = 1;
  let max = 1;
  const q = s[next];
  if (q === '?') [min, max, next] = [0, 1, next + 1];
  else if (q === '*') [min, max, next] = [0, Number.POSITIVE_INFINITY, next + 1];
  else if (q === '+') [min, max, next] = [1, Number.POSITIVE_INFINITY, next + 1];
  else if (q === '{') {
    const close = s.indexOf('}', next);
    const [lo, hi] = s.slice(next + 1, close).split(',');
    min = Number(lo);
    max = hi === undefined ? min : hi.trim() === '' ? Number.POSITIVE_INFINITY : Number(hi);
    next = close + 1;
  }
  if (s[next] === '?') next++;
  return { set, min, max, next };
}

/** Concatenates prefix sets: complete short strings continue with the next part. */
function concat(a: Set<string>, b: (k: number) => Set<string>, k: number): Set<string> {
  const out = new Set<string>();
  const cache = new Map<number, Set<string>>();
  for (const x of a) {
    if (x.length >= k) {
      out.add(x);
      continue;
    }
    const rest = k - x.length;
    let tail = cache.get(rest);
    if (!tail) {
      tail = b(rest);
      cache.set(rest, tail);
    }
    for (const y of tail) out.add(x + y);
  }
  return out;
}

function repeat(atom: Atom, times: number, k: number): Set<string> {
  let acc = new Set(['']);
  for (let t = 0; t < times; t++) acc = concat(acc, atom.set, k);
  return acc;
}

function atomPrefixes(atom: Atom, k: number): Set<string> {
  // Up to k + 1 repetitions decide every prefix of length k (each repetition that adds characters adds one).
  const upto = Math.min(atom.max, k + 1);
  const out = new Set<string>();
  for (let t = atom.min; t <= upto; t++) for (const x of repeat(atom, t, k)) out.add(x);
  return out;
}

/**
 * Splits a pattern source at its top-level `|`.
 * @param s - a regular-expression source
 */
export function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') i = closeBracket(s, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function sequencePrefixes(s: string, k: number): Set<string> {
  const atoms: Atom[] = [];
  for (let i = 0; i < s.length; ) {
    const a = readAtom(s, i);
    atoms.push(a);
    i = a.next;
  }
  const run = (from: number, kk: number): Set<string> => {
    if (from >= atoms.length || kk === 0) return new Set(['']);
    return concat(atomPrefixes(atoms[from] as Atom, kk), (r) => run(from + 1, r), kk);
  };
  return run(0, k);
}

function alternativesPrefixes(s: string, k: number): Set<string> {
  const out = new Set<string>();
  for (const alt of splitAlternatives(s)) for (const x of sequencePrefixes(alt, k)) out.add(x);
  return out;
}

/**
 * The prefixes of length `k` (or shorter complete matches) of one alternative, lower case, WILD for any.
 * @param alternative - one top-level alternative of a pattern source
 * @param k - prefix length
 */
export function prefixesOf(alternative: string, k: number): Set<string> {
  return sequencePrefixes(alternative, k);
}
