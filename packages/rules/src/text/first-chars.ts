/**
 * A small reader of our own regular-expression sources that finds which characters an alternative can start
 * with, so the scanner tries at each word only the alternatives that can match there. It understands the
 * subset the phrase patterns use: literals, escapes (\d \s \b \w and escaped punctuation), classes, groups,
 * lookarounds and quantifiers. Anything else counts as "may start with anything".
 */

/** Characters an alternative may start with (lower case), or null for any character. */
export type FirstChars = Set<string> | null;

const DIGITS = '0123456789';
const SPACES = ' \t\n\r\f\v';

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

function closeBracket(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return s.length - 1;
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

function classChars(body: string): FirstChars {
  if (body.startsWith('^')) return null;
  const set = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    let c = body[i] as string;
    if (c === '\\') {
      const e = body[++i] as string;
      if (e === 'd') for (const d of DIGITS) set.add(d);
      else if (e === 's') for (const d of SPACES) set.add(d);
      else if (e === 'w' || e === 'W' || e === 'D' || e === 'S') return null;
      else set.add(e.toLowerCase());
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2] as string;
      for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) set.add(String.fromCharCode(k).toLowerCase());
      i += 2;
      continue;
    }
    c = c.toLowerCase();
    set.add(c);
  }
  return set;
}

interface Atom {
  first: FirstChars;
  nullable: boolean;
  next: number;
}

function atomAt(s: string, i: number): Atom {
  const c = s[i] as string;
  let first: FirstChars;
  let nullable = false;
  let next: number;
  if (c === '(') {
    const close = closeParen(s, i);
    if (s.startsWith('(?=', i) || s.startsWith('(?!', i) || s.startsWith('(?<=', i) || s.startsWith('(?<!', i)) {
      return { first: new Set(), nullable: true, next: close + 1 };
    }
    const inner = s.slice(s.startsWith('(?:', i) ? i + 3 : i + 1, close);
    const r = alternativesFirst(inner);
    first = r.first;
    nullable = r.nullable;
    next = close + 1;
  } else if (c === '[') {
    const close = closeBracket(s, i);
    first = classChars(s.slice(i + 1, close));
    next = close + 1;
  } else if (c === '\\') {
    const e = s[i + 1] as string;
    next = i + 2;
    if (e === 'b' || e === 'B') return { first: new Set(), nullable: true, next };
    if (e === 'd') first = new Set(DIGITS);
    else if (e === 's') first = new Set(SPACES);
    else if (e === 'w' || e === 'W' || e === 'D' || e === 'S') first = null;
    else first = new Set([e.toLowerCase()]);
  } else if (c === '.') {
    first = null;
    next = i + 1;
  } else {
    first = new Set([c.toLowerCase()]);
    next = i + 1;
  }
  const q = s[next];
  if (q === '?' || q === '*') {
    nullable = true;
    next++;
  } else if (q === '+') next++;
  else if (q === '{') {
    const close = s.indexOf('}', next);
    if (/^\{0\s*(,|\})/.test(s.slice(next, close + 1))) nullable = true;
    next = close + 1;
  }
  if (s[next] === '?') next++; // lazy quantifier
  return { first, nullable, next };
}

function union(a: FirstChars, b: FirstChars): FirstChars {
  if (a === null || b === null) return null;
  for (const c of b) a.add(c);
  return a;
}

function sequenceFirst(s: string): { first: FirstChars; nullable: boolean } {
  let first: FirstChars = new Set();
  let i = 0;
  while (i < s.length) {
    const a = atomAt(s, i);
    first = union(first, a.first);
    if (!a.nullable) return { first, nullable: false };
    i = a.next;
  }
  return { first, nullable: true };
}

function alternativesFirst(s: string): { first: FirstChars; nullable: boolean } {
  let first: FirstChars = new Set();
  let nullable = false;
  for (const alt of splitAlternatives(s)) {
    const r = sequenceFirst(alt);
    first = union(first, r.first);
    nullable ||= r.nullable;
  }
  return { first, nullable };
}

/**
 * The characters (lower case) an alternative can start with; null when it may start with anything or match
 * the empty string.
 * @param alternative - one top-level alternative of a pattern source
 */
export function firstChars(alternative: string): FirstChars {
  const r = sequenceFirst(alternative);
  return r.nullable ? null : r.first;
}
