import { z } from 'zod';

/** The only reader of process.env; CLI flags override these. */
const EnvSchema = z.object({
  HANGUP_DB: z.string().min(1).default('data/hangup.duckdb'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  HANGUP_TIMEZONE: z.string().min(1).default('Asia/Shanghai'),
  HANGUP_EARLY_SECONDS: z.coerce.number().positive().max(600).default(10),
  HANGUP_UPLOAD_TOKEN: z.string().min(16).optional(),
  /** Host names (besides loopback) the server answers to, comma-separated: the names it is reached by. */
  HANGUP_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  /** Largest accepted upload (POST /api/ingest), in MiB. */
  HANGUP_MAX_UPLOAD_MB: z.coerce.number().positive().max(100_000).default(512),
  /** Watched drop folder; default <data dir>/inbox; "off" disables watching. */
  HANGUP_INBOX: z.string().min(1).optional(),
  /** How long a dropped file's size must stay unchanged before it is read. */
  HANGUP_INBOX_STABLE_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** Chromium for PDF export (default /usr/bin/chromium). */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Weekly report schedule: unset or "off" = off; "on" = Monday 08:00 business time; else a cron expression. */
  HANGUP_REPORT_CRON: z.string().trim().default('off'),
  /** Formats and languages the schedule writes, comma-separated. */
  HANGUP_REPORT_FORMATS: z.string().default('pdf,xlsx,csv,html'),
  HANGUP_REPORT_LANGS: z.string().default('zh'),
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`environment variable ${String(first.path[0])}: ${first.message}`);
  }
  return parsed.data;
}
