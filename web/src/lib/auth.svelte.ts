// Who this tab is signed in as. The token lives in this tab's sessionStorage only (never the URL,
// never localStorage); the key is the one the upload token always used, so both are one thing.
const TOKEN_KEY = 'hangup.uploadToken';
export const WRITE_HEADERS = { 'x-requested-with': 'hangup' } as const;

export type Role = 'viewer' | 'uploader' | 'admin';

interface Session {
  authRequired: boolean;
  closed: string | null;
  user: string | null;
  role: Role | null;
}

function stored(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function store(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage blocked: the token still works until the page reloads
  }
}

export const auth = $state({
  /** The /api/session answer has arrived. */
  checked: false,
  required: false,
  /** Why nobody can sign in (a server off loopback without users), from the server. */
  closed: null as string | null,
  token: stored(),
  user: null as string | null,
  role: null as Role | null,
  /** The server refused the token this tab had (401): ask again. */
  expired: false,
});

/** Whether the page must show the sign-in form instead of the dashboard. */
export function needsSignIn(): boolean {
  return auth.checked && auth.required && !auth.role;
}

export function can(need: Role): boolean {
  const order: Role[] = ['viewer', 'uploader', 'admin'];
  return !!auth.role && order.indexOf(auth.role) >= order.indexOf(need);
}

export function authHeaders(token = auth.token): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function session(token: string): Promise<Session> {
  const res = await nativeFetch('/api/session', {
    headers: { accept: 'application/json', ...authHeaders(token) },
    cache: 'no-store',
  });
  if (res.status === 401) return { authRequired: true, closed: null, user: null, role: null };
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as Session;
}

function apply(s: Session, token: string): void {
  auth.required = s.authRequired;
  auth.closed = s.closed;
  auth.user = s.user;
  auth.role = s.role;
  auth.token = s.role ? token : '';
  auth.checked = true;
  document.documentElement.dataset.role = s.role ?? 'none';
}

/** Asks the server once at start whether this tab must sign in, and who its stored token is. */
export async function checkSession(): Promise<void> {
  const s = await session(auth.token);
  if (auth.token && !s.role) store('');
  apply(s, auth.token);
}

/** Signs in with a token: true when the server knows it. */
export async function signIn(token: string): Promise<boolean> {
  const t = token.trim();
  if (!t) return false;
  const s = await session(t);
  if (!s.role) return false;
  store(t);
  auth.expired = false;
  apply(s, t);
  return true;
}

export function signOut(): void {
  store('');
  auth.token = '';
  auth.user = null;
  auth.role = null;
  document.documentElement.dataset.role = 'none';
  location.reload(); // drops every answer the page holds
}

let nativeFetch: typeof fetch = (...args) => fetch(...args);

const isApi = (url: URL) => url.origin === location.origin && url.pathname.startsWith('/api/');

/**
 * Every request to this server's /api carries the token (and writes the X-Requested-With header),
 * whichever component makes it; a 401 sends the tab back to sign-in. Links to /api files (the
 * rejects CSV) are fetched with the token and saved, since a plain link cannot carry a header.
 */
export function installAuth(): void {
  const original = window.fetch.bind(window);
  nativeFetch = original;
  window.fetch = async (input, init) => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local parse of the request URL, never state
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!isApi(url)) return original(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    for (const [k, v] of Object.entries(authHeaders())) if (!headers.has(k)) headers.set(k, v);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('x-requested-with'))
      headers.set('x-requested-with', 'hangup');
    const res = await original(input, { ...init, headers });
    if (res.status === 401 && auth.required) {
      auth.role = null;
      auth.expired = true;
    }
    return res;
  };
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!a || !auth.token || e.defaultPrevented || e.button !== 0) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local parse of a clicked link, never state
    const url = new URL(a.href, location.href);
    if (!isApi(url)) return;
    e.preventDefault();
    void window.fetch(url).then(async (res) => {
      if (!res.ok) return;
      const name =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
        (a.getAttribute('download') || 'download');
      // Not csv.ts's saveBlob: this module is in the first download, csv.ts is not.
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });
  });
}
