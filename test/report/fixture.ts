/**
 * A temp DuckDB filled with the sample generator (30,000 calls from 2026-09-07 = 2026-W37 over
 * 8 weeks) plus a few hand-made rows loaded through the real ingest path: calls around midnight
 * between Sunday and Monday in the business timezone, and opening-line names that try formula
 * injection or HTML injection.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createApp } from '../../server/app.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { loadSample, openStore, type Store } from '../../server/store.ts';

export const SETTINGS = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
export const WEEK = '2026-W38';
export const WEEK_FROM = '2026-09-14';
export const WEEK_TO = '2026-09-21';

export const INJECTION_SCRIPTS = [
  '=HYPERLINK("http://evil.example/x","click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '<img src="https://evil.example/x.png">',
];

export const HEADER =
  'call_id,started_at,answered_at,ended_at,ring_seconds,talk_seconds,disposition,answered_by,hangup_by,hangup_cause,campaign,script_id,agent_id,caller_number,number_tag,callee_id,segment,age_band,outcome';
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One answered call hung up by the callee after 4 s. */
export function row(id: string, startedAt: string, campaign: string, script: string): string {
  return [
    id,
    startedAt,
    '',
    '',
    '3',
    '4',
    'answered',
    'human',
    'callee',
    'NORMAL_CLEARING',
    campaign,
    script,
    'a01',
    '02155570001',
    'unmarked',
    `CUST-${id}`,
    'white_collar',
    '25-34',
    'declined',
  ]
    .map(csvField)
    .join(',');
}

/** Two stray calls from July 2023 (2023-W30) into `store`: years before the sample's weeks. */
export async function ingestStray2023(store: Store): Promise<void> {
  const file = join(store.dataDir, 'stray-2023.csv');
  writeFileSync(
    file,
    [
      HEADER,
      row('stray-1', '2023-07-26T10:00:00+08:00', 'stray', 'A'),
      row('stray-2', '2023-07-27T10:00:00+08:00', 'stray', 'A'),
    ].join('\n') + '\n',
  );
  const r = await ingestFile(store.db, file, {
    dataDir: store.dataDir,
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
  });
  if (r.inserted !== 2) throw new Error(`stray rows: ${JSON.stringify(r)}`);
}

export const EXTRA_ROWS = [
  // Sunday 23:30 in Shanghai, with an explicit offset: Sunday of W38.
  row('tz-sun-2330', '2026-09-20T23:30:00+08:00', 'tz_probe', 'A'),
  // Naive local time, read in the business timezone: Sunday 23:45, W38.
  row('tz-sun-2345-naive', '2026-09-20 23:45:00', 'tz_probe', 'A'),
  // 16:10 UTC on Sunday is Monday 00:10 in Shanghai: W39, although it is still Sunday (W38) in UTC.
  row('tz-mon-0010', '2026-09-20T16:10:00Z', 'tz_probe', 'A'),
  ...INJECTION_SCRIPTS.map((s, i) => row(`inj-${i}`, `2026-09-16T10:0${i}:00+08:00`, 'injection', s)),
];

export interface Fixture {
  store: Store;
  app: ReturnType<typeof createApp>;
  dir: string;
  close(): void;
}

export async function reportFixture(opts: { chromiumPath?: string } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'hangup-report-'));
  const store = await openStore(join(dir, 'test.duckdb'), SETTINGS);
  const sample = await loadSample(store, { calls: 30_000 });
  if (sample.status !== 'loaded') throw new Error(`sample failed: ${sample.message}`);
  const extra = join(dir, 'extra.csv');
  writeFileSync(extra, [HEADER, ...EXTRA_ROWS].join('\n') + '\n');
  const r = await ingestFile(store.db, extra, {
    dataDir: store.dataDir,
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
  });
  if (r.inserted !== EXTRA_ROWS.length) throw new Error(`extra rows: ${JSON.stringify(r)}`);
  const app = createApp({ db: store.db, settings: store.settings, chromiumPath: opts.chromiumPath });
  return {
    store,
    app,
    dir,
    close() {
      store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function getJson<T = Record<string, unknown>>(app: Fixture['app'], path: string): Promise<T> {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function getReport(app: Fixture['app'], query: string): Promise<Response> {
  return app.request(`/api/reports/weekly?${query}`);
}

export async function readXlsx(body: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  return wb;
}

/** The row of a sheet whose first cell equals `label`. */
export function rowByLabel(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (!found && r.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no row "${label}" in sheet ${ws.name}`);
  return found;
}
