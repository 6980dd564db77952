import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from './to-problem.ts';

/** The body limit of every request (5 MB: a month's 835 from a large payer fits with room). */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** Plain titles and details for the errors Fastify and Node raise before a route runs. */
const BY_STATUS: Record<number, { title: string; detail: string }> = {
  413: {
    title: 'Payload too large',
    detail: `The body is larger than the limit of ${BODY_LIMIT_BYTES} bytes (${BODY_LIMIT_BYTES / 1024 / 1024} MB).`,
  },
  414: { title: 'URI too long', detail: 'A part of the address is longer than allowed (100 characters per id).' },
  415: { title: 'Unsupported media type', detail: 'Send the body as application/json.' },
  431: { title: 'Request header fields too large', detail: 'The request headers are larger than allowed.' },
};

const BY_CODE: Record<string, { title: string; detail: string }> = {
  FST_ERR_BAD_URL: { title: 'Bad request', detail: 'The address has a malformed escape (a % not followed by hex).' },
  FST_ERR_CTP_INVALID_JSON_BODY: { title: 'Invalid request', detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { title: 'Invalid request', detail: 'The body is empty; send a JSON document.' },
};

/**
 * The problem document for a Fastify or Node error with a 4xx status: a plain title and a detail that says what
 * the limit is, never Fastify's internal message.
 * @param err - the error
 * @param status - its status
 */
export function frameworkProblem(err: unknown, status: number): Problem {
  const code = (err as { code?: unknown } | null)?.code;
  const known = (typeof code === 'string' ? BY_CODE[code] : undefined) ?? BY_STATUS[status];
  return {
    type: `/api/problems/http-${status}`,
    title: known?.title ?? 'Bad request',
    status,
    detail: known?.detail ?? 'The request could not be read.',
    errors: [],
    ...(status === 413 ? { limitBytes: BODY_LIMIT_BYTES } : {}),
  };
}

/**
 * Fastify's `frameworkErrors` hook: a bad URL escape or an over-long id, answered as problem+json.
 * @param err - FST_ERR_BAD_URL or FST_ERR_MAX_PARAM_LENGTH
 * @param _request - the request
 * @param reply - the reply
 */
export function onFrameworkError(err: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const code = (err as { code?: string }).code;
  const status = code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : ((err as { statusCode?: number }).statusCode ?? 400);
  const problem = frameworkProblem(err, status);
  reply.code(status).type('application/problem+json').send(problem);
}

/**
 * Node's `clientError` (headers too large, a malformed request line, a timeout): Fastify would answer in its own
 * JSON shape; this writes a problem document on the raw socket, as the connection cannot reach a route.
 * @param err - the parser's error
 * @param socket - the client's socket
 */
export function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const problem = frameworkProblem(err, status);
  if (status === 408) Object.assign(problem, { title: 'Request timeout', detail: 'The request took too long.' });
  const body = JSON.stringify(problem);
  const reason = problem.title;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
