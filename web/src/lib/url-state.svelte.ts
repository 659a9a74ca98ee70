import { dataRange } from './data-range.svelte.ts';
import { VIEW_KEYS, readFilters } from './filters.ts';
import { detectLang, parseLang, type Lang } from './i18n.ts';
import { defaultRange } from './period.ts';

type ParamValue = string | readonly string[] | null | undefined;

/**
 * The whole view lives in the URL: path = page, query = filters, lang and page toggles.
 * Every change pushes a history entry, so a copied link reproduces the view and
 * back/forward step through it.
 */
class UrlState {
  path = $state(location.pathname);
  search = $state(location.search);
  params = $derived(new URLSearchParams(this.search));
  /** The filters the reader picked, as in the URL. */
  chosen = $derived(readFilters(this.params));
  /** No dates picked and no `range=all`: the view may take the default dates (period.ts). */
  datesOpen = $derived(!this.chosen.from && !this.chosen.to && this.params.get('range') !== 'all');
  /** The dates a view without picked dates shows (null: all dates), from the data's range. */
  defaultDates = $derived(defaultRange(dataRange.first, dataRange.last));
  /** The filters every request uses: the chosen ones, with the default dates when none were picked. */
  filters = $derived.by(() => {
    const d = this.datesOpen ? this.defaultDates : null;
    return d ? { ...this.chosen, from: d.from, to: d.to } : this.chosen;
  });
  lang: Lang = $derived(parseLang(this.params.get('lang')) ?? detectLang(navigator.languages));

  constructor() {
    addEventListener('popstate', () => this.#sync());
  }

  #sync() {
    this.path = location.pathname;
    this.search = location.search;
  }

  get(key: string): string | null {
    return this.params.get(key);
  }

  getAll(key: string): string[] {
    return this.params.getAll(key);
  }

  /** Sets (or, with null/[]/undefined, removes) query parameters; other parameters stay. */
  update(changes: Record<string, ParamValue>, opts: { replace?: boolean } = {}) {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local draft, written to the URL state by #write
    const next = new URLSearchParams(this.search);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      if (value == null) continue;
      for (const v of typeof value === 'string' ? [value] : value) next.append(key, v);
    }
    this.#write(this.path, next, opts.replace);
  }

  /** Another page with the same filters and language; the old page's toggles are dropped. */
  go(path: string) {
    this.#write(path, this.#view(), false);
    scrollTo(0, 0);
  }

  /** Follows an in-app link that names its own query (e.g. a recommendation's chart), as given. */
  open(href: string) {
    const [path, query = ''] = href.split('?', 2) as [string, string?];
    this.#write(path, new URLSearchParams(query), false);
    scrollTo(0, 0);
  }

  /** The link to `path` that go(path) would follow, for real <a href>s (open in new tab works). */
  href(path: string): string {
    const q = this.#view().toString();
    return q ? `${path}?${q}` : path;
  }

  /** The parameters a view carries to another page (VIEW_KEYS); the page's own toggles stay behind. */
  #view(): URLSearchParams {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local draft, never state
    const next = new URLSearchParams();
    for (const [k, v] of this.params) if (VIEW_KEYS.includes(k)) next.append(k, v);
    return next;
  }

  #write(path: string, params: URLSearchParams, replace = false) {
    const q = params.toString();
    const target = q ? `${path}?${q}` : path;
    if (target === location.pathname + location.search) return;
    history[replace ? 'replaceState' : 'pushState'](null, '', target);
    this.#sync();
  }
}

export const url = new UrlState();
