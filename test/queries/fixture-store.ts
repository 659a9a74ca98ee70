import { afterAll, beforeAll, expect } from 'vitest';
import { appFor, csv, ingestText, tempStore } from '../helpers/temp-store.ts';

type Store = Awaited<ReturnType<typeof tempStore>>;

/**
 * For one describe block: a temporary store holding `rows` (canonical CDR fields) ingested as one
 * CSV, and the app over it; deleted after the block. Read `store` and `app` inside the tests.
 */
export function storeWithCalls(rows: Parameters<typeof csv>[0], file = 'calls.csv') {
  const ctx = {} as { store: Store; app: ReturnType<typeof appFor> };
  beforeAll(async () => {
    ctx.store = await tempStore();
    expect((await ingestText(ctx.store, file, csv(rows))).status).toBe('loaded');
    ctx.app = appFor(ctx.store);
  });
  afterAll(() => ctx.store.cleanup());
  return ctx;
}
