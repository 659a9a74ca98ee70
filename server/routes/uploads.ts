import { Hono } from 'hono';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { DATE_ORDERS, MAPPING_MAX_CHARS } from '../contract/ingests.ts';
import { deleteIngest } from '../ingest/delete-ingest.ts';
import { MappingError, parseMapping, timezoneSchema } from '../ingest/formats/mapping-file.ts';
import { FORMAT_NAMES } from '../ingest/formats/registry.ts';
import { ingestFile } from '../ingest/ingest-file.ts';
import { rejectsInChinese } from '../ingest/rejects-localized.ts';
import { LANGS } from '../report/i18n.ts';
import type { IngestJob, IngestJobs } from '../ingest/jobs.ts';
import { publicMessage, publicParts } from '../ingest/public-message.ts';
import { BadUpload, forgetUpload, receiveUpload, UploadStalled, UploadTooLarge } from '../ingest/upload.ts';
import type { Settings } from '../metrics.ts';
import { accessState, callerOf } from '../auth/access.ts';
import { auditIngest, recordAudit } from '../auth/audit.ts';
import { ingestTarget, refusedOutcome } from '../contract/audit.ts';
import { CSV_BOM } from '../contract/csv.ts';
import type { UserDirectory } from '../auth/users.ts';
import { ApiError } from './errors.ts';
import { parseQuery } from './query-input.ts';
import { requireRole, writeStatus, type WritePolicy } from './write-guard.ts';

export interface UploadDeps {
  db: Database;
  dataDir: string;
  settings: Settings;
  policy: WritePolicy;
  maxUploadBytes: number;
  jobs: IngestJobs;
  /** The watched inbox folder, if any (shown by /api/ingest/status). */
  inbox?: string | null;
  /** The users table (createApp passes it). */
  users: UserDirectory;
  /** A request body that sends nothing for this long is cut off (default 30 s). */
  bodyIdleMs?: number;
}

const UploadFields = z.object({
  format: z.enum(FORMAT_NAMES as unknown as [string, ...string[]]).optional(),
  timezone: timezoneSchema.max(64).optional(),
  mapping: z.string().max(MAPPING_MAX_CHARS).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
});
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const RejectsQuery = z.object({ lang: z.enum(LANGS).optional() });

async function* withBom(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield Buffer.from(CSV_BOM);
  yield* stream;
}

/** The :id of an ingest route, or a 400. */
function ingestIdOf(raw: string): number {
  const id = IdParam.safeParse(raw);
  if (!id.success) throw new ApiError(400, 'bad_request', 'ingest id must be a positive integer');
  return id.data;
}

/** A job as clients see it: like GET /api/ingests, only the rejects file's name leaves the server. */
function publicJob(job: IngestJob, dataDir: string) {
  const error = publicMessage(job.error, dataDir);
  if (!job.report) return { ...job, error };
  const { rejectsPath, ...report } = job.report;
  return {
    ...job,
    error,
    report: {
      ...report,
      message: publicMessage(report.message, dataDir),
      messageParts: publicParts(report.messageParts, dataDir),
      rejectsFile: rejectsPath ? basename(rejectsPath) : null,
    },
  };
}

/** Upload, progress, rejects download and deletion (README "API"); the history is routes/ingests.ts. */
export function uploadRoutes(d: UploadDeps) {
  const tooLarge = () =>
    new ApiError(
      413,
      'too_large',
      `file larger than the upload limit of ${Math.round(d.maxUploadBytes / 1048576)} MiB`,
      {
        maxUploadBytes: d.maxUploadBytes,
      },
    );
  return (
    new Hono()
      .get('/ingest/status', async (c) =>
        c.json({
          ...writeStatus(callerOf(c), await accessState(d.policy, d.users)),
          maxUploadBytes: d.maxUploadBytes,
          formats: FORMAT_NAMES,
          inbox: d.inbox ? 'watching' : 'off',
        }),
      )
      .post('/ingest', requireRole('uploader'), async (c) => {
        const caller = callerOf(c)!;
        const length = Number(c.req.header('content-length') ?? 0);
        // Multipart framing adds a little; anything far above the limit is refused before reading.
        if (length > d.maxUploadBytes + 1_048_576) throw tooLarge();
        const type = c.req.header('content-type') ?? '';
        if (!type.startsWith('multipart/form-data'))
          throw new ApiError(400, 'bad_upload', 'send multipart/form-data with the file in a field named "file"');
        let upload;
        try {
          upload = await receiveUpload(
            c.req.raw.body as WebReadableStream<Uint8Array> | null,
            type,
            join(d.dataDir, 'uploads'),
            d.maxUploadBytes,
            d.bodyIdleMs,
          );
        } catch (err) {
          if (err instanceof UploadTooLarge) throw tooLarge();
          if (err instanceof UploadStalled) throw new ApiError(408, 'upload_stalled', err.message);
          if (err instanceof BadUpload) throw new ApiError(400, 'bad_upload', err.message);
          throw err;
        }
        const fields = UploadFields.safeParse(upload.fields);
        let mapping;
        try {
          if (!fields.success)
            throw new MappingError(fields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          mapping = fields.data.mapping ? parseMapping(fields.data.mapping, 'mapping') : undefined;
          // Two words on one thing: the pattern would win, so the order chosen would be ignored unsaid.
          if (mapping?.dateFormat && fields.data.dateOrder && fields.data.dateOrder !== 'auto')
            throw new MappingError(
              `dateOrder: the mapping file's dateFormat "${mapping.dateFormat}" gives the order already: choose auto or remove its dateFormat`,
            );
        } catch (err) {
          forgetUpload(upload.path);
          if (err instanceof MappingError) throw new ApiError(400, 'bad_upload', err.message);
          throw err;
        }
        const job = d.jobs.create(upload.clientName, 'upload');
        const path = upload.path;
        // The audit row is written before the job reads as done: whoever polls sees both.
        void d.jobs
          .run(job, async (progress) => {
            const r = await ingestFile(d.db, path, {
              dataDir: d.dataDir,
              businessTimezone: d.settings.timezone,
              earlySeconds: d.settings.earlySeconds,
              fileName: upload.clientName,
              format: fields.data!.format,
              timezone: fields.data!.timezone,
              mapping,
              dateOrder: fields.data!.dateOrder,
              onProgress: progress,
            });
            await auditIngest(
              d.db,
              { actor: caller.name, role: caller.role, action: 'upload' },
              { ...r, fileName: upload.clientName },
            );
            return r;
          })
          .finally(() => forgetUpload(path));
        return c.json({ jobId: job.id, statusUrl: `/api/ingest/jobs/${job.id}`, job: publicJob(job, d.dataDir) }, 202);
      })
      .get('/ingest/jobs', (c) => c.json({ jobs: d.jobs.list().map((j) => publicJob(j, d.dataDir)) }))
      .get('/ingest/jobs/:id', (c) => {
        const job = d.jobs.get(c.req.param('id'));
        if (!job) throw new ApiError(404, 'not_found', 'no such ingest job (jobs are kept while the server runs)');
        return c.json(publicJob(job, d.dataDir));
      })
      // Rejected rows are source rows as the file had them: uploader and admin only.
      // ?lang=zh gives the reasons in Chinese (the rows themselves stay as written).
      .get('/ingests/:id/rejects', requireRole('uploader'), async (c) => {
        const id = ingestIdOf(c.req.param('id'));
        const q = parseQuery(c, RejectsQuery);
        const [row] = await d.db.query<{ rejectsPath: string | null; fileName: string }>(sqlText('ingest_get'), {
          ingest_id: id,
        });
        // Rejects files live in <dataDir>/rejects under a sanitised name: the row's file name is
        // looked up there, so a data folder moved or restored elsewhere still serves them (the row
        // keeps the absolute path it was written to).
        const root = resolve(d.dataDir, 'rejects');
        const path = row?.rejectsPath ? resolve(root, basename(row.rejectsPath)) : null;
        if (!path || relative(root, path).startsWith('..') || !path.startsWith(root + sep) || !existsSync(path)) {
          throw new ApiError(404, 'not_found', `ingest #${id} has no rejected rows to download`);
        }
        const zh = q.lang === 'zh';
        const file = zh ? await rejectsInChinese(d.db, d.dataDir, path) : path;
        const stream = createReadStream(file);
        if (zh) stream.on('close', () => rmSync(file, { force: true })); // the translated copy only
        const ext = extname(path) === '.tsv' ? 'tsv' : 'csv'; // a TAB-separated source's rejects keep its dialect
        c.header('Content-Type', `${ext === 'tsv' ? 'text/tab-separated-values' : 'text/csv'}; charset=utf-8`);
        c.header('Content-Disposition', `attachment; filename="ingest-${id}-rejects${zh ? '-zh' : ''}.${ext}"`);
        // A BOM, so Excel and WPS read the UTF-8 (Chinese reasons, names in raw lines) as UTF-8.
        return c.body(Readable.toWeb(Readable.from(withBom(stream))) as ReadableStream);
      })
      .delete('/ingests/:id', requireRole('admin'), async (c) => {
        const id = ingestIdOf(c.req.param('id'));
        const caller = callerOf(c)!;
        const out = await deleteIngest(d.db, id);
        await recordAudit(d.db, {
          actor: caller.name,
          role: caller.role,
          action: 'delete',
          target: ingestTarget(id),
          fileName: out.ok ? out.fileName : null,
          sha256: out.ok ? out.sha256 : null,
          outcome: out.ok ? 'deleted' : refusedOutcome(out.error),
          counts: out.ok ? { deleted: out.deleted, kept: out.kept } : null,
        });
        if (!out.ok) throw new ApiError(out.status, out.status === 404 ? 'not_found' : 'conflict', out.error);
        return c.json({ ingestId: id, deleted: out.deleted, kept: out.kept, keptBy: out.keptBy, message: out.message });
      })
  );
}
