/** Where the server listens and which credentials exist besides user tokens (read in env.ts only). */
export interface AccessPolicy {
  /** The address the server listens on. */
  host: string;
  /** HANGUP_UPLOAD_TOKEN: works as an uploader. */
  token?: string;
  /** HANGUP_ALLOWED_HOSTS: names besides loopback the `Host` header may carry. */
  allowedHosts?: readonly string[];
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

/** The name part of a Host header value (`[::1]:8787` -> `[::1]`, `Example.COM.:80` -> `example.com`). */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Whether a request's Host may be served: a loopback name, the literal address the server is
 * bound to, or a name in HANGUP_ALLOWED_HOSTS. Anything else is how DNS rebinding looks (a page
 * on evil.example whose name now resolves to this machine).
 */
export function hostAllowed(hostHeader: string, p: AccessPolicy): boolean {
  const name = hostName(hostHeader);
  if (!name) return false;
  if (isLoopback(name)) return true;
  const bound = hostName(p.host);
  if (!WILDCARD.has(bound) && name === bound) return true;
  return (p.allowedHosts ?? []).some((a) => hostName(a) === name);
}
