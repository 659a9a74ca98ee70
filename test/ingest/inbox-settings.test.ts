import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchInbox, type Inbox } from '../../server/ingest/inbox.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { inboxDirs, ingestInto, sleep, until } from './inbox-fixture.ts';

const HEADER = 'call_id,started_at,talk_seconds,disposition';
/** A canonical CSV whose d/m/yyyy dates fit both orders (no field above 12) and whose times are naive. */
const ambiguous = (prefix: string) =>
  [HEADER, `${prefix}1,03/04/2026 09:15:00,0,no_answer`, `${prefix}2,07/08/2026 23:30:00,0,no_answer`, ''].join('\n');

/** Every file under dir, recursively, relative to it. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('inbox: per-folder settings (.hangup.json) and subfolders', () => {
  let t: TempStore;
  let inbox: Inbox | null = null;
  afterEach(async () => {
    await inbox?.close();
    inbox = null;
    t?.close();
  });

  /** A watcher on a fresh store; `before` runs first (what a stopped server left behind). */
  async function start(before?: (d: ReturnType<typeof inboxDirs>) => void) {
    t = await formatStore();
    const d = inboxDirs(t);
    before?.(d);
    const refused: string[] = [];
    const ingested: string[] = [];
    inbox = watchInbox({
      ...d,
      stableMs: 300,
      onRefused: (name, reason) => refused.push(`${name}: ${reason}`),
      ingest: (path, fileName, options) => {
        ingested.push(fileName);
        return ingestInto(t)(path, fileName, options);
      },
    });
    await sleep(200);
    return { ...d, refused, ingested };
  }

  /** A subfolder of the inbox with its settings file (text as given: invalid JSON too). */
  function folder(inboxDir: string, name: string, settings: string): string {
    const dir = join(inboxDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.hangup.json'), settings);
    return dir;
  }

  const startedUtc = (prefix: string) =>
    t.store.db.query(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS utc FROM calls
       WHERE starts_with(call_id, $prefix) ORDER BY call_id`,
      { prefix },
    );
  const quarantineNote = (d: { quarantine: string }, stem: string) =>
    readFileSync(
      join(
        d.quarantine,
        files(d.quarantine).find((f) => f.endsWith(`${stem}.errors.txt`))!,
      ),
      'utf8',
    );

  it('a day-first folder loads its ambiguous dates day-first; the same file in the inbox itself is quarantined with advice naming .hangup.json', async () => {
    const d = await start();
    const eu = folder(d.inbox, 'eu-dialer', '{"dateOrder": "day-first"}');
    writeFileSync(join(eu, 'calls.csv'), ambiguous('eu'));
    writeFileSync(join(d.inbox, 'calls.csv'), ambiguous('root'));
    await until(() => d.ingested.length === 2);
    await inbox!.idle();
    // 03/04/2026 is 3 April (day first), 09:15 in the business timezone (Asia/Shanghai) = 01:15Z.
    expect(await startedUtc('eu')).toEqual([
      { call_id: 'eu1', utc: '2026-04-03 01:15' },
      { call_id: 'eu2', utc: '2026-08-07 15:30' },
    ]);
    expect(await startedUtc('root')).toEqual([]);
    // The archive name carries the folder; the settings file itself is never read as calls.
    expect(files(d.archive)).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d\/\d+-eu-dialer-calls\.csv$/),
      expect.stringMatching(/-eu-dialer-calls\.csv\.report\.json$/),
      expect.stringMatching(/-eu-dialer-calls\.csv\.report\.txt$/),
    ]);
    expect(files(d.inbox)).toEqual(['eu-dialer/.hangup.json']);
    const note = quarantineNote(d, '-calls.csv');
    expect(note).toMatch(/reason: dates such as "07\/08\/2026 23:30:00" could be day-first or month-first/);
    expect(note).toContain(
      'Files in this folder can be given their format, mapping, timezone and date order in .hangup.json: {"dateOrder": "day-first", "timezone": "Europe/London"} (README: Getting files in)',
    );
  });

  it('a folder timezone reads naive times in that zone; a mapping named there reads its export', async () => {
    const d = await start();
    const london = folder(d.inbox, 'london', '{"timezone": "Europe/London", "dateOrder": "month-first"}');
    writeFileSync(join(london, 'calls.csv'), ambiguous('uk'));
    const pbx = folder(d.inbox, 'pbx', '{"mapping": ".freepbx.mapping.yaml", "timezone": "Africa/Lagos"}');
    copyFileSync(join(FORMATS_DIR, 'real', 'freepbx_dayfirst.mapping.yaml'), join(pbx, '.freepbx.mapping.yaml'));
    copyFileSync(join(FORMATS_DIR, 'real', 'freepbx_dayfirst.csv'), join(pbx, 'cdr.csv'));
    await until(() => d.ingested.length === 2);
    await inbox!.idle();
    // Month first, in London: 4 March 09:15 GMT = 09:15Z; 8 July 23:30 BST = 22:30Z.
    expect(await startedUtc('uk')).toEqual([
      { call_id: 'uk1', utc: '2026-03-04 09:15' },
      { call_id: 'uk2', utc: '2026-07-08 22:30' },
    ]);
    const { ingests } = (
      await t.api<{
        ingests: { fileName: string; status: string; format: string; sourceTimezone: string; inserted: number }[];
      }>('/api/ingests')
    ).body;
    expect(ingests.find((i) => i.fileName === 'cdr.csv')).toMatchObject({
      status: 'loaded',
      format: 'freepbx_cdr_report',
      sourceTimezone: 'Africa/Lagos',
      inserted: 79,
    });
    expect(ingests.find((i) => i.fileName === 'calls.csv')).toMatchObject({ sourceTimezone: 'Europe/London' });
  });

  it('unusable settings quarantine each file unread with a note naming the settings file and the field; fixed, the file loads', async () => {
    const d = await start();
    const cases: [folder: string, settings: string, problem: RegExp][] = [
      ['unknown-key', '{"dateorder": "day-first"}', /reason: dateorder: not a setting \(settings: format, mapping,/],
      ['bad-zone', '{"timezone": "Mars/Olympus"}', /reason: timezone: not an IANA timezone name/],
      ['bad-json', '{dateOrder: day-first}', /reason: not valid JSON \(at position 1/],
      ['bad-order', '{"dateOrder": "dmy"}', /reason: dateOrder: /],
      ['bad-format', '{"format": "excel"}', /reason: format: /],
      ['escape', '{"mapping": "../secret.yaml"}', /reason: mapping: the name of a file in this folder/],
      ['no-mapping', '{"mapping": ".missing.yaml"}', /reason: mapping: no file ".missing.yaml" in this folder/],
      [
        'both',
        '{"dateOrder": "day-first", "dateFormat": "%d/%m/%Y %H:%M:%S"}',
        /reason: dateOrder: give dateOrder or dateFormat, not both/,
      ],
    ];
    cases.push(['too-big', `${' '.repeat(70_000)}{}`, /reason: the settings file is over 64 KB/]);
    for (const [i, [name, settings]] of cases.entries())
      writeFileSync(join(folder(d.inbox, name, settings), `f${i}.csv`), ambiguous(`c${i}x`));
    // A settings file that is a link to a file outside the inbox is not read (nor quoted).
    const linked = join(d.inbox, 'linked-settings');
    mkdirSync(linked);
    symlinkSync(join(t.dir, 'outside.json'), join(linked, '.hangup.json'));
    writeFileSync(join(t.dir, 'outside.json'), '{"SECRET-LINE": 1}');
    cases.push(['linked-settings', '', /reason: the settings file is a symbolic link: only a regular file is read/]);
    writeFileSync(join(linked, `f${cases.length - 1}.csv`), ambiguous(`c${cases.length - 1}x`));
    await until(() => d.refused.length === cases.length);
    await inbox!.idle();
    expect(d.ingested).toEqual([]);
    expect(
      files(d.quarantine)
        .map((f) => readFileSync(join(d.quarantine, f), 'utf8'))
        .join(''),
    ).not.toContain('SECRET-LINE');
    for (const [i, [name, , problem]] of cases.entries()) {
      const note = quarantineNote(d, `-${name}-f${i}.csv`);
      expect(note).toContain(`settings: ${name}/.hangup.json\n`);
      expect(note).toMatch(problem);
      // Nothing lost: the file itself is kept unchanged beside its note.
      const kept = files(d.quarantine).find((f) => f.endsWith(`-${name}-f${i}.csv`))!;
      expect(readFileSync(join(d.quarantine, kept), 'utf8')).toBe(ambiguous(`c${i}x`));
      expect(d.refused).toContainEqual(
        expect.stringMatching(new RegExp(`^f${i}\\.csv: settings file ${name}/\\.hangup\\.json: `)),
      );
    }
    // Read as each file comes: fixed settings count for the next drop, no restart.
    writeFileSync(join(d.inbox, 'bad-zone', '.hangup.json'), '{"timezone": "Europe/London", "dateOrder": "day-first"}');
    writeFileSync(join(d.inbox, 'bad-zone', 'again.csv'), ambiguous('fixed'));
    await until(() => d.ingested.length === 1);
    await inbox!.idle();
    expect(await startedUtc('fixed')).toEqual([
      { call_id: 'fixed1', utc: '2026-04-03 08:15' },
      { call_id: 'fixed2', utc: '2026-08-07 22:30' },
    ]);
  });

  it('a linked folder is not read through, nor a folder two levels down', async () => {
    const d = await start((dirs) => mkdirSync(dirs.inbox, { recursive: true }));
    const outside = join(t.dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'calls.csv'), ambiguous('out'));
    writeFileSync(join(outside, '.hangup.json'), '{"dateOrder": "day-first"}');
    symlinkSync(outside, join(d.inbox, 'linked'));
    const deep = join(d.inbox, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, '.hangup.json'), '{"dateOrder": "day-first"}');
    writeFileSync(join(deep, 'deep.csv'), ambiguous('deep'));
    // A real file one level down is read: the watcher has seen the folders once it is.
    writeFileSync(join(folder(d.inbox, 'a', '{"dateOrder": "day-first"}'), 'ok.csv'), ambiguous('ok'));
    await until(() => d.ingested.includes('ok.csv'));
    await sleep(600);
    await inbox!.idle();
    expect(d.ingested).toEqual(['ok.csv']);
    expect(d.refused).toEqual([expect.stringMatching(/^linked: a symbolic link/)]);
    // The link is removed from the inbox; what it pointed at is untouched.
    expect(readdirSync(outside).sort()).toEqual(['.hangup.json', 'calls.csv']);
    expect(existsSync(join(deep, 'deep.csv'))).toBe(true);
    expect(await startedUtc('out')).toEqual([]);
    expect(await startedUtc('deep')).toEqual([]);
  });

  it('a file being read when the server stopped goes back to its own folder, and is read with its settings', async () => {
    const d = await start((dirs) => {
      folder(dirs.inbox, 'eu', '{"dateOrder": "day-first"}');
      const cut = join(t.dir, 'processing', 'eu');
      mkdirSync(cut, { recursive: true, mode: 0o700 });
      writeFileSync(join(cut, '0b5c1f7e-3a4d-4c2b-9f1e-1234567890ab-interrupted.csv'), ambiguous('back'));
    });
    await until(() => d.ingested.includes('interrupted.csv'));
    await inbox!.idle();
    expect(await startedUtc('back')).toEqual([
      { call_id: 'back1', utc: '2026-04-03 01:15' },
      { call_id: 'back2', utc: '2026-08-07 15:30' },
    ]);
    expect(files(d.archive).some((f) => f.endsWith('-eu-interrupted.csv'))).toBe(true);
    expect(files(join(t.dir, 'processing'))).toEqual([]);
  });
});
