import type { Component } from 'svelte';
import type { MessageKey } from './lib/i18n.ts';

export interface Route {
  path: string;
  title: MessageKey;
  /** Each page is its own chunk: the first load fetches only the page it shows. */
  load: () => Promise<{ default: Component }>;
}

export const ROUTES: Route[] = [
  { path: '/', title: 'nav.overview', load: () => import('./pages/Overview.svelte') },
  { path: '/when', title: 'nav.when', load: () => import('./pages/When.svelte') },
  { path: '/segments', title: 'nav.segments', load: () => import('./pages/Segments.svelte') },
  { path: '/scripts', title: 'nav.scripts', load: () => import('./pages/Scripts.svelte') },
  { path: '/numbers', title: 'nav.numbers', load: () => import('./pages/Numbers.svelte') },
  { path: '/agents', title: 'nav.agents', load: () => import('./pages/Agents.svelte') },
  { path: '/frequency', title: 'nav.frequency', load: () => import('./pages/Frequency.svelte') },
  { path: '/data', title: 'nav.data', load: () => import('./pages/Data.svelte') },
];

export const NOT_FOUND: Route = { path: '', title: 'nav.notFound', load: () => import('./pages/NotFound.svelte') };

/** The route for a path; a trailing slash is forgiven. */
export function routeFor(path: string): Route {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return ROUTES.find((r) => r.path === p) ?? NOT_FOUND;
}
