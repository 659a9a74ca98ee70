/**
 * English text of the metric glossary, a dialog loaded when first opened (Header.svelte). Kept
 * out of en.ts so the first page load does not carry it.
 */
export const glossaryEn = {
  'glossary.shrunk': 'Shrunk rate',
  'glossary.shrunkDef':
    'Empirical-Bayes estimate: a rate pulled toward the group average, more strongly the fewer calls it rests on. Ranks agents and numbers without rewarding luck on small samples.',
  'glossary.knownParty':
    'Answered calls whose records say who hung up. The hang-up rate is counted over these only: an answered call with no hang-up party is in neither its numerator nor its denominator.',
  'glossary.adjusted': 'Adjusted comparison',
  'glossary.adjustedDef':
    'Opening lines compared within the same hours and segments (strata), so a line dialled at worse hours is not blamed for them: Mantel–Haenszel odds ratio and directly standardised rates.',
  'glossary.title': 'Metric glossary',
  'glossary.dials': 'Every dial attempt (one row of the call records).',
  'glossary.answered': 'Dials with disposition "answered".',
  'glossary.connectRate': 'Answered ÷ dials.',
  'glossary.hangupRate':
    'Early hang-ups ÷ answered calls whose hang-up party is known: the callee hung up within {t} seconds of answering. The headline metric when at least half of the answered calls say who hung up.',
  'glossary.shortCallRate':
    'Answered calls shorter than {t} seconds, whoever hung up ÷ answered. The headline metric when most calls do not say who hung up (plain Asterisk and FreeSWITCH CSVs).',
  'glossary.rejectionRate': 'Dials declined while ringing ÷ dials.',
  'glossary.conversionRate': 'Answered calls with outcome "converted" ÷ answered.',
  'glossary.interval': '95% interval',
  'glossary.intervalDef':
    'Wilson score interval: the range the true rate plausibly lies in, given the sample size. Wide interval = few calls.',
  'glossary.smallSample': 'Small sample',
  'glossary.smallSampleDef':
    'Cells and points with fewer than {n} calls in the denominator are greyed: their rate is mostly noise.',
  'glossary.nthCall': 'Call frequency',
  'glossary.nthCallDef': 'How many dials this person received in the 30 days up to and including this one.',
} as const;

export type GlossaryMessageKey = keyof typeof glossaryEn;
