// The upload's "More options": the file's source timezone and a mapping file, checked here as
// POST /api/ingest checks them (server/routes/uploads.ts), so a bad choice is said before sending.
import { MAPPING_MAX_CHARS, UPLOAD_FIELD_MAX_BYTES } from '../../../server/contract/ingests.ts';
import type { MessageKey } from './i18n.ts';

/**
 * An IANA zone name as the route's timezoneSchema takes it (server/ingest/formats/mapping-file.ts):
 * one Intl knows, letters, digits and _ + - / only, at most 64 characters.
 */
export function validTimezone(zone: string): boolean {
  if (zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Browsers list zones by their CLDR names, some of which IANA has since renamed: a team in Ho
// Chi Minh City or Kolkata looks for today's name (both are accepted by Intl and by the server).
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Africa/Asmera': 'Africa/Asmara',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Coral_Harbour': 'America/Atikokan',
};

/** The zones to offer: UTC first, then every IANA name this browser knows (today's names), as the server will take them. */
export function timezoneNames(known: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? []): string[] {
  const names = known.map((z) => (RENAMED[z] && validTimezone(RENAMED[z]) ? RENAMED[z] : z));
  return [...new Set(['UTC', ...names.sort()])].filter(validTimezone);
}

/** Why a mapping file's text cannot be sent (null: it can); the server still checks what it says. */
export function mappingProblem(text: string): MessageKey | null {
  if (!text.trim()) return 'upload.mapping.empty';
  if (text.length > MAPPING_MAX_CHARS || new TextEncoder().encode(text).length > UPLOAD_FIELD_MAX_BYTES)
    return 'upload.mapping.tooLarge';
  return null;
}
