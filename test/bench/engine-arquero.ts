/**
 * arquero (the in-browser/JS data-frame library of the stack) answering the same questions from
 * typed-array columns: text columns as small integer codes with a dictionary (its best case),
 * flags as 0/1 bytes. Loading reads the columns from the generated DuckDB file.
 */
import { DuckDBInstance, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import * as aq from 'arquero';
import { FILTER, type ApiCase } from './cases.ts';
import { HEADLINE_CASES, type ComparisonEngine } from './engine-types.ts';

const CODED = [
  'campaign',
  'script_id',
  'segment',
  'age_band',
  'number_tag',
  'agent_id',
  'caller_number',
  'hangup_cause',
  'disposition',
] as const;
const NUMERIC = ['local_date', 'hour', 'weekday', 'nth_call_30d', 'talk_seconds'] as const;
const FLAGS = ['answered', 'known', 'hangup', 'early', 'short', 'rejected', 'converted', 'machine'] as const;
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

const COUNTS = {
  dials: aq.op.count(),
  answered: 'd => op.sum(d.answered)',
  known_party: 'd => op.sum(d.known)',
  hangups: 'd => op.sum(d.hangup)',
  early_hangups: 'd => op.sum(d.early)',
  short_calls: 'd => op.sum(d.short)',
  rejected: 'd => op.sum(d.rejected)',
  converted: 'd => op.sum(d.converted)',
  machine_answered: 'd => op.sum(d.machine)',
};

export async function arqueroEngine(
  maxRows = Number(process.env.BENCH_ARQUERO_MAX ?? 20_000_000),
): Promise<ComparisonEngine> {
  let table: aq.ColumnTable | null = null;
  const dict = new Map<string, string[]>();
  const decode = (rows: object[]) =>
    (rows as Record<string, unknown>[]).map((r) => {
      const out: Record<string, unknown> = { ...r };
      for (const [k, v] of Object.entries(r))
        if (dict.has(k) && typeof v === 'number') out[k] = dict.get(k)![v - 1] ?? null;
      return out;
    });
  const filtered = () => {
    const c = dict.get('campaign')!.indexOf(FILTER.campaign) + 1;
    return table!
      .params({ lo: dayOf(FILTER.from), hi: dayOf(FILTER.to), c })
      .filter((d: any, $: any) => d.local_date >= $.lo && d.local_date < $.hi && d.campaign === $.c);
  };
  return {
    name: 'arquero',
    async unavailable(ctx) {
      return ctx.calls > maxRows
        ? `more than ${maxRows.toLocaleString('en')} calls (JS heap; BENCH_ARQUERO_MAX raises it)`
        : null;
    },
    async load(ctx) {
      const t = Date.now();
      const instance = await DuckDBInstance.create(ctx.duckdbPath, { access_mode: 'READ_ONLY' });
      const con = await instance.connect();
      const n = Number((await con.runAndReadAll('SELECT count(*) FROM calls')).getRows()[0]![0]);
      const cols: Record<string, Int32Array | Int16Array | Uint8Array | Uint16Array> = {};
      const params: Record<string, ReturnType<typeof listValue>> = {};
      for (const c of CODED) {
        const values = (await con.runAndReadAll(`SELECT DISTINCT ${c} FROM calls WHERE ${c} IS NOT NULL ORDER BY 1`))
          .getRows()
          .map((r) => String(r[0]));
        dict.set(c, values);
        params[c] = listValue(values);
        cols[c] = values.length < 255 ? new Uint8Array(n) : new Uint16Array(n);
      }
      cols.local_date = new Int32Array(n);
      cols.hour = new Uint8Array(n);
      cols.weekday = new Uint8Array(n);
      cols.nth_call_30d = new Uint8Array(n);
      cols.talk_seconds = new Uint16Array(n);
      for (const f of FLAGS) cols[f] = new Uint8Array(n);
      // Codes are 1-based positions in the dictionary (0 = missing); flags as 0/1.
      const sql = `SELECT ${CODED.map((c) => `coalesce(list_position($${c}::VARCHAR[], ${c}), 0)`).join(', ')},
        (local_date - DATE '1970-01-01')::INTEGER, hour, weekday, coalesce(nth_call_30d, 0), least(talk_seconds, 65535)::INTEGER,
        is_answered::INTEGER, is_known_party::INTEGER, is_callee_hangup::INTEGER, is_early_hangup::INTEGER,
        is_short::INTEGER, is_rejected::INTEGER, is_converted::INTEGER, is_machine::INTEGER
        FROM calls`;
      const order = [...CODED, ...NUMERIC, ...FLAGS];
      const result = await con.stream(sql, params, Object.fromEntries(CODED.map((c) => [c, LIST(VARCHAR)])));
      let row = 0;
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const data = chunk.getColumns();
        for (let j = 0; j < order.length; j++) {
          const target = cols[order[j]!]!;
          const src = data[j]! as number[];
          for (let i = 0; i < src.length; i++) target[row + i] = Number(src[i]);
        }
        row += chunk.rowCount;
      }
      con.closeSync();
      instance.closeSync();
      table = aq.table(cols);
      return { ms: Date.now() - t, note: `${row.toLocaleString('en')} rows as typed arrays, text as dictionary codes` };
    },
    query(c: ApiCase) {
      const raw = c.raw;
      // The headline requests only: a rollup over 10 M rows takes arquero 5-20 s on this machine.
      if (!raw || !HEADLINE_CASES.has(c.id)) return undefined;
      switch (raw.file) {
        case 'bench_raw_counts': {
          const group = raw.group ?? [];
          const rows = () => (raw.filtered ? filtered() : table!);
          return async () =>
            group.length
              ? decode(
                  rows()
                    .groupby(...group)
                    .rollup(COUNTS)
                    .objects(),
                )
              : rows().rollup(COUNTS).objects();
        }
        case 'bench_raw_survival': {
          const dim = raw.idents!.dim!;
          return async () =>
            decode(
              table!
                .filter((d: any) => d.answered === 1)
                .groupby(dim, 'talk_seconds')
                .rollup({ n: aq.op.count(), events: 'd => op.sum(d.hangup)' })
                .objects(),
            );
        }
        default:
          return undefined;
      }
    },
    async close() {
      table = null;
    },
  };
}
