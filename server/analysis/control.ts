import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { runMetric, type Settings } from '../metrics.ts';
import { BadRequest } from '../routes/query-input.ts';

export interface ControlCandidate {
  script: string;
  answered: number;
  /** A scripts file marks it `control: true`. */
  marked: boolean;
}

/**
 * The default control of an A/B/n view: the script a scripts file marks as control (if it is in
 * view), else the one with the most answered calls (ties: the first by name). Never "the name
 * that sorts first": an uploaded script called "0-test" must not become everyone's baseline.
 */
export function pickControl(candidates: readonly ControlCandidate[]): string | null {
  return pickControlCandidate(candidates)?.script ?? null;
}

/** pickControl's choice with why it was chosen (`marked`: a scripts file marks it; else the most answered). */
export function pickControlCandidate(candidates: readonly ControlCandidate[]): ControlCandidate | null {
  const marked = candidates.filter((c) => c.marked);
  const pool = marked.length ? marked : candidates;
  let best: ControlCandidate | null = null;
  for (const c of pool)
    if (!best || c.answered > best.answered || (c.answered === best.answered && c.script < best.script)) best = c;
  return best;
}

/** Scripts with calls matching `filters` and their answered calls, from the smallest rollup covering them. */
async function scriptsInView(db: Database, filters: Filters, settings: Settings) {
  const { rows } = await runMetric<{ script: string | null; answered: number }>(db, settings, {
    groups: [{ alias: 'script', column: 'script_id' }],
    filters,
    orderBy: ['script'],
  });
  return rows.filter((r): r is { script: string; answered: number } => r.script !== null);
}

async function candidatesOf(db: Database, filters: Filters, settings: Settings): Promise<ControlCandidate[]> {
  const [scripts, marks] = await Promise.all([
    scriptsInView(db, filters, settings),
    db.query<{ script: string }>(sqlText('ab_control_marks')),
  ]);
  const marked = new Set(marks.map((m) => m.script));
  return scripts.map((r) => ({ script: r.script, answered: r.answered, marked: marked.has(r.script) }));
}

/**
 * The default control for these filters, without checking them (the weekly report: same choice as
 * /api/ab), with why it was chosen so the report can say so. Null: no script in view.
 */
export async function defaultControl(
  db: Database,
  filters: Filters,
  settings: Settings,
): Promise<ControlCandidate | null> {
  return pickControlCandidate(await candidatesOf(db, filters, settings));
}

/**
 * Checks the values of /api/ab against the data: each `script` filter value must be a script of
 * the chosen campaigns, and `control` one of the scripts in view. Returns the control to use
 * (null: no script in view). Throws BadRequest naming the parameter otherwise.
 */
export async function resolveControl(
  db: Database,
  filters: Filters,
  settings: Settings,
  requested?: string,
): Promise<string | null> {
  if (filters.script.length) {
    // Every script with calls in the chosen campaigns (all campaigns when none), whatever the other filters.
    const none = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
    const inCampaigns = await scriptsInView(db, { ...none, campaign: filters.campaign }, settings);
    const known = new Set(inCampaigns.map((r) => r.script));
    const stray = filters.script.filter((s) => !known.has(s));
    if (stray.length) {
      const where = filters.campaign.length ? `in campaign ${filters.campaign.join(', ')}` : 'in the data';
      throw new BadRequest([
        { param: 'script', message: `no script ${stray.map((s) => `"${s.slice(0, 60)}"`).join(', ')} ${where}` },
      ]);
    }
  }
  const candidates = await candidatesOf(db, filters, settings);
  if (requested !== undefined) {
    if (!candidates.some((c) => c.script === requested)) {
      const list = candidates
        .slice(0, 20)
        .map((c) => c.script)
        .join(', ');
      throw new BadRequest([
        {
          param: 'control',
          message: `"${requested.slice(0, 60)}" is not a script in view${list ? ` (scripts: ${list})` : ' (no script in view)'}`,
        },
      ]);
    }
    return requested;
  }
  return pickControl(candidates);
}
