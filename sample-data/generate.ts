import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  AGE_BANDS,
  AGE_EFFECT,
  AGENT_COUNT,
  BAD_AGENTS,
  BAD_AGENT_EFFECT,
  BASE_LOGIT,
  BURNED_NUMBER,
  CAMPAIGNS,
  FREQUENCY_EFFECT,
  NEW_AGENT,
  NUMBER_TAGS,
  SCRIPTS,
  SEGMENTS,
  numberTagOf,
  segmentHourEffect,
  type ScriptId,
} from './model.ts';
import { mulberry32 as rng } from './prng.ts';

export interface SampleOptions {
  calls: number;
  seed: number;
  /** First Monday of the sample (local dates, Asia/Shanghai). */
  start?: string;
  weeks?: number;
}

export const SAMPLE_DEFAULTS = { calls: 200_000, seed: 42, start: '2026-09-07', weeks: 8 };

export const CSV_HEADER =
  'call_id,started_at,answered_at,ended_at,ring_seconds,talk_seconds,disposition,answered_by,hangup_by,' +
  'hangup_cause,campaign,script_id,agent_id,caller_number,number_tag,callee_id,segment,age_band,outcome';

const pick = <T>(r: number, items: readonly T[], weights: readonly number[]): T => {
  let acc = 0;
  const total = weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < items.length; i++) if (r * total < (acc += weights[i]!)) return items[i]!;
  return items[items.length - 1]!;
};
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** ISO 8601 with the +08:00 offset, as dialers in China write it. */
function iso(utcMs: number): string {
  return new Date(utcMs + SHANGHAI_OFFSET).toISOString().slice(0, 19) + '+08:00';
}

// Dial hours 9-21 with a lunch dip; the script choice below depends on hour and segment.
const HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const HOUR_WEIGHTS = [9, 10, 10, 5, 6, 10, 10, 10, 9, 7, 8, 7, 5];
const SCRIPT_IDS: ScriptId[] = ['A', 'B', 'C', 'D'];

/**
 * Yields canonical CSV lines (no header) for `calls` dials. Deterministic for a given seed.
 * Callees are called 1-10 times, days apart, so nth_call_30d varies.
 */
export function* sampleLines(opts: SampleOptions): Generator<string> {
  const { calls, seed } = opts;
  const start = Date.parse(`${opts.start ?? SAMPLE_DEFAULTS.start}T00:00:00+08:00`);
  const days = 7 * (opts.weeks ?? SAMPLE_DEFAULTS.weeks);
  const r = rng(seed);
  const newAgentEvery = Math.max(1, Math.floor(calls / 5));
  let n = 0;
  let callee = 0;
  while (n < calls) {
    callee++;
    const seg = pick(
      r(),
      SEGMENTS,
      SEGMENTS.map((s) => s.share),
    );
    const ageIdx = AGE_BANDS.indexOf(pick(r(), AGE_BANDS, seg.ages));
    const calleeId =
      r() < 0.85
        ? `1${(3 + Math.floor(r() * 7)).toString()}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`
        : `CUST-${seed}-${callee}`;
    const campaign = pick(r(), CAMPAIGNS, [0.45, 0.3, 0.25]);
    const planned = 1 + Math.min(9, Math.floor(Math.log(r()) / Math.log(0.55)));
    let day = Math.floor(r() * days);
    const history: number[] = [];
    for (let k = 0; k < planned && n < calls && day < days; k++) {
      if ((day + 1) % 7 === 0 && r() < 0.6) day++; // fewer Sunday dials (day 0 is a Monday)
      if (day >= days) break;
      const hour = pick(r(), HOURS, HOUR_WEIGHTS);
      const t = start + day * DAY + hour * 3_600_000 + Math.floor(r() * 3_600_000);
      while (history.length && history[0]! < t - 30 * DAY) history.shift();
      history.push(t);
      const nth = history.length;
      yield dial(r, ++n, t, hour, day, days, nth, seg.key, ageIdx, calleeId, campaign, n % newAgentEvery === 0);
      day += 1 + Math.floor(-Math.log(1 - r()) * 6);
    }
  }
}

function dial(
  r: () => number,
  n: number,
  t: number,
  hour: number,
  day: number,
  days: number,
  nth: number,
  segment: string,
  ageIdx: number,
  calleeId: string,
  campaign: string,
  newAgent: boolean,
): string {
  const badWindow = (hour >= 9 && hour <= 11) || (hour >= 14 && hour <= 17);
  const script =
    segment === 'white_collar' && badWindow
      ? pick(r(), SCRIPT_IDS, [0.15, 0.15, 0.55, 0.15])
      : pick(r(), SCRIPT_IDS, [0.3, 0.3, 0.1, 0.3]);
  const agent = newAgent ? NEW_AGENT : `a${String(1 + Math.floor(r() * AGENT_COUNT)).padStart(2, '0')}`;
  const numIdx = Math.floor(r() * 40);
  const tag = numberTagOf(numIdx);
  const tagModel = NUMBER_TAGS[tag];
  const burned = numIdx === BURNED_NUMBER && day >= days - 7;
  const pAnswer = tagModel.answer * (hour === 12 || hour === 13 ? 0.85 : 1) * (burned ? 0.45 : 1);
  const pReject = Math.min(0.6, tagModel.reject * (burned ? 2.5 : 1));
  const ring = 3 + Math.floor(r() * 22);
  const u = r();
  let disposition: string;
  if (u < pAnswer) disposition = 'answered';
  else if (u < pAnswer + pReject) disposition = 'rejected';
  else if (u < pAnswer + pReject + 0.06) disposition = 'busy';
  else if (u < pAnswer + pReject + 0.075) disposition = 'failed';
  else disposition = 'no_answer';

  let answeredAt = '',
    talk = 0,
    answeredBy = '',
    hangupBy = '',
    outcome = '';
  const cause =
    { no_answer: 'NO_ANSWER', rejected: 'CALL_REJECTED', busy: 'USER_BUSY', failed: 'NETWORK_OUT_OF_ORDER' }[
      disposition
    ] ?? 'NORMAL_CLEARING';
  let end = t + (disposition === 'answered' ? ring * 1000 : (disposition === 'failed' ? 1 : ring) * 1000);
  if (disposition === 'answered') {
    answeredAt = iso(t + ring * 1000);
    if (r() < 0.03) {
      answeredBy = 'machine';
      hangupBy = 'agent';
      talk = 4 + Math.floor(r() * 15);
    } else {
      answeredBy = 'human';
      const logit =
        BASE_LOGIT +
        segmentHourEffect(segment, hour) +
        AGE_EFFECT[ageIdx]! +
        tagModel.hangup +
        FREQUENCY_EFFECT * (Math.min(nth, 8) - 1) +
        SCRIPTS[script as ScriptId].effect +
        (BAD_AGENTS.has(agent) ? BAD_AGENT_EFFECT : 0);
      if (r() < logistic(logit)) {
        hangupBy = 'callee';
        talk = 1 + Math.floor(r() * 9);
        outcome = 'declined';
      } else {
        talk = 10 + Math.round(Math.exp(3.2 + r() * 1.6 + r() * 0.8));
        const w = r();
        hangupBy = w < 0.4 ? 'callee' : w < 0.92 ? 'agent' : w < 0.95 ? 'system' : '';
        const o = r();
        outcome = o < 0.09 ? 'converted' : o < 0.27 ? 'interested' : 'declined';
      }
    }
    end = t + ring * 1000 + talk * 1000;
  }
  return [
    `S${n.toString().padStart(9, '0')}`,
    iso(t),
    answeredAt,
    iso(end),
    ring,
    talk,
    disposition,
    answeredBy,
    hangupBy,
    cause,
    campaign,
    script,
    agent,
    `021555${String(70 + Math.floor(numIdx / 10))}${String(numIdx).padStart(2, '0')}`,
    tag,
    calleeId,
    segment,
    AGE_BANDS[ageIdx],
    outcome,
  ].join(',');
}

/** Writes the sample as canonical CSV, reporting progress every 1% of rows. */
export async function writeSampleCsv(
  path: string,
  opts: SampleOptions,
  onProgress?: (done: number) => void,
): Promise<void> {
  const out = createWriteStream(path);
  out.write(CSV_HEADER + '\n');
  let batch: string[] = [];
  let done = 0;
  const step = Math.max(1, Math.floor(opts.calls / 100));
  for (const line of sampleLines(opts)) {
    batch.push(line);
    if (++done % step === 0) onProgress?.(done);
    if (batch.length === 5000) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length) out.write(batch.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  onProgress?.(done);
}
