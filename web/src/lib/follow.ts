import { url } from './url-state.svelte.ts';

/**
 * An in-app link's click: a plain left click stays in the app (same filters and language);
 * a modified click (new tab, new window) follows the real href. True when the app took it.
 */
export function follow(e: MouseEvent, path: string): boolean {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  e.preventDefault();
  url.go(path);
  return true;
}
