import { afterAll, afterEach, beforeAll } from 'vitest';
import { formatStore, type TempStore } from './format-store.ts';
import { appFor, tempStore } from './temp-store.ts';

type Store = Awaited<ReturnType<typeof tempStore>>;

/**
 * A temp store for the enclosing describe block (or file): made and filled before its tests,
 * with the app on top, removed after them. Read `suite.store` and `suite.app` inside the tests.
 */
export function suiteStore(fill: (store: Store) => Promise<unknown> = async () => {}) {
  const suite = {} as { store: Store; app: ReturnType<typeof appFor> };
  beforeAll(async () => {
    suite.store = await tempStore();
    await fill(suite.store);
    suite.app = appFor(suite.store);
  }, 120_000);
  afterAll(() => suite.store?.cleanup());
  return suite;
}

/** `fresh()` gives each test of the enclosing block its own store with the upload routes, closed after the test. */
export function freshFormatStores() {
  const open: TempStore[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.close();
  });
  return async (opts?: Parameters<typeof formatStore>[0]) => {
    const t = await formatStore(opts);
    open.push(t);
    return t;
  };
}
