import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { readEnv } from './env.ts';
import { ingestFile, type IngestReport } from './ingest/ingest-file.ts';
import { loadSample, openStore } from './store.ts';
import { serve } from './serve.ts';
import { ensureWebBuild } from './web-build.ts';
import { SAMPLE_DEFAULTS, writeSampleCsv } from '../sample-data/generate.ts';

const USAGE = `Hangup Insight — hang-up rate analytics for outbound calling

usage: npm run hangup -- <command> [options]

  serve   [--db PATH] [--port 8787] [--host 127.0.0.1] [--timezone Asia/Shanghai] [--early-seconds 10]
  start   build the dashboard if missing or stale, then serve (same options)
  ingest  FILE... [--db PATH] [--timezone ZONE]
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
    `${r.fileName}: read ${r.rowsRead}, inserted ${r.inserted}, duplicates ${r.duplicates}, rejected ${r.rejected}` +
      ` (${r.format}, ${r.encoding ?? 'binary'}, ${(r.durationMs / 1000).toFixed(1)} s)`,
  );
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
      await serve(store, { port: num(values.port, 'port', env.PORT), host: values.host ?? env.HOST, uploadToken: env.HANGUP_UPLOAD_TOKEN });
      return;
    }
    case 'ingest': {
      if (positionals.length === 0) fail('ingest needs at least one FILE');
      const store = await openStore(dbPath, settings);
      let failed = 0;
      for (const file of positionals) {
        if (!existsSync(file)) {
          console.error(`${file}: FAILED: no such file`);
          failed++;
          continue;
        }
        const r = await ingestFile(store.db, file, {
          dataDir: store.dataDir, businessTimezone: settings.timezone, timezone: values.timezone,
          earlySeconds: settings.earlySeconds, onPhase: (p) => process.stderr.write(`  ${file}: ${p}…\n`),
        });
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
