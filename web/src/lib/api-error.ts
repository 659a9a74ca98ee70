/** An API answer other than 2xx, with the server's message (a 400 names each bad parameter). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The API's error body: a human message, each bad parameter on a 400, and on a 500 the id the server logged it under. */
export interface ErrorBody {
  error?: string;
  issues?: { param: string; message: string }[];
  id?: string;
}

/** The error of a refused request as one line: the message, the bad parameters, the log id to quote. */
export function apiError(res: Response, body: ErrorBody | null): ApiError {
  const detail = body?.issues?.map((i) => `${i.param}: ${i.message}`).join('; ');
  const id = body?.id ? `(ID ${body.id})` : undefined;
  return new ApiError(res.status, [body?.error ?? res.statusText, detail, id].filter(Boolean).join(' — '));
}
