import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cdrCsvNames } from '../../server/ingest/formats/asterisk.ts';
import { splitCsvLine } from '../../server/ingest/formats/csv-line.ts';
import { MappingError, parseMapping } from '../../server/ingest/formats/mapping-file.ts';
import { detectFormat } from '../../server/ingest/formats/registry.ts';
import { sampleOf } from '../../server/ingest/formats/sample.ts';
import { FORMATS_DIR } from '../helpers/format-store.ts';

const EXPECTED: Record<string, string> = {
  'asterisk_cdr_csv_21.csv': 'asterisk_cdr_csv',
  'asterisk_cdr_csv_21_sales2.csv': 'asterisk_cdr_csv',
  'asterisk_cdr_csv_16.csv': 'asterisk_cdr_csv',
  'asterisk_cdr_csv_inbound.csv': 'asterisk_cdr_csv',
  'asterisk_bridged_leg.csv': 'asterisk_cdr_csv',
  'asterisk_userfield_words.csv': 'asterisk_cdr_csv',
  'asterisk_cdr_custom.csv': 'asterisk_cdr_custom',
  'asterisk_db.csv': 'asterisk_db',
  'freeswitch_default.csv': 'freeswitch_cdr_csv',
  'freeswitch_example_disposition.csv': 'freeswitch_cdr_csv',
  'freeswitch_excel_resaved.csv': 'freeswitch_cdr_csv',
  'freeswitch_ab_legs.csv': 'freeswitch_cdr_csv',
  'twilio_calls_rest.csv': 'twilio_calls',
  'twilio_calls_console.csv': 'twilio_calls',
  'twilio_insights.jsonl': 'twilio_insights',
  'vicidial_log.tsv': 'vicidial',
  'vicidial_export.tsv': 'vicidial',
  'connect_ctr.jsonl': 'connect_ctr',
  'cn_export_gbk.csv': 'cn_export',
  'cn_export_utf8_bom.csv': 'cn_export',
  'acme_dialer.csv': 'canonical',
};

function detected(file: string): string {
  const bytes = readFileSync(`${FORMATS_DIR}/${file}`);
  const text = file.includes('gbk') ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
  const d = detectFormat(sampleOf(text, text.trimStart().startsWith('{') ? 'json' : 'csv'));
  return d.kind === 'calls' ? d.format.name : d.kind === 'canonical' ? 'canonical' : d.name;
}

describe('format detection (never by file name)', () => {
  it('knows every example file', () => {
    const files = readdirSync(FORMATS_DIR).filter(
      (f) => !f.includes('.mapping.') && !f.startsWith('dim_') && !f.endsWith('.md') && f.includes('.'),
    );
    expect(Object.fromEntries(files.map((f) => [f, detected(f)]))).toEqual(
      Object.fromEntries(files.map((f) => [f, EXPECTED[f]])),
    );
  });

  it('names the Asterisk cdr_csv optional columns by count and by the uniqueid pattern', () => {
    const base = Array(16).fill('x');
    expect(cdrCsvNames(base)!.length).toBe(16);
    expect(cdrCsvNames([...base, '1726536600.1'])!.at(-1)).toBe('uniqueid');
    expect(cdrCsvNames([...base, '16|SIP/x'])!.at(-1)).toBe('userfield');
    expect(cdrCsvNames([...base, 'u', 'f'])!.slice(16)).toEqual(['uniqueid', 'userfield']);
    expect(cdrCsvNames([...base, 'p', 'l', '1'])!.slice(16)).toEqual(['peeraccount', 'linkedid', 'sequence']);
    expect(cdrCsvNames([...base, 'u', 'f', 'p', 'l', '1'])!.length).toBe(21);
    expect(cdrCsvNames(Array(15).fill('x'))).toBeNull();
  });

  it('splits detection lines like the dialers write them', () => {
    expect(splitCsvLine('"""Smith, John"" <2002>","a",,3')).toEqual(['"Smith, John" <2002>', 'a', '', '3']);
    expect(splitCsvLine('"Li "Lucky" Wei","1", "acct"')).toEqual(['Li "Lucky" Wei', '1', 'acct']);
  });
});

describe('mapping files', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = parseMapping(
      'fields:\n  call_id: Ref\n  started_at: Begin\n  disposition: { column: Outcome, values: { OK: answered } }\n',
    );
    const json = parseMapping(
      '{"fields":{"call_id":"Ref","started_at":"Begin","disposition":{"column":"Outcome","values":{"OK":"answered"}}}}',
    );
    expect(yaml).toEqual(json);
  });

  it.each([
    ['unknown field', 'fields: { started_at: a, who: b }', /fields/],
    ['look-ahead regex', 'fields: { started_at: { column: a, regex: "(?=x)" } }', /regular expression/],
    ['bad timezone', 'timezone: Mars/Olympus\nfields: { started_at: a }', /timezone/],
    ['unknown base format', 'extends: nope\nfields: {}', /extends/],
    ['no header and no columns', 'input: { header: false }\nfields: { started_at: a }', /input.columns/],
    ['nothing mapped', 'format: x', /started_at/],
    ['not YAML', 'fields: [a: }', /not JSON or YAML/],
  ])('refuses %s with a message naming it', (_, text, message) => {
    expect(() => parseMapping(text)).toThrow(MappingError);
    expect(() => parseMapping(text)).toThrow(message);
  });
});
