import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

/** The input formats `unitwise audit` reads. */
export const INPUT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** An opened input: its format, size when known, and how to read it. */
export interface Source {
  format: InputFormat;
  /** Bytes, for files; undefined for standard input. */
  size: number | undefined;
  /** A name for the report title. */
  name: string;
  /** The bytes as a stream (JSONL, CSV). */
  stream(): NodeJS.ReadableStream;
  /** The whole text (JSON). */
  text(): Promise<string>;
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

/**
 * Guesses a format from the first bytes: `{` on a first line that is a whole JSON value means JSONL (a
 * one-line JSON file reads the same either way), `{` or `[` otherwise means JSON, anything else CSV.
 * @param head - the first chunk of the input
 */
export function sniffFormat(head: string): InputFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return 'csv';
  const nl = text.indexOf('\n');
  if (nl < 0) return 'json';
  try {
    JSON.parse(text.slice(0, nl));
    return 'jsonl';
  } catch {
    return 'json';
  }
}

/** Reads the first chunk and gives back a stream that still yields every byte. */
async function peek(input: NodeJS.ReadableStream): Promise<{ head: string; rest: NodeJS.ReadableStream }> {
  const it = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? '' : String(first.value);
  async function* all() {
    if (!first.done) yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}

async function streamText(input: NodeJS.ReadableStream): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of input as AsyncIterable<Buffer | string>) parts.push(String(chunk));
  return parts.join('');
}

/**
 * Opens the FILE argument (`-` is standard input) and settles its format: `--input-format`, else the
 * extension, else the content.
 * @param io - streams and working directory
 * @param file - the FILE argument
 * @param forced - the `--input-format` value
 */
export async function openSource(io: CliIO, file: string, forced: string | undefined): Promise<Source> {
  let format: InputFormat | undefined;
  if (forced !== undefined) {
    format = INPUT_FORMATS.find((f) => f === forced);
    if (!format) throw new UsageError(`unknown --input-format '${forced}'. Use one of: ${INPUT_FORMATS.join(', ')}.`);
  }
  if (file === '-') {
    if ((io.stdin as { isTTY?: boolean }).isTTY)
      io.stderr.write('reading the case file from the terminal; end it with Ctrl-D\n');
    const { head, rest } = await peek(io.stdin);
    const f = format ?? sniffFormat(head);
    return { format: f, size: undefined, name: 'standard input', stream: () => rest, text: () => streamText(rest) };
  }
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new UsageError(`'${file}' is not a file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(
      `cannot read '${file}': ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`,
    );
  }
  let f = format ?? EXTENSIONS[extname(path).toLowerCase()];
  if (!f) {
    const { head, rest } = await peek(createReadStream(path, { encoding: 'utf8', end: 64 * 1024 }));
    rest.resume();
    f = sniffFormat(head);
  }
  return {
    format: f,
    size,
    name: file,
    stream: () => createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 }),
    text: () => readFile(path, 'utf8'),
  };
}
