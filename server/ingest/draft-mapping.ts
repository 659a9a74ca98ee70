import { splitCsvLine, looseName } from './formats/csv-line.ts';
import { sampleOf } from './formats/sample.ts';
import { sniffFile, splitHeader } from './sniff.ts';

/**
 * `npm run hangup -- mapping FILE`: a starter mapping file for an export no built-in format reads.
 * Columns are guessed from their names and their values (times, durations,
 * dispositions, numbers); the user checks every line and passes it with --mapping. Only guesses:
 * nothing here is used by ingest itself.
 */
type Role =
  | 'call_id'
  | 'started_at'
  | 'answered_at'
  | 'ended_at'
  | 'talk_seconds'
  | 'ring_seconds'
  | 'disposition'
  | 'hangup_by'
  | 'hangup_cause'
  | 'caller_number'
  | 'callee_id'
  | 'agent_id'
  | 'campaign'
  | 'direction';

/** Name patterns per role, tried in this order (a column takes the first role it fits). */
const NAMES: [Role, RegExp][] = [
  ['call_id', /^(callid|uniqueid|uuid|sid|callsid|callref|callreference|id|recordid|contactid|呼叫id|通话id|话单id)$/],
  ['answered_at', /(answer|connect|pickup|应答|接通时间)/],
  ['ended_at', /(^end|endtime|endstamp|hanguptime|finish|stop|结束|挂机时间)/],
  ['started_at', /(start|calldate|date|time|begin|created|呼叫时间|开始时间|拨打时间)/],
  ['talk_seconds', /(billsec|talk|billable|conversation|connected|通话时长)/],
  ['ring_seconds', /(ring|wait|振铃)/],
  ['disposition', /(disposition|status|result|outcome|呼叫结果|接听状态)/],
  ['hangup_by', /(hangupby|disconnectedby|hangupside|hangupparty|挂机方|挂断方)/],
  ['hangup_cause', /(cause|reason|挂断原因)/],
  ['caller_number', /(src|^from|caller|clid|ani|cli|presented|主叫)/],
  ['callee_id', /(dst|^to$|callee|destination|dialed|dialled|phone|number|被叫|客户号码)/],
  ['agent_id', /(agent|^user|operator|rep|坐席)/],
  ['campaign', /(campaign|accountcode|queue|task|任务|活动)/],
  ['direction', /(direction|呼叫类型|呼叫方向)/],
];

const TIME =
  /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}([ T]\d{1,2}:\d\d(:\d\d)?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}( \d{1,2}:\d\d(:\d\d)?)?|\d{10}(\.\d+)?)/;
/** A time written as a date (not Unix seconds, which look like any other id without a telling name). */
const DATE =
  /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}([ T]\d{1,2}:\d\d(:\d\d)?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}( \d{1,2}:\d\d(:\d\d)?)?)/;
const DURATION = /^(\d+(\.\d+)?|\d+:\d\d(:\d\d)?)$/;
const PHONE = /^\+?[\d ()-]{3,20}$/;

/** Dispositions by common spellings (lower-case); the rest are left for the user. */
const DISPOSITIONS: Record<string, string> = {
  answered: 'answered',
  answer: 'answered',
  completed: 'answered',
  success: 'answered',
  connected: 'answered',
  ok: 'answered',
  接通: 'answered',
  已接通: 'answered',
  'no answer': 'no_answer',
  'no-answer': 'no_answer',
  noanswer: 'no_answer',
  no_answer: 'no_answer',
  unanswered: 'no_answer',
  未接通: 'no_answer',
  无人接听: 'no_answer',
  busy: 'busy',
  忙: 'busy',
  占线: 'busy',
  rejected: 'rejected',
  declined: 'rejected',
  拒接: 'rejected',
  failed: 'failed',
  congestion: 'failed',
  canceled: 'no_answer',
  cancelled: 'no_answer',
  失败: 'failed',
};

const q = (v: string) => JSON.stringify(v); // a JSON string is a YAML string

export async function draftMapping(path: string, fileName: string): Promise<string> {
  const sniffed = await sniffFile(path, fileName);
  if (sniffed.format !== 'csv')
    throw new Error(`${fileName}: the mapping command drafts CSV mappings; this file is ${sniffed.format}`);
  const sample = sampleOf(sniffed.text, 'csv');
  const { delimiter, names: first } = splitHeader(sniffed.firstLine);
  const rows = sample.lines.slice(1).map((l) => splitCsvLine(l, delimiter));
  // A first line of values (a date in it) is a record: the file has no header.
  const headerless = first.some((f) => TIME.test(f.trim()) && /\d{1,2}:\d\d/.test(f));
  const columns = headerless ? first.map((_, i) => `col${i + 1}`) : first.map((h) => h.replace(/^\uFEFF/, '').trim());
  const data = headerless ? [first, ...rows] : rows;
  const values = (i: number) =>
    data.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '' && v.toUpperCase() !== 'NULL');
  const share = (i: number, re: RegExp) => {
    const v = values(i);
    return v.length ? v.filter((x) => re.test(x)).length / v.length : 0;
  };
  const roles = new Map<Role, number>();
  const take = (role: Role, i: number) => !roles.has(role) && ![...roles.values()].includes(i) && roles.set(role, i);
  // Names first, checked against the values where a role has a shape.
  columns.forEach((c, i) => {
    const n = looseName(c);
    for (const [role, re] of NAMES) {
      if (!re.test(n)) continue;
      if (['started_at', 'answered_at', 'ended_at'].includes(role) && share(i, TIME) < 0.5) continue;
      if (['talk_seconds', 'ring_seconds'].includes(role) && share(i, DURATION) < 0.8) continue;
      if (['caller_number', 'callee_id'].includes(role) && share(i, PHONE) < 0.8) continue;
      if (take(role, i)) break;
    }
  });
  // Then values alone: the first time columns in order, a disposition-like column.
  const times = columns.map((_, i) => i).filter((i) => share(i, DATE) >= 0.8 && ![...roles.values()].includes(i));
  for (const role of ['started_at', 'answered_at', 'ended_at'] as const)
    if (!roles.has(role) && times.length) take(role, times.shift()!);
  if (!roles.has('talk_seconds')) {
    // "Duration" is talk time in many exports (Twilio, call-centre reports), total time in others.
    const i = columns.findIndex((c, k) => /duration|时长/.test(looseName(c)) && share(k, DURATION) >= 0.8);
    if (i >= 0) take('talk_seconds', i);
  }
  if (!roles.has('disposition')) {
    const i = columns.findIndex(
      (_, k) => values(k).length > 0 && values(k).every((v) => DISPOSITIONS[v.toLowerCase()] !== undefined),
    );
    if (i >= 0) take('disposition', i);
  }
  const dayFirst = ['started_at', 'answered_at', 'ended_at']
    .flatMap((r) => (roles.has(r as Role) ? values(roles.get(r as Role)!) : []))
    .map((v) => /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(v))
    .filter((m): m is RegExpExecArray => !!m);
  const out: string[] = [
    `# Draft mapping for ${fileName}, written by \`npm run hangup -- mapping\`: every line is a guess.`,
    '# Check each one against your export (README "Mapping files"), then:',
    `#   npm run hangup -- ingest ${fileName} --mapping <this file>`,
    `format: ${q(
      fileName
        .replace(/\.[^.]*$/, '')
        .replace(/[^A-Za-z0-9_-]+/g, '_')
        .slice(0, 40) || 'my_export',
    )}`,
    'input:',
    '  type: csv',
    `  delimiter: ${q(delimiter)}`,
    `  header: ${headerless ? 'false' : 'true'}`,
  ];
  if (headerless) out.push(`  columns: [${columns.map(q).join(', ')}]   # name them, and use the names below`);
  out.push(
    "# timezone: Asia/Shanghai   # zone of times without an offset (default: what the file states, else the server's)",
  );
  if (dayFirst.length) {
    const day = dayFirst.some((m) => Number(m[1]) > 12);
    const month = dayFirst.some((m) => Number(m[2]) > 12);
    const fmt = month && !day ? '%m/%d/%Y %H:%M:%S' : '%d/%m/%Y %H:%M:%S';
    out.push(
      day || month
        ? `dateFormat: ${q(fmt)}`
        : `dateFormat: ${q(fmt)}   # TODO: day first? the sample cannot tell (no field above 12)`,
    );
  }
  out.push('fields:');
  const all: Role[] = [
    'call_id',
    'started_at',
    'answered_at',
    'ended_at',
    'talk_seconds',
    'ring_seconds',
    'disposition',
    'hangup_by',
    'hangup_cause',
    'caller_number',
    'callee_id',
    'agent_id',
    'campaign',
    'direction',
  ];
  const required = new Set<Role>(['started_at', 'disposition']);
  for (const role of all) {
    const i = roles.get(role);
    if (i === undefined) {
      if (required.has(role) || role === 'call_id')
        out.push(
          `  # ${role}: TODO   # which column holds it?${role === 'call_id' ? ' (without one, a hash of the row is the id)' : ''}`,
        );
      continue;
    }
    const col = q(columns[i]!);
    if (role === 'disposition' || role === 'direction' || role === 'hangup_by') {
      const distinct = [...new Set(values(i))].slice(0, 20);
      const map =
        role === 'disposition'
          ? distinct.map((v) => `${q(v)}: ${DISPOSITIONS[v.toLowerCase()] ?? 'TODO'}`)
          : distinct.map((v) => `${q(v)}: TODO`);
      const allowed = {
        disposition: 'answered, no_answer, busy, rejected or failed',
        direction: 'inbound or outbound',
        hangup_by: 'callee, agent, system or null',
      }[role];
      out.push(
        `  ${role}:`,
        `    column: ${col}`,
        `    values: { ${map.join(', ')} }${map.some((m) => m.endsWith('TODO')) ? `   # TODO: ${allowed}` : ''}`,
      );
    } else {
      out.push(`  ${role}: ${col}   # e.g. ${q(values(i)[0] ?? '')}`);
    }
  }
  if (!roles.has('ended_at') && !roles.has('talk_seconds'))
    out.push('  # ended_at or talk_seconds: TODO   # one of them is needed for answered calls');
  return out.join('\n') + '\n';
}
