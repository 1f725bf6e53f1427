// JSON errors `{error:{code,message}}` for everything that fails, with no stack traces or internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidValueError, StoreError } from '../store/index.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const oneLine = (s: string) => s.split('\n')[0].slice(0, 300);

/** Map Fastify's own error codes to a status and a stable code. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_REQ_FILE_TOO_LARGE: [413, 'payload_too_large'],
  FST_FILES_LIMIT: [413, 'payload_too_large'],
  FST_PARTS_LIMIT: [413, 'payload_too_large'],
  FST_FIELDS_LIMIT: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported_media_type'],
};

/** The first schema violation in words: where, which field, what was wrong. */
function describeValidation(err: FastifyError): string {
  const where = err.validationContext ?? 'request';
  const first = err.validation?.[0];
  if (!first) return `${where}: invalid`;
  const field = (first.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  const params = first.params as Record<string, unknown>;
  if (first.keyword === 'additionalProperties') return `${where}: unknown field ${JSON.stringify(params.additionalProperty)}`;
  if (first.keyword === 'enum') return `${where}: ${field || 'value'} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  return `${where}: ${field ? `${field} ` : ''}${first.message ?? 'is invalid'}`;
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message: oneLine(message) } });
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) return sendError(reply, err.status, err.code, err.message);
  if (err instanceof InvalidValueError) return sendError(reply, 400, 'invalid_value', err.message);
  if (err.validation) return sendError(reply, 400, 'invalid_request', describeValidation(err));
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return sendError(reply, known[0], known[1], err.message);
  if (err instanceof SyntaxError) return sendError(reply, 400, 'invalid_json', 'request body is not valid JSON');
  if (err instanceof StoreError) return sendError(reply, 400, 'store_error', err.message);
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return sendError(reply, err.statusCode, 'bad_request', err.message);
  }
  request.log.error({ err }, 'request failed');
  return sendError(reply, 500, 'internal', 'internal error (see the server log)');
}
