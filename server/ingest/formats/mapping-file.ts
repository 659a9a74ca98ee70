import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CANONICAL_COLUMNS } from '../canonical.ts';
import { looseName, splitCsvLine } from './csv-line.ts';
import { formatByName } from './registry.ts';
import { HELPER_COLUMNS, type FieldRule, type FormatPlan, type MappedColumn, type Sample } from './types.ts';

const COLUMNS = [...CANONICAL_COLUMNS, ...HELPER_COLUMNS] as [MappedColumn, ...MappedColumn[]];

// RE2 (DuckDB's regex engine) has no look-around or back-references; refuse them up front.
const regexSchema = z
  .string()
  .max(500)
  .refine((re) => {
    try {
      new RegExp(re);
    } catch {
      return false;
    }
    return !/\(\?<?[=!]|\\[1-9]/.test(re);
  }, 'not a valid regular expression (RE2 syntax: no look-around, no back-references)');

const RuleSchema = z.union([
  z.string().min(1).max(200),
  z
    .object({
      column: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(20)]).optional(),
      concat: z.array(z.string().min(1).max(200)).min(2).max(10).optional(),
      regex: regexSchema.optional(),
      values: z.record(z.string().max(200), z.string().max(200).nullable()).optional(),
      default: z.string().max(200).optional(),
    })
    .strict(),
]);

export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /^[A-Za-z0-9_+\-/]+$/.test(tz);
  } catch {
    return false;
  }
}, 'not an IANA timezone name (e.g. Asia/Shanghai, UTC)');

/** A strptime pattern for the file's dates (a mapping's or an inbox folder's `dateFormat`). */
export const dateFormatSchema = z
  .string()
  .min(2)
  .max(100)
  .refine((f) => f.includes('%'), 'a strptime pattern such as "%d/%m/%Y %H:%M:%S"');

/** A data team's mapping file (README "Mapping files"). */
export const MappingSchema = z
  .object({
    format: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
      .optional(),
    extends: z.string().optional(),
    input: z
      .object({
        type: z.enum(['csv', 'json']).default('csv'),
        delimiter: z.string().min(1).max(4).default(','),
        quote: z.string().max(1).default('"'),
        header: z.boolean().default(true),
        columns: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
        skipLines: z.number().int().min(0).max(100).default(0),
      })
      .strict()
      .optional(),
    timezone: timezoneSchema.optional(),
    dateFormat: dateFormatSchema.optional(),
    fields: z.partialRecord(z.enum(COLUMNS), RuleSchema).default({}),
    foldBy: RuleSchema.optional(),
    foldReason: z.string().max(200).optional(),
    answeredWhenAnswerTime: z.boolean().optional(),
    systemHangupCauses: z.array(z.string().max(100)).max(100).optional(),
    inboundWhenAnsweredAtStart: z.boolean().optional(),
    /** Old name of inboundWhenAnsweredAtStart (such calls used to be refused; now they are counted as inbound). */
    rejectAnswerAtStart: z.boolean().optional(),
  })
  .strict();
export type Mapping = z.infer<typeof MappingSchema>;

export class MappingError extends Error {}

/** Reads and validates a mapping file (YAML is a superset of JSON, so one parser reads both). */
export function loadMapping(path: string): Mapping {
  return parseMapping(readFileSync(path, 'utf8'), path);
}

export function parseMapping(text: string, label = 'mapping'): Mapping {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new MappingError(`${label}: not JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = MappingSchema.safeParse(data);
  if (!parsed.success) {
    throw new MappingError(
      `${label}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  }
  const m = parsed.data;
  if (m.extends) {
    const base = formatByName(m.extends);
    if (!base || base.kind !== 'calls')
      throw new MappingError(`${label}: extends: no built-in call format "${m.extends}"`);
  } else if (!m.fields.call_id && !m.fields.started_at) {
    throw new MappingError(`${label}: fields: map at least started_at (and disposition), or extend a built-in format`);
  }
  if (m.input?.header === false && !m.input.columns)
    throw new MappingError(`${label}: input.columns is required when input.header is false`);
  return m;
}

/** Whether a line's first fields are `columns` (names compared loosely, as rules resolve them). */
function namesColumns(line: string, columns: string[], delimiter: string): boolean {
  const fields = splitCsvLine(line.replace(/^\uFEFF/, ''), delimiter);
  return fields.length >= columns.length && columns.every((c, i) => looseName(c) === looseName(fields[i]!));
}

/** The plan a mapping describes: a built-in's plan (if it extends one) with the mapping's overrides. */
export function planFromMapping(m: Mapping, sample: Sample): FormatPlan {
  const base = m.extends ? formatByName(m.extends) : null;
  // header: false + columns: the built-in must plan from those names, as if they were the file's
  // header; from the first data line it would decide which columns exist by their values (and
  // take the call id from the channel name instead of uniqueid).
  const input = m.input;
  const named =
    input?.header === false && input.columns
      ? {
          ...sample,
          lines: [
            input.columns
              .map((c) => (/["\s,;|\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
              .join(input.delimiter === '\t' ? '\t' : ','),
            ...sample.lines,
          ],
        }
      : sample;
  const plan: FormatPlan =
    base?.kind === 'calls'
      ? base.format.plan(named)
      : { name: 'mapping', reader: { kind: 'csv', delimiter: ',', quote: '"', escape: '"' }, rules: {} };
  // header: false, yet the first line names the columns: the rejects file of such a file (written
  // with the mapping's columns as its header, format_rejects_as_written.sql), read by that header.
  const headed =
    input?.header !== false ||
    (input.columns !== undefined && namesColumns(sample.lines[input.skipLines] ?? '', input.columns, input.delimiter));
  const rules: Partial<Record<MappedColumn, FieldRule>> = { ...plan.rules, ...m.fields };
  if (m.foldBy) rules.fold_key = m.foldBy;
  return {
    ...plan,
    name: m.format ?? (m.extends ? `${m.extends}+mapping` : 'mapping'),
    reader: input
      ? input.type === 'json'
        ? { kind: 'json' }
        : {
            kind: 'csv',
            delimiter: input.delimiter,
            quote: input.quote,
            escape: input.quote,
            names: headed ? undefined : input.columns,
            skipLines: input.skipLines,
          }
      : plan.reader,
    rules,
    timezone: m.timezone ?? plan.timezone,
    dateFormat: m.dateFormat ?? plan.dateFormat,
    foldReason: m.foldReason ?? plan.foldReason ?? 'rows sharing a fold key',
    answeredWhenAnswerTime: m.answeredWhenAnswerTime ?? plan.answeredWhenAnswerTime,
    systemHangupCauses: m.systemHangupCauses ?? plan.systemHangupCauses,
    inboundWhenAnsweredAtStart:
      m.inboundWhenAnsweredAtStart ?? m.rejectAnswerAtStart ?? plan.inboundWhenAnsweredAtStart,
  };
}
