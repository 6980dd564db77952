/**
 * Describes a JSON.parse failure with a line and column instead of V8's character offset, so a person can
 * find it in an editor. V8 sometimes gives no offset (and quotes the text instead, which may hold patient
 * data); then a small scanner finds the first bad character. Never includes a stack trace or the text.
 * @param err - what JSON.parse threw
 * @param text - the text that was parsed
 */
export function describeJsonError(err: unknown, text: string): { position: string; message: string } {
  const raw = err instanceof Error ? err.message : String(err);
  const m = / at position (\d+)/.exec(raw);
  const offset = m ? Number(m[1]) : findJsonErrorOffset(text);
  const message = raw
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '');
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { position: `line ${line}, column ${offset - lineStart + 1}`, message: `not valid JSON: ${message}` };
}

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first syntax error in text that JSON.parse rejected (its length when the text ends early).
 * Only run after a failure, so it favours clarity over speed.
 * @param text - invalid JSON
 */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const fail = (at: number): never => {
    throw new JsonSyntaxAt(at);
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i);
      } else if (c < 32) fail(i);
      else i++;
    }
    fail(n);
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(i);
        string();
        ws();
        if (text[i] !== ':') fail(i);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail(i);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail(i);
      }
    } else if (c === '"') string();
    else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!text.startsWith(word, i)) fail(i);
      i += word.length;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail(i);
      i = NUMBER.lastIndex;
    }
  };
  try {
    value();
    ws();
    return Math.min(i, n);
  } catch (e) {
    if (e instanceof JsonSyntaxAt) return Math.min(e.offset, n);
    return 0; // Nesting deep enough to exhaust the stack: point at the start.
  }
}
