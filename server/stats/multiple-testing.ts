/**
 * Multiple-comparison adjustments for p-values (several arms against control, many segments).
 * Both return adjusted p-values in the input order, monotone in the sorted order and capped at 1,
 * matching R's p.adjust. NaN inputs (tests that could not be run) stay NaN and are not counted
 * in m, as p.adjust does with NA — an untestable comparison should not dilute the others.
 */

function sortedValid(pValues: number[]): number[] {
  pValues.forEach((p) => {
    if (!Number.isNaN(p) && !(p >= 0 && p <= 1)) throw new RangeError(`invalid p-value ${p}`);
  });
  return pValues
    .map((_, i) => i)
    .filter((i) => !Number.isNaN(pValues[i]))
    .sort((i, j) => pValues[i] - pValues[j]);
}

/**
 * Holm (1979) step-down adjustment: controls the family-wise error rate under any dependence.
 * adj(i) = max over j <= i of min(1, (m − j + 1)·p(j)), p sorted ascending.
 */
export function holmAdjust(pValues: number[]): number[] {
  const order = sortedValid(pValues);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}

/**
 * Benjamini–Hochberg (1995) step-up adjustment: controls the false discovery rate for
 * independent or positively dependent tests. adj(i) = min over j >= i of min(1, m/j·p(j)).
 */
export function benjaminiHochbergAdjust(pValues: number[]): number[] {
  const order = sortedValid(pValues);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank];
    running = Math.min(running, (m / (rank + 1)) * pValues[index]);
    adjusted[index] = running;
  }
  return adjusted;
}
