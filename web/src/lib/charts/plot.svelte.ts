import * as Plot from '@observablehq/plot';
import type { Attachment } from 'svelte/attachments';

/**
 * Owns one Observable Plot figure: Plot draws static SVG, so it is redrawn whenever its options
 * or the element's width change, and removed on unmount.
 */
export function plot(build: (width: number) => Plot.PlotOptions): Attachment<HTMLElement> {
  return (el) => {
    let width = $state(Math.round(el.clientWidth));
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.round(entry!.contentRect.width);
      if (Math.abs(w - width) > 1) width = w; // ignore sub-pixel jitter: no redraw loops
    });
    ro.observe(el);
    $effect(() => {
      if (width > 0) el.replaceChildren(Plot.plot(build(width)));
    });
    return () => {
      ro.disconnect();
      el.replaceChildren();
    };
  };
}
