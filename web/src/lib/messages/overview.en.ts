/**
 * English text of the overview only (KPI cards, headline note, trend). Kept out of en.ts so the
 * first page load does not carry it: the overview's chunk brings it (overview.ts).
 */
export const overviewEn = {
  // A KPI whose rate rests on fewer than {min} calls in its own denominator (greyed, as in the tables).
  'kpi.thin.knownParty': 'Who hung up is known for only {n} call{s:n}: under {min} is too few to trust.',
  'kpi.thin.answered': 'Only {n} answered call{s:n}: under {min} is too few to trust.',
  'kpi.thin.dials': 'Only {n} dial{s:n}: under {min} is too few to trust.',
  'kpi.none.knownParty': 'No answered call says who hung up: no rate.',
  'kpi.none.answered': 'No answered calls: no rate.',
  'kpi.none.dials': 'No dials: no rate.',
  'kpi.fewBefore': 'too few calls in the previous {days} day{s:days} to compare',
  // The headline note when the share it quotes rests on few answered calls.
  'headline.thin': 'These filters leave only {n} answered call{s:n}: this share may not hold for your data as a whole.',
  // The trend's legend when some day is on too few calls.
  'overview.hollow': 'Hollow point on a dashed line = a day with fewer than {n} {unit}: too few to read.',
} as const;

export type OverviewMessageKey = keyof typeof overviewEn;
