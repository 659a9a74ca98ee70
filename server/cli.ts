import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { readEnv } from './env.ts';
import { ingestFile, type IngestReport } from './ingest/ingest-file.ts';
import { loadMapping, MappingError } from './ingest/formats/mapping-file.ts';
import { FORMAT_NAMES } from './ingest/formats/registry.ts';
import { loadSample, openStore } from './store.ts';
import { serve } from './serve.ts';
import { ensureWebBuild } from './web-build.ts';
import { SAMPLE_DEFAULTS, writeSampleCsv } from '../sample-data/generate.ts';

const USAGE = `Hangup Insight — hang-up rate analytics for outbound calling

usage: npm run hangup -- <command> [options]

  serve   [--db PATH] [--port 8787] [--host 127.0.0.1] [--timezone Asia/Shanghai] [--early-seconds 10]
  start   build the dashboard if missing or stale, then serve (same options)
  ingest  FILE... [--db PATH] [--timezone ZONE] [--format NAME] [--mapping FILE.yaml|.json]
          --timezone: zone of naive timestamps in the files (default: the mapping's, else HANGUP_TIMEZONE)
          --format: ${FORMAT_NAMES.join(', ')}
  sample  [--calls N] [--seed S] [--out FILE.csv | --db PATH]
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
      format: { type: 'string' }, mapping: { type: 'string' },
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
      if (fresh) {
        console.log(`No database at ${dbPath}: filling it with generated sample data (${SAMPLE_DEFAULTS.calls} calls)…`);
        const bar = progressBar('generating');
        const r = await loadSample(store, {}, (phase, done, total) => {
          if (done !== undefined && total) bar.update(done, total);
          else bar.stop(), console.log(`  ${phase}…`);
        });
        printReport(r);
      }
      const inbox = env.HANGUP_INBOX === 'off' ? null : resolve(env.HANGUP_INBOX ?? join(store.dataDir, 'inbox'));
      await serve(store, {
        port: num(values.port, 'port', env.PORT), host: values.host ?? env.HOST, uploadToken: env.HANGUP_UPLOAD_TOKEN,
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
      const r = await loadSample(store, opts, (phase, done, total) => {
        if (done !== undefined && total) bar.update(done, total);
        else bar.stop();
      });
      printReport(r);
      store.db.close();
      process.exitCode = r.status === 'failed' ? 1 : 0;
      return;
    }
    default:
      console.log(USAGE);
      process.exitCode = command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((err) => fail(err instanceof Error ? err.message : String(err)));
