import type { EChartsOption } from 'echarts';
import type { Attachment } from 'svelte/attachments';
import { init } from './echarts-setup.ts';

/**
 * Owns one ECharts instance for the element's lifetime: init on mount, setOption whenever the
 * option changes, resize with the element, dispose on unmount. SVG renderer: crisp text (CJK
 * included) and labels that tests and screen readers can find.
 */
export function echart(getOption: () => EChartsOption): Attachment<HTMLElement> {
  return (el) => {
    const chart = init(el, null, { renderer: 'svg' });
    $effect(() => {
      chart.setOption(getOption(), { notMerge: true });
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  };
}
