import { parseArgs } from 'node:util';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { readEnv } from './env.ts';
import { ingestFile, type IngestReport } from './ingest/ingest-file.ts';
import { loadMapping, MappingError } from './ingest/formats/mapping-file.ts';
import { FORMAT_NAMES } from './ingest/formats/registry.ts';
import { loadSample, openStore } from './store.ts';
import { serve } from './serve.ts';
import { ensureWebBuild } from './web-build.ts';
import { FORMATS, generateReport, type Format } from './report/generate.ts';
import { LANGS, type Lang } from './report/i18n.ts';
import { parseScheduleSetting } from './report/schedule.ts';
import { parseIsoWeek, previousWeek } from './report/week.ts';
import { SAMPLE_DEFAULTS, writeSampleCsv } from '../sample-data/generate.ts';
import { attachClickHouse, CLICKHOUSE_OPTIONS, CLICKHOUSE_USAGE } from './clickhouse/attach.ts';

const USAGE = `Hangup Insight — hang-up rate analytics for outbound calling

usage: npm run hangup -- <command> [options]

  serve   [--db PATH] [--port 8787] [--host 127.0.0.1] [--timezone Asia/Shanghai] [--early-seconds 10]
  start   build the dashboard if missing or stale, then serve (same options)
  ingest  FILE... [--db PATH] [--timezone ZONE] [--format NAME] [--mapping FILE.yaml|.json]
          --timezone: zone of naive timestamps in the files (default: the mapping's, else HANGUP_TIMEZONE)
          --format: ${FORMAT_NAMES.join(', ')}
  sample  [--calls N] [--seed S] [--out FILE.csv | --db PATH]
  report  [--week 2026-W37] [--format pdf|xlsx|csv|html] [--lang zh|en] [--out FILE] [--db PATH]
          [--campaign C]... [--script S]... [--segment S]... [--number-tag T]... [--agent A]...
          (default: last complete week, pdf, zh, ./hangup-report-<week>-<lang>.<format>)

${CLICKHOUSE_USAGE}
  environment: HANGUP_DB, PORT, HOST, HANGUP_TIMEZONE, HANGUP_EARLY_SECONDS, CHROMIUM_PATH,
  HANGUP_REPORT_CRON (off | on = Monday 08:00 business time | a cron expression),
  HANGUP_REPORT_FORMATS (pdf,xlsx,csv,html), HANGUP_REPORT_LANGS (zh)
`;

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

function num(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, got "${value}"`);
  return n;
}

function progressBar(label: string) {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) bar.start(total, 0), (started = true);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

// Files smaller than this load in a blink: a bar would only flicker.
const BAR_MIN_BYTES = 5 * 1024 * 1024;

/** A per-file progress bar (phase and percent) for large files; phase lines on stderr otherwise. */
function fileProgress(file: string) {
  if (statSync(file).size < BAR_MIN_BYTES || !process.stderr.isTTY) {
    let last = '';
    return {
      update: (phase: string) => {
        if (phase !== last) process.stderr.write(`  ${file}: ${phase}…\n`), (last = phase);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({ format: `${file} {phase} [{bar}] {percentage}%`, hideCursor: true, stream: process.stderr }, Presets.shades_classic);
  bar.start(100, 0, { phase: 'hashing'.padEnd(10) });
  return {
    update: (phase: string, fraction?: number) => bar.update(Math.round((fraction ?? 0) * 100), { phase: phase.padEnd(10) }),
    stop: () => bar.stop(),
  };
}

export function printReport(r: IngestReport): void {
  if (r.status === 'failed') {
    console.error(`${r.fileName}: FAILED: ${r.message}`);
    return;
  }
  if (r.status === 'repeated') {
    console.log(`${r.fileName}: ${r.message}`);
    return;
  }
  console.log(
    `${r.fileName}: read ${r.rowsRead} rows = ${r.calls} calls + ${r.folded} folded; inserted ${r.inserted}, duplicates ${r.duplicates}, rejected ${r.rejected}` +
      ` (${r.format}, ${r.encoding ?? 'binary'}, ${(r.durationMs / 1000).toFixed(1)} s)`,
  );
  for (const n of r.foldNotes) console.log(`  folded: ${n.reason}: ${n.rows}`);
  if (r.kind === 'calls' && r.unknownParty) console.log(`  answered calls with unknown hang-up party: ${r.unknownParty}`);
  if (r.message) console.log(`  ${r.message}`);
  if (r.rejectsPath) console.log(`  rejected rows and reasons: ${r.rejectsPath}`);
  if (r.extraColumns.length) console.log(`  extra columns not stored: ${r.extraColumns.join(', ')}`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const env = readEnv();
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, timezone: { type: 'string' },
      'early-seconds': { type: 'string' }, calls: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
      week: { type: 'string' }, format: { type: 'string' }, mapping: { type: 'string' }, lang: { type: 'string' },
      campaign: { type: 'string', multiple: true }, script: { type: 'string', multiple: true },
      segment: { type: 'string', multiple: true }, 'number-tag': { type: 'string', multiple: true },
      agent: { type: 'string', multiple: true },
      ...CLICKHOUSE_OPTIONS,
    },
  });
  const settings = {
    timezone: values.timezone && command !== 'ingest' ? values.timezone : env.HANGUP_TIMEZONE,
    earlySeconds: num(values['early-seconds'], 'early-seconds', env.HANGUP_EARLY_SECONDS),
  };
  const dbPath = values.db ?? env.HANGUP_DB;
  switch (command) {
    case 'start':
    case 'serve': {
      if (command === 'start') await ensureWebBuild();
      const fresh = !existsSync(resolve(dbPath));
      const store = await openStore(dbPath, settings);
      await attachClickHouse(store, values); // --clickhouse: metrics from ClickHouse, writes mirrored there
      if (fresh) {
        console.log(`No database at ${dbPath}: filling it with generated sample data (${SAMPLE_DEFAULTS.calls} calls)…`);
        const bar = progressBar('generating');
        const r = await loadSample(store, {}, (phase, done, total) => {
          if (done !== undefined && total) bar.update(done, total);
          else bar.stop(), console.log(`  ${phase}…`);
        });
        printReport(r);
      }
      const reportSchedule = parseScheduleSetting(env.HANGUP_REPORT_CRON, env.HANGUP_REPORT_FORMATS, env.HANGUP_REPORT_LANGS);
      const inbox = env.HANGUP_INBOX === 'off' ? null : resolve(env.HANGUP_INBOX ?? join(store.dataDir, 'inbox'));
      await serve(store, {
        port: num(values.port, 'port', env.PORT), host: values.host ?? env.HOST, uploadToken: env.HANGUP_UPLOAD_TOKEN,
        chromiumPath: env.CHROMIUM_PATH, reportSchedule,
        maxUploadBytes: Math.round(env.HANGUP_MAX_UPLOAD_MB * 1048576), inbox, inboxStableMs: env.HANGUP_INBOX_STABLE_MS,
      });
      return;
    }
    case 'ingest': {
      if (positionals.length === 0) fail('ingest needs at least one FILE');
      if (values.format && !(FORMAT_NAMES as readonly string[]).includes(values.format)) fail(`--format must be one of ${FORMAT_NAMES.join(', ')}`);
      let mapping;
      try {
        mapping = values.mapping ? loadMapping(values.mapping) : undefined;
      } catch (err) {
        fail(err instanceof MappingError ? err.message : `--mapping: ${(err as Error).message}`);
      }
      const store = await openStore(dbPath, settings);
      const ch = await attachClickHouse(store, values); // --clickhouse: accepted calls shipped to ClickHouse
      let failed = 0;
      for (const file of positionals) {
        if (!existsSync(file)) {
          console.error(`${file}: FAILED: no such file`);
          failed++;
          continue;
        }
        const bar = fileProgress(file);
        const r = await ingestFile(store.db, file, {
          dataDir: store.dataDir, businessTimezone: settings.timezone, timezone: values.timezone,
          earlySeconds: settings.earlySeconds, format: values.format, mapping, onProgress: bar.update,
        });
        bar.stop();
        printReport(r);
        if (r.status === 'failed') failed++;
      }
      store.db.close();
      await ch?.close();
      process.exitCode = failed ? 1 : 0;
      return;
    }
    case 'sample': {
      const opts = { calls: Math.round(num(values.calls, 'calls', SAMPLE_DEFAULTS.calls)), seed: Math.round(num(values.seed, 'seed', SAMPLE_DEFAULTS.seed)) };
      const bar = progressBar('generating');
      if (values.out) {
        await writeSampleCsv(values.out, opts, (d) => bar.update(d, opts.calls));
        bar.stop();
        console.log(`wrote ${opts.calls} calls to ${values.out}`);
        return;
      }
      const store = await openStore(dbPath, settings);
      const ch = await attachClickHouse(store, values); // --clickhouse
      const r = await loadSample(store, opts, (phase, done, total) => {
        if (done !== undefined && total) bar.update(done, total);
        else bar.stop();
      });
      printReport(r);
      store.db.close();
      await ch?.close();
      process.exitCode = r.status === 'failed' ? 1 : 0;
      return;
    }
    case 'report': {
      let week;
      try {
        week = values.week ? parseIsoWeek(values.week) : previousWeek(new Date(), settings.timezone);
      } catch (err) {
        fail(`--week: ${(err as Error).message}`);
      }
      const format = (values.format ?? 'pdf') as Format;
      if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
      const lang = (values.lang ?? 'zh') as Lang;
      if (!LANGS.includes(lang)) fail(`--lang must be one of ${LANGS.join(', ')}, got "${values.lang}"`);
      if (!existsSync(resolve(dbPath))) fail(`no database at ${dbPath} (run \`npm run hangup -- sample\` or ingest files first)`);
      const filters = {
        campaign: values.campaign ?? [], script: values.script ?? [], segment: values.segment ?? [],
        numberTag: values['number-tag'] ?? [], agent: values.agent ?? [],
      };
      const store = await openStore(dbPath, settings);
      const t0 = Date.now();
      const steps = ['headline metrics', 'mix vs rate decomposition', 'daily trend, heatmap and opening lines', 'A/B verdicts and recommendations', 'data quality'];
      const total = steps.length + (format === 'pdf' ? 3 : 2);
      let n = 0;
      const progress = (step: string) => process.stderr.write(`[${++n}/${total}] ${step}… (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      try {
        const file = await generateReport(store.db, settings, { week, format, lang, filters }, { chromiumPath: env.CHROMIUM_PATH, onProgress: progress });
        const out = values.out ?? file.fileName;
        progress(`writing ${out}`);
        writeFileSync(out, file.body);
        console.log(`${out}: ${week.label} (${week.from} – ${week.days[6]}), ${format}, ${lang}, ${(file.body.length / 1024).toFixed(0)} KiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } finally {
        store.db.close();
      }
      return;
    }
    default:
      console.log(USAGE);
      process.exitCode = command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((err) => fail(err instanceof Error ? err.message : String(err)));
