import { randomBytes } from 'node:crypto';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../contract/errors.ts';

type Extra = Omit<ErrorBody, 'error' | 'code'>;

/** A refusal the caller can act on: thrown anywhere under /api, answered by `onApiError` as one ErrorBody. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Extra = {},
  ) {
    super(message);
  }
}

/** The ErrorBody response, for middleware that answers instead of throwing. */
export const errorJson = (c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, extra?: Extra) =>
  c.json({ error: message, code, ...extra } satisfies ErrorBody, status);

// Hono's own HTTPExceptions carry only a status.
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'sign_in',
  403: 'forbidden',
  404: 'not_found',
  408: 'upload_stalled',
  409: 'conflict',
  413: 'too_large',
  503: 'unavailable',
};

/**
 * app.onError: user errors as they were thrown; anything else is a bug, logged with its stack
 * under a fresh id and answered 500 with that id only (no message or stack leaves the server).
 */
export const onApiError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message, err.extra);
  if (err instanceof HTTPException && err.status < 500)
    return errorJson(c, err.status, CODE_OF_STATUS[err.status] ?? 'bad_request', err.message);
  const id = randomBytes(6).toString('hex');
  console.error(`internal error ${id}: ${c.req.method} ${c.req.path}\n`, err);
  return errorJson(c, 500, 'internal', 'internal error', { id });
};
