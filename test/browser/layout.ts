import type { Page } from 'playwright-core';

/** How far the page scrolls sideways (0 when it fits the screen). */
export const sideScroll = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Rows of a card grid that stop short of its right edge: an empty column beside the last card
 * (e.g. two cards in a three-column grid). Each hole as "<first card id> row at <y>px: <gap>px".
 */
export const gridHoles = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const holes: string[] = [];
    for (const grid of document.querySelectorAll<HTMLElement>('.grid')) {
      const box = grid.getBoundingClientRect();
      const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
      const rows = new Map<number, { right: number; id: string }>();
      for (const el of grid.children) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        const top = Math.round(r.top);
        const row = rows.get(top) ?? { right: 0, id: el.getAttribute('data-card') ?? el.tagName };
        row.right = Math.max(row.right, r.right);
        rows.set(top, row);
      }
      for (const [top, row] of rows) {
        const short = box.right - row.right;
        if (short > gap + 2) holes.push(`${row.id} row at ${top}px: ${Math.round(short)}px`);
      }
    }
    return holes;
  });
