/**
 * Kaplan–Meier survival curve for time-to-event data, e.g. seconds until the callee hangs up
 * (event) versus calls that ended another way (censored). Greenwood standard errors and
 * log-log ("log(−log S)") 95% intervals, as R survival's conf.type = "log-log": unlike the plain
 * interval it stays inside [0, 1] and behaves well in the tails.
 * Ties: at the same time, events are counted before censorings (the censored are still at risk).
 */
import { Z_95 } from './normal';

/** One subject: observed time and whether the event (hang-up) happened then. */
export interface SurvivalObservation {
  time: number;
  event: boolean;
}

/** The curve at one event time. */
export interface KaplanMeierPoint {
  t: number;
  survival: number;
  /** Greenwood standard error of S(t); NaN once survival reaches 0. */
  standardError: number;
  /** Log-log interval; NaN once survival reaches 0 (the transform is undefined there). */
  ciLow: number;
  ciHigh: number;
  atRisk: number;
  events: number;
  /** Censored at exactly t (still counted at risk at t). */
  censored: number;
}

/** Median survival: null when the curve (or interval band) never reaches 0.5. */
export interface KaplanMeierResult {
  points: KaplanMeierPoint[];
  n: number;
  events: number;
  median: number | null;
  /** Times where the lower / upper band first reach 0.5 (R survfit's median interval). */
  medianCi: { lower: number | null; upper: number | null };
}

/**
 * Subjects aggregated by time: `n` observed at `time`, of whom `events` had the event (the rest
 * censored there). The SQL returns these (one row per group and second of talk), so a curve over
 * millions of calls costs one step per distinct time, never one object per call.
 */
export interface SurvivalCount {
  time: number;
  events: number;
  n: number;
}

/** Observations as counts per distinct time. */
export function toSurvivalCounts(observations: SurvivalObservation[]): SurvivalCount[] {
  const byTime = new Map<number, SurvivalCount>();
  for (const o of observations) {
    let c = byTime.get(o.time);
    if (!c) byTime.set(o.time, (c = { time: o.time, events: 0, n: 0 }));
    c.n++;
    if (o.event) c.events++;
  }
  return [...byTime.values()];
}

/** Kaplan–Meier estimate with one point per distinct event time; throws on a negative/NaN time. */
export function kaplanMeier(
  observations: SurvivalObservation[],
  z: number = Z_95,
): KaplanMeierResult {
  for (const o of observations) {
    if (!(o.time >= 0)) throw new RangeError(`invalid survival time ${o.time}`);
  }
  return kaplanMeierFromCounts(toSurvivalCounts(observations), z);
}

/** Kaplan–Meier from counts per time (rows with equal times are merged; 0 <= events <= n). */
export function kaplanMeierFromCounts(counts: SurvivalCount[], z: number = Z_95): KaplanMeierResult {
  for (const c of counts) {
    if (!(c.time >= 0)) throw new RangeError(`invalid survival time ${c.time}`);
    if (!(c.events >= 0 && c.n >= c.events)) throw new RangeError(`invalid counts at t = ${c.time}: ${c.events} of ${c.n}`);
  }
  const sorted = [...counts].sort((p, q) => p.time - q.time);
  const points: KaplanMeierPoint[] = [];
  let atRisk = sorted.reduce((s, c) => s + c.n, 0);
  const n = atRisk;
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i].time;
    let events = 0;
    let leaving = 0;
    for (; i < sorted.length && sorted[i].time === t; i++) {
      events += sorted[i].events;
      leaving += sorted[i].n;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += events === atRisk ? Infinity : events / (atRisk * (atRisk - events));
      points.push({ t, survival, ...interval(survival, greenwood, z), atRisk, events, censored: leaving - events });
    }
    atRisk -= leaving;
  }
  return {
    points,
    n,
    events: points.reduce((s, p) => s + p.events, 0),
    median: firstTimeAtOrBelow(points, (p) => p.survival),
    medianCi: {
      lower: firstTimeAtOrBelow(points, (p) => (p.survival === 0 ? 0 : p.ciLow)),
      upper: firstTimeAtOrBelow(points, (p) => (p.survival === 0 ? 0 : p.ciHigh)),
    },
  };
}

function interval(survival: number, greenwood: number, z: number) {
  // Greenwood is 0·∞ once everyone at risk has had the event: report it as undefined.
  if (survival === 0) return { standardError: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  const standardError = survival * Math.sqrt(greenwood);
  // se of log(−log S) is sqrt(Σ d/(n(n−d))) / |log S|; back-transform S^exp(±z·se).
  const seLogLog = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
  return {
    standardError,
    ciLow: survival ** Math.exp(z * seLogLog),
    ciHigh: survival ** Math.exp(-z * seLogLog),
  };
}

function firstTimeAtOrBelow(
  points: KaplanMeierPoint[],
  value: (p: KaplanMeierPoint) => number,
): number | null {
  return points.find((p) => value(p) <= 0.5)?.t ?? null;
}

/**
 * S(t) from the step function (right-continuous): 1 before the first event, and after the last
 * event time the last value (which is only an estimate up to the largest observed time).
 */
export function survivalAt(points: KaplanMeierPoint[], t: number): number {
  let survival = 1;
  for (const p of points) {
    if (p.t > t) break;
    survival = p.survival;
  }
  return survival;
}
