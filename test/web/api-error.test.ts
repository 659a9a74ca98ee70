import { describe, expect, it } from 'vitest';
import { ApiError, apiError } from '../../web/src/lib/api-error.ts';

const res = (status: number, statusText = '') => new Response(null, { status, statusText });

describe('apiError', () => {
  it('names each bad parameter of a 400 after the message', () => {
    const e = apiError(res(400), { error: 'bad request', issues: [{ param: 'by', message: 'not a dimension' }] });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.message).toBe('bad request — by: not a dimension');
  });

  it('quotes the id a 500 was logged under, so a user can report it', () => {
    expect(apiError(res(500), { error: 'internal error', id: 'e5f1c2' }).message).toBe('internal error — (ID e5f1c2)');
  });

  it('falls back to the status text when the body is not JSON', () => {
    expect(apiError(res(502, 'Bad Gateway'), null).message).toBe('Bad Gateway');
  });
});
