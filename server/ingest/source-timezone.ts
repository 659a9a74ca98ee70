import { Database } from '../db/database.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlText } from '../db/sql-files.ts';
import type { OffsetSource } from '../contract/ingests.ts';
import { part, type MessagePart } from './message-parts.ts';

/** Share of rows with evidence that must agree before a file's own UTC offset is believed. */
export const AGREEMENT = 0.99;

export interface OffsetEvidence {
  offsetSeconds: number;
  agree: number;
  evidence: number;
  /** Rows whose start is a naive wall-clock time: the ones the offset changes. */
  naive: number;
}

/** "+03:00", "-05:00", "+05:30": how an inferred offset is reported. */
export function offsetLabel(seconds: number): string {
  const m = Math.round(Math.abs(seconds) / 60);
  return `${seconds < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The DuckDB TimeZone setting for a fixed offset (ICU reads "UTC+03:00"; "+03:00" alone it refuses). */
export function offsetZone(seconds: number): string {
  return seconds === 0 ? 'UTC' : `UTC${offsetLabel(seconds)}`;
}

/** The offset a dialer format's file states: epochs beside wall-clock starts (format_tz_evidence.sql). */
export async function epochEvidence(con: DuckDBConnection): Promise<OffsetEvidence | null> {
  const rows = await Database.all<Record<string, unknown>>(con, sqlText('format_tz_evidence'));
  return evidenceOf(rows[0]);
}

/** A row of format_tz_evidence or ingest_survey (offsets written in started_at) as evidence. */
export function evidenceOf(r: Record<string, unknown> | undefined): OffsetEvidence | null {
  if (!r || !Number(r.evidence)) return null;
  return {
    offsetSeconds: Number(r.offsetSeconds),
    agree: Number(r.agree),
    evidence: Number(r.evidence),
    naive: Number(r.naive),
  };
}

/** The earliest naive start of the file (`staged`), as text (null when no start parses). */
export async function firstStart(con: DuckDBConnection): Promise<string | null> {
  const [first] = await Database.all<{ at: string | null }>(con, sqlText('ingest_first_start'));
  return first?.at ?? null;
}

/** The offset of an IANA zone at the file's earliest start `at` (null when no start parses). */
export async function zoneOffsetAt(con: DuckDBConnection, zone: string, at: string | null): Promise<number | null> {
  if (!at) return null;
  const [r] = await Database.all<{ offsetSeconds: number }>(con, sqlText('ingest_zone_offset'), { zone, at });
  return Number(r!.offsetSeconds);
}

export interface ZoneDecision {
  /** The DuckDB TimeZone to read naive times in, when it changes (null = keep the one set). */
  setZone: string | null;
  sourceTimezone: string;
  inferred: boolean;
  /** The report's note, keyed (its English: renderPart); null when there is nothing to say. */
  part: MessagePart | null;
}

/**
 * Decides the zone of a file's naive times. A zone the user gave (--timezone, a mapping's
 * timezone) is obeyed, with a warning when the file says otherwise; without one, a file whose rows
 * agree (>= 99%) on one offset is read in that offset; else the business timezone, with a note
 * when the rows disagree.
 */
export function decideZone(
  evidence: OffsetEvidence | null,
  given: string | null,
  givenOffset: number | null,
  businessTimezone: string,
  source: OffsetSource,
): ZoneDecision {
  const share = evidence ? evidence.agree / evidence.evidence : 0;
  const says = evidence
    ? { what: source, offset: offsetLabel(evidence.offsetSeconds), agree: evidence.agree, evidence: evidence.evidence }
    : null;
  if (given) {
    const disagrees = evidence && share >= AGREEMENT && givenOffset !== null && givenOffset !== evidence.offsetSeconds;
    return {
      setZone: null,
      sourceTimezone: given,
      inferred: false,
      part: disagrees ? part('tz_told_disagrees', { ...says, given }) : null,
    };
  }
  // DuckDB maps "UTC+05:30" to Etc/GMT-5 (whole hours only): such an offset needs its zone name.
  if (evidence && share >= AGREEMENT && evidence.offsetSeconds % 3600 !== 0) {
    return {
      setZone: null,
      sourceTimezone: businessTimezone,
      inferred: false,
      part: part('tz_not_whole_hour', { ...says, zone: businessTimezone }),
    };
  }
  if (evidence && share >= AGREEMENT) {
    // Where every start carries its own offset there is nothing to read differently: no note.
    return {
      setZone: offsetZone(evidence.offsetSeconds),
      sourceTimezone: offsetLabel(evidence.offsetSeconds),
      inferred: true,
      part: evidence.naive > 0 ? part('tz_inferred', { ...says }) : null,
    };
  }
  return {
    setZone: null,
    sourceTimezone: businessTimezone,
    inferred: false,
    part: evidence ? part('tz_rows_disagree', { ...says, zone: businessTimezone }) : null,
  };
}
