/**
 * Per-folder inbox settings (README "Getting files in"): a `.hangup.json` in the inbox or in one of
 * its subfolders says how that folder's files are read, with the options an upload or the CLI
 * gives (format, mapping, timezone, dateOrder, dateFormat). Read each time a file is handled, so a
 * fixed settings file counts from the next drop, no restart.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DATE_ORDERS, MAPPING_MAX_CHARS } from '../contract/ingests.ts';
import { dateFormatSchema, MappingError, parseMapping, timezoneSchema } from './formats/mapping-file.ts';
import { FORMAT_NAMES } from './formats/registry.ts';
import type { IngestOptions } from './ingest-types.ts';
import type { MessagePart } from './message-parts.ts';
import { notRegular } from './not-regular.ts';
import { UNSAFE_CHARS } from './public-message.ts';

export const SETTINGS_FILE = '.hangup.json';
const SETTINGS_MAX_BYTES = 64 * 1024;
// The upload route's cap on a mapping's text, in bytes here (a UTF-8 character is up to 4).
const MAPPING_MAX_BYTES = MAPPING_MAX_CHARS * 4;

/** What a folder's settings add to each of its files' ingest. */
export type FolderOptions = Pick<IngestOptions, 'format' | 'mapping' | 'timezone' | 'dateOrder' | 'dateFormat'>;

const FolderSettings = z
  .object({
    format: z.enum(FORMAT_NAMES as unknown as [string, ...string[]]).optional(),
    mapping: z
      .string()
      .max(200)
      .refine((n) => !/[/\\]|\.\./.test(n), 'the name of a file in this folder (no /, \\ or ..)')
      // Dotfiles are never read as CDRs: a mapping without the dot would be ingested (and quarantined) itself.
      .refine((n) => n.startsWith('.'), 'name the mapping file with a leading dot (e.g. .dialer.mapping.yaml)')
      .optional(),
    timezone: timezoneSchema.max(64).optional(),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    dateFormat: dateFormatSchema.optional(),
  })
  .strict();
const FIELDS = Object.keys(FolderSettings.shape).join(', ');

/** Settings that cannot be used: `file` is the settings file's path in the inbox, `problem` field and reason. */
export class SettingsError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** The settings file's path in the inbox ('' = the inbox itself), one printable line. */
export function settingsLabel(folder: string): string {
  const shown = folder.replace(UNSAFE_CHARS, '_');
  return shown ? `${shown}/${SETTINGS_FILE}` : SETTINGS_FILE;
}

/**
 * A regular file of the folder, at most `max` bytes, or null when there is none. No link is
 * followed (O_NOFOLLOW) and a hard link is refused, as for the CDR files beside it: settings
 * never read (or quote) a file from outside the inbox.
 */
function readOwnFile(path: string, max: number, what: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new Error(
      code === 'ELOOP'
        ? `${what} is a symbolic link: only a regular file is read`
        : `${what} cannot be opened (${code})`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (notRegular(st)) throw new Error(`${what} is not a regular file of its own`);
    if (st.size > max) throw new Error(`${what} is over ${Math.round(max / 1024)} KB`);
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    for (let r; n <= max && (r = readSync(fd, buf, n, max + 1 - n, n)) > 0;) n += r;
    if (n > max) throw new Error(`${what} is over ${Math.round(max / 1024)} KB`);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function issueText(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `${i.keys.join(', ')}: not a setting (settings: ${FIELDS})`;
  return `${i.path.join('.') || '(top)'}: ${i.message}`;
}

/**
 * The options of the files in `folder` ('' for the inbox itself, else one subfolder's name), or
 * {} when it has no settings file. Throws SettingsError naming the field and what is wrong.
 */
export function folderOptions(inbox: string, folder: string): FolderOptions {
  const label = settingsLabel(folder);
  const fail = (problem: string): never => {
    throw new SettingsError(label, problem);
  };
  const dir = join(inbox, folder);
  // The folder was checked when its file was claimed; checked again here, as it is read now.
  if (realpathSync(dir) !== join(realpathSync(inbox), folder)) fail('the folder resolves outside the inbox');
  let text: string | null;
  try {
    text = readOwnFile(join(dir, SETTINGS_FILE), SETTINGS_MAX_BYTES, 'the settings file');
  } catch (err) {
    return fail((err as Error).message);
  }
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // Where, never what: the parser's text may quote the file.
    const at = /at position \d+(?: \(line \d+ column \d+\))?/.exec((err as Error).message)?.[0];
    return fail(`not valid JSON${at ? ` (${at})` : ''}: write one object such as {"dateOrder": "day-first"}`);
  }
  const parsed = FolderSettings.safeParse(data);
  if (!parsed.success) return fail(parsed.error.issues.map(issueText).join('; '));
  const s = parsed.data;
  const ordered = s.dateOrder !== undefined && s.dateOrder !== 'auto';
  // As the CLI: a pattern names the order itself and would win, so both given is a mistake said.
  if (ordered && s.dateFormat) fail('dateOrder: give dateOrder or dateFormat, not both');
  let mapping: FolderOptions['mapping'];
  if (s.mapping) {
    let mappingText: string | null;
    try {
      mappingText = readOwnFile(join(dir, s.mapping), MAPPING_MAX_BYTES, `mapping: ${s.mapping}`);
    } catch (err) {
      return fail((err as Error).message);
    }
    if (mappingText === null) fail(`mapping: no file "${s.mapping}" in this folder`);
    try {
      mapping = parseMapping(mappingText!, `mapping: ${s.mapping}`);
    } catch (err) {
      if (err instanceof MappingError) fail(err.message);
      throw err;
    }
    if (ordered && mapping.dateFormat)
      fail(
        `dateOrder: the mapping file's dateFormat "${mapping.dateFormat}" gives the order already: choose auto or remove its dateFormat`,
      );
  }
  const options: FolderOptions = { ...s, mapping };
  for (const k of Object.keys(options) as (keyof FolderOptions)[]) if (options[k] === undefined) delete options[k];
  return options;
}

// Messages whose advice names a CLI flag (--date-order, --timezone, --format, --mapping) an inbox user cannot give.
const FLAG_ADVICE = new Set([
  'dates_order_ambiguous',
  'dates_order_conflict',
  'dates_order_contradicts',
  'tz_not_whole_hour',
  'tz_rows_disagree',
  'unknown_format',
  'unknown_format_no_header',
]);

/** The line that tells an inbox user where those options go, or null when the message advises no flag. */
export function settingsAdvice(folder: string, parts: MessagePart[]): string | null {
  if (!parts.some((p) => FLAG_ADVICE.has(p.code))) return null;
  return `Files in this folder can be given their format, mapping, timezone and date order in ${settingsLabel(folder)}: {"dateOrder": "day-first", "timezone": "Europe/London"} (README: Getting files in)`;
}
