import { labelWidth } from './intervals.ts';
import { FONT_STACK, INK } from './theme.ts';

/** One arm a row: room for a dot, its interval and the arm's label. */
const ROW_PX = 34;

/**
 * The frame of an A/B plot with one labelled row per arm (forest plot, crude vs adjusted):
 * size, margins wide enough for the longest label, the font, and the arms on the y axis.
 */
export function armRowsFrame(labels: readonly string[], width: number, marginRight: number) {
  return {
    width,
    height: labels.length * ROW_PX + 52,
    marginLeft: Math.max(48, ...labels.map(labelWidth)) + 12,
    marginRight,
    marginBottom: 40,
    style: { fontFamily: FONT_STACK, fontSize: '12px', color: INK, background: 'transparent' },
    y: { domain: [...labels], label: null, tickSize: 0 },
  };
}
