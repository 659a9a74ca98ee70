import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { filterParams } from '../db/filter-params.ts';
import { sqlText } from '../db/sql-files.ts';
import type { Settings } from '../metrics.ts';
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
  const marked = candidates.filter((c) => c.marked);
  const pool = marked.length ? marked : candidates;
  let best: ControlCandidate | null = null;
  for (const c of pool)
    if (!best || c.answered > best.answered || (c.answered === best.answered && c.script < best.script)) best = c;
  return best?.script ?? null;
}

async function candidatesOf(db: Database, filters: Filters, settings: Settings): Promise<ControlCandidate[]> {
  const { params, types } = filterParams(filters, settings.earlySeconds);
  return (await db.query<ControlCandidate>(sqlText('ab_control_candidates'), params, types)).map((c) => ({
    ...c,
    answered: Number(c.answered),
  }));
}

/** The default control for these filters, without checking them (the weekly report: same choice as /api/ab). */
export async function defaultControl(db: Database, filters: Filters, settings: Settings): Promise<string | null> {
  return pickControl(await candidatesOf(db, filters, settings));
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
    const known = new Set(
      (
        await db.query<{ script: string }>(
          sqlText('ab_campaign_scripts'),
          { campaign: listValue(filters.campaign) },
          { campaign: LIST(VARCHAR) },
        )
      ).map((r) => r.script),
    );
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
