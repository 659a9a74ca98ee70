/**
 * Shared look of every chart. Latin fonts first, then CJK fonts: each script gets a font made
 * for it, and with <html lang="zh-CN"> Chromium picks the Simplified Chinese glyphs of Noto CJK.
 */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export const INK = '#1f2328';
export const MUTED = '#6e7781';
/** Cells and points whose denominator is too small to read. */
export const SMALL_SAMPLE_GREY = '#d0d4d9';

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Denominator below which a rate is greyed out: its own denominator (known-party calls for the hang-up rate, answered calls for the short-call rate, dials for the connect rate). */
export const MIN_SAMPLE = 30;

/** A CJK character (ideographs, radicals, full-width forms): about twice as wide as a Latin one, no spaces between words. */
export const CJK_CHAR = /[\u2e80-\u9fff\uff00-\uffef]/;

/** Escapes text for ECharts' HTML tooltips: dimension values come from uploaded files. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
