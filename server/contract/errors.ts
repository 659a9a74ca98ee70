/**
 * The one body of every error answer under /api (4xx and 5xx): `error` is for people (the web
 * app shows it as it is), `code` for programs (a short key that does not change with the wording).
 */
export interface ErrorBody {
  error: string;
  code: ErrorCode;
  /** Parameter errors: one entry per offending parameter. */
  issues?: { param: string; message: string }[];
  /** 500 only: the id of the server log line that holds the stack. */
  id?: string;
  /** 413 on uploads: the limit, so a client can say it before sending again. */
  maxUploadBytes?: number;
}

export const ERROR_CODES = [
  'bad_request', // 400: a parameter or body field is wrong (issues name them)
  'bad_upload', // 400: the upload's framing or fields are wrong
  'sign_in', // 401: no token, or one the server does not know
  'forbidden', // 403: signed in, but the role does not allow it
  'refused', // 403: another host, site or origin, or a write without X-Requested-With
  'not_found', // 404
  'upload_stalled', // 408: the upload body stopped arriving
  'conflict', // 409: the state does not allow it (user exists, ingest already deleted)
  'too_large', // 413: over the upload limit
  'unavailable', // 503: a part the request needs is missing on this machine (Chromium)
  'internal', // 500: a bug; the details are in the server log under `id`
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
