import { parseArgs } from 'node:util';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { readEnv } from './env.ts';
import { ingestFile, type IngestReport } from './ingest/ingest-file.ts';
import { loadMapping, MappingError, parseMapping } from './ingest/formats/mapping-file.ts';
import { draftMapping } from './ingest/draft-mapping.ts';
import { FORMAT_NAMES } from './ingest/formats/registry.ts';
import { DATE_ORDERS, type DateOrder } from './contract/ingests.ts';
import { loadSample, openStore } from './store.ts';
import { serve } from './serve.ts';
import { BUILD_COMMAND, ensureWebBuild, webBuildStale } from './web-build.ts';
import { usersCommand, USERS_USAGE } from './auth/users-cli.ts';
import { auditCliIngest } from './auth/audit.ts';
import { FORMATS, generateReport, type Format } from './report/generate.ts';
import { LANGS, type Lang } from './report/i18n.ts';
import { parseScheduleSetting } from './report/schedule.ts';
import { lastWeekWithData } from './report/default-week.ts';
import { parseIsoWeek } from './report/week.ts';
import { SAMPLE_DEFAULTS, writeSampleCsv } from '../sample-data/generate.ts';
import { attachClickHouse, CLICKHOUSE_OPTIONS, CLICKHOUSE_USAGE } from './clickhouse/attach.ts';

const USAGE = `Hangup Insight — hang-up rate analytics for outbound calling

usage: npm run hangup -- <command> [options]

  serve   [--db PATH] [--port 8787] [--host 127.0.0.1] [--timezone Asia/Shanghai] [--early-seconds 10] [--no-build]
          builds the dashboard first when it is missing or stale; --no-build serves a page saying how to build it
  start   the same as serve (npm start)
  ingest  FILE... [--db PATH] [--timezone ZONE] [--format NAME] [--mapping FILE.yaml|.json]
          [--date-order day-first|month-first | --date-format PATTERN]
          --timezone: zone of naive timestamps in the files (default: the mapping's, else the offset the
            file itself states (Asterisk uniqueid, offsets in started_at), else HANGUP_TIMEZONE)
          --date-order: how d/m/yyyy dates are read when the file cannot tell (default auto: from the
            file's own dates); a date that order cannot read refuses the file
          --date-format: strptime pattern of the times, e.g. "%d/%m/%Y %H:%M:%S" (day first)
          --format: ${FORMAT_NAMES.join(', ')}
  mapping FILE [--out FILE.mapping.yaml]
          write a draft mapping for an export no format reads (columns guessed from names and
          values); edit it, then ingest FILE --mapping FILE.mapping.yaml
  sample  [--calls N] [--seed S] [--out FILE.csv | --db PATH]
  report  [--week 2026-W37] [--format pdf|xlsx|csv|html] [--lang zh|en] [--out FILE] [--db PATH]
          [--campaign C]... [--script S]... [--segment S]... [--number-tag T]... [--agent A]...
          (default: the last week with data, pdf, zh, ./hangup-report-<week>-<lang>.<format>)

${USERS_USAGE}

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
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
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
        if (phase !== last) {
          process.stderr.write(`  ${file}: ${phase}…\n`);
          last = phase;
        }
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    { format: `${file} {phase} [{bar}] {percentage}%`, hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(100, 0, { phase: 'hashing'.padEnd(10) });
  return {
    update: (phase: string, fraction?: number) =>
      bar.update(Math.round((fraction ?? 0) * 100), { phase: phase.padEnd(10) }),
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
      (r.inbound ? `, inbound ${r.inbound} (not dials: not stored)` : '') +
      ` (${r.format}, ${r.encoding ?? 'binary'}, ${(r.durationMs / 1000).toFixed(1)} s)`,
  );
  for (const n of r.foldNotes) console.log(`  folded: ${n.reason}: ${n.rows}`);
  if (r.kind === 'calls' && r.unknownParty)
    console.log(`  answered calls with unknown hang-up party: ${r.unknownParty}`);
  if (r.message) console.log(`  ${r.message}`);
  if (r.rejectsPath) console.log(`  rejected rows and reasons: ${r.rejectsPath}`);
  if (r.extraColumns.length) console.log(`  extra columns not stored: ${r.extraColumns.join(', ')}`);
}

/**
 * DuckDB lets one process open a database file for writing. While `serve` holds it, say what to
 * do instead of printing DuckDB's lock message.
 */
async function openReportStore(dbPath: string, settings: { timezone: string; earlySeconds: number }) {
  try {
    return await openStore(dbPath, settings);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!/lock/i.test(message)) throw err;
    const pid = /PID (\d+)/.exec(message)?.[1];
    fail(
      `the server is using this database (${dbPath}${pid ? `, process ${pid}` : ''}): stop it, or get the report from the running server: ` +
        `GET /api/reports/weekly?week=<YYYY-Www>&format=pdf&lang=zh (e.g. curl -OJ "http://127.0.0.1:8787/api/reports/weekly?format=pdf&download=1")`,
    );
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const env = readEnv();
  if (command === 'users') return void (process.exitCode = await usersCommand(rest, env)); // the users command: roles
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      timezone: { type: 'string' },
      'early-seconds': { type: 'string' },
      calls: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      week: { type: 'string' },
      format: { type: 'string' },
      mapping: { type: 'string' },
      lang: { type: 'string' },
      'date-format': { type: 'string' },
      'date-order': { type: 'string' },
      campaign: { type: 'string', multiple: true },
      script: { type: 'string', multiple: true },
      segment: { type: 'string', multiple: true },
      'number-tag': { type: 'string', multiple: true },
      agent: { type: 'string', multiple: true },
      'no-build': { type: 'boolean' },
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
      // Both build a missing or stale dashboard; `--no-build` serves a page that says how instead.
      if (values['no-build']) {
        if (webBuildStale())
          console.log(
            `--no-build: the dashboard is not built (or older than its sources); pages answer with how to build it: ${BUILD_COMMAND}`,
          );
      } else await ensureWebBuild();
      const fresh = !existsSync(resolve(dbPath));
      const store = await openStore(dbPath, settings);
      await attachClickHouse(store, values); // --clickhouse: metrics from ClickHouse, writes mirrored there
      if (fresh) {
        console.log(
          `No database at ${dbPath}: filling it with generated sample data (${SAMPLE_DEFAULTS.calls} calls)…`,
        );
        const bar = progressBar('generating');
        const r = await loadSample(store, {}, (phase, done, total) => {
          if (done !== undefined && total) bar.update(done, total);
          else {
            bar.stop();
            console.log(`  ${phase}…`);
          }
        });
        printReport(r);
      }
      const reportSchedule = parseScheduleSetting(
        env.HANGUP_REPORT_CRON,
        env.HANGUP_REPORT_FORMATS,
        env.HANGUP_REPORT_LANGS,
      );
      const inbox = env.HANGUP_INBOX === 'off' ? null : resolve(env.HANGUP_INBOX ?? join(store.dataDir, 'inbox'));
      await serve(store, {
        port: num(values.port, 'port', env.PORT),
        host: values.host ?? env.HOST,
        uploadToken: env.HANGUP_UPLOAD_TOKEN,
        allowedHosts: env.HANGUP_ALLOWED_HOSTS,
        chromiumPath: env.CHROMIUM_PATH,
        reportSchedule,
        maxUploadBytes: Math.round(env.HANGUP_MAX_UPLOAD_MB * 1048576),
        inbox,
        inboxStableMs: env.HANGUP_INBOX_STABLE_MS,
      });
      return;
    }
    case 'ingest': {
      if (positionals.length === 0) fail('ingest needs at least one FILE');
      if (values.format && !(FORMAT_NAMES as readonly string[]).includes(values.format))
        fail(`--format must be one of ${FORMAT_NAMES.join(', ')}`);
      const dateFormat = values['date-format'];
      if (dateFormat !== undefined && (!dateFormat.includes('%') || dateFormat.length > 100))
        fail(`--date-format must be a strptime pattern such as "%d/%m/%Y %H:%M:%S", got "${dateFormat}"`);
      const dateOrder = values['date-order'] as DateOrder | undefined;
      if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder))
        fail(`--date-order must be one of ${DATE_ORDERS.join(', ')}, got "${dateOrder}"`);
      const ordered = dateOrder !== undefined && dateOrder !== 'auto';
      // A pattern names the order itself and would win: both given is a mistake said, not one ignored.
      if (ordered && dateFormat !== undefined) fail('give --date-order or --date-format, not both');
      let mapping;
      try {
        mapping = values.mapping ? loadMapping(values.mapping) : undefined;
      } catch (err) {
        fail(err instanceof MappingError ? err.message : `--mapping: ${(err as Error).message}`);
      }
      if (ordered && mapping?.dateFormat)
        fail(`--date-order: the mapping's dateFormat "${mapping.dateFormat}" gives the order already`);
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
          dataDir: store.dataDir,
          businessTimezone: settings.timezone,
          timezone: values.timezone,
          earlySeconds: settings.earlySeconds,
          format: values.format,
          mapping,
          onProgress: bar.update,
          dateFormat: values['date-format'],
          dateOrder,
        });
        bar.stop();
        printReport(r);
        await auditCliIngest(store.db, r); // every write is audited
        if (r.status === 'failed') failed++;
      }
      store.db.close();
      await ch?.close();
      process.exitCode = failed ? 1 : 0;
      return;
    }
    case 'mapping': {
      if (positionals.length !== 1) fail('mapping needs one FILE');
      const file = positionals[0]!;
      if (!existsSync(file)) fail(`${file}: no such file`);
      const out = values.out ?? `${file}.mapping.yaml`;
      if (existsSync(out)) fail(`${out} exists: give another --out (nothing overwritten)`);
      let text: string;
      try {
        text = await draftMapping(file, basename(file));
        parseMapping(text, out); // the draft must at least be a valid mapping file
      } catch (err) {
        fail(err instanceof Error ? err.message : String(err));
      }
      writeFileSync(out, text, { flag: 'wx' });
      console.log(`${out}: draft mapping for ${file}; check every line (TODO marks what could not be guessed), then:`);
      console.log(`  npm run hangup -- ingest ${file} --mapping ${out}`);
      return;
    }
    case 'sample': {
      const opts = {
        calls: Math.round(num(values.calls, 'calls', SAMPLE_DEFAULTS.calls)),
        seed: Math.round(num(values.seed, 'seed', SAMPLE_DEFAULTS.seed)),
      };
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
      let named;
      try {
        named = values.week ? parseIsoWeek(values.week) : undefined;
      } catch (err) {
        fail(`--week: ${(err as Error).message}`);
      }
      const format = (values.format ?? 'pdf') as Format;
      if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
      const lang = (values.lang ?? 'zh') as Lang;
      if (!LANGS.includes(lang)) fail(`--lang must be one of ${LANGS.join(', ')}, got "${values.lang}"`);
      if (!existsSync(resolve(dbPath)))
        fail(`no database at ${dbPath} (run \`npm run hangup -- sample\` or ingest files first)`);
      const filters = {
        campaign: values.campaign ?? [],
        script: values.script ?? [],
        segment: values.segment ?? [],
        numberTag: values['number-tag'] ?? [],
        agent: values.agent ?? [],
      };
      const store = await openReportStore(dbPath, settings);
      const week = named ?? (await lastWeekWithData(store.db, new Date(), settings.timezone));
      if (!named)
        console.log(
          `No --week given: reporting ${week.label} (${week.from} – ${week.days[6]}), the last week with data.`,
        );
      const t0 = Date.now();
      const steps = [
        'headline metrics',
        'mix vs rate decomposition',
        'daily trend, heatmap and opening lines',
        'A/B verdicts and recommendations',
        'data quality',
      ];
      const total = steps.length + (format === 'pdf' ? 3 : 2);
      let n = 0;
      const progress = (step: string) =>
        process.stderr.write(`[${++n}/${total}] ${step}… (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      try {
        const file = await generateReport(
          store.db,
          settings,
          { week, format, lang, filters },
          { chromiumPath: env.CHROMIUM_PATH, onProgress: progress },
        );
        const out = values.out ?? file.fileName;
        progress(`writing ${out}`);
        writeFileSync(out, file.body);
        console.log(
          `${out}: ${week.label} (${week.from} – ${week.days[6]}), ${format}, ${lang}, ${(file.body.length / 1024).toFixed(0)} KiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
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
