/**
 * Describes a JSON.parse failure with a line and column instead of V8's character offset, so a person can
 * find it in an editor. Never includes a stack trace.
 * @param err - what JSON.parse threw
 * @param text - the text that was parsed
 */
export function describeJsonError(err: unknown, text: string): { position: string; message: string } {
  const raw = err instanceof Error ? err.message : String(err);
  const m = / in JSON at position (\d+)/.exec(raw);
  let offset = m ? Number(m[1]) : /end of JSON input/.test(raw) ? text.length : -1;
  let message = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
  if (offset < 0) {
    offset = 0;
    message = raw;
  }
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
