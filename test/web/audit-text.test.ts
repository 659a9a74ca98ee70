import { describe, expect, it } from 'vitest';
import {
  INTERRUPTED_OUTCOME,
  ingestOfTarget,
  ingestTarget,
  refusedOutcome,
  refusedReason,
} from '../../server/contract/audit.ts';
import { auditActor, auditCounts, auditOutcome, auditTarget, countsWithInbound } from '../../web/src/lib/audit-text.ts';
import { translate, type MessageKey } from '../../web/src/lib/i18n.ts';
import '../../web/src/lib/messages/data.ts';

const zh = (k: MessageKey, v?: Record<string, string | number>) => translate('zh-CN', k, v);
const en = (k: MessageKey, v?: Record<string, string | number>) => translate('en', k, v);
const int = (n: number) => n.toLocaleString('en');

describe('audit rows in the reader language', () => {
  it('reads back the ingest a target names', () => {
    expect(ingestOfTarget(ingestTarget(12))).toBe(12);
    expect(ingestOfTarget('vera (viewer)')).toBeNull();
    expect(ingestOfTarget(null)).toBeNull();
    expect(refusedReason('refused: over the size limit')).toBe('over the size limit');
    expect(refusedReason('loaded')).toBeNull();
    expect(refusedReason(refusedOutcome('token missing'))).toBe('token missing');
  });

  it('names counts, targets and outcomes in Chinese; unknown words stay as written', () => {
    expect(auditCounts({ inserted: 1200, duplicates: 0, rejected: 1 }, zh, int)).toBe('新增 1,200 · 重复 0 · 拒收 1');
    expect(auditCounts({ deleted: 3, kept: 1, other: 'x' }, zh, int)).toBe('已删除 3 · 保留 1 · other x');
    expect(auditCounts(null, zh, int)).toBe('');
    expect(auditTarget('ingest #5', zh)).toBe('导入 #5');
    expect(auditActor('inbox', zh)).toBe('收件箱');
    expect(auditActor('server', zh)).toBe('服务器');
    expect(auditActor('cli:ops', zh)).toBe('命令行：ops');
    expect(auditActor('ada', zh)).toBe('ada');
    expect(auditActor('inbox', en)).toBe('inbox');
    expect(auditTarget('ada (admin)', zh)).toBe('ada (admin)');
    expect(auditOutcome('loaded', zh)).toBe('已导入');
    expect(auditOutcome('repeated', zh)).toBe('此前已导入');
    expect(auditOutcome(INTERRUPTED_OUTCOME, zh)).toBe('已中断：启动时已移除');
    expect(auditOutcome('refused: file over the limit', zh)).toBe('被拒绝：file over the limit');
    expect(auditOutcome('something new', zh)).toBe('something new');
  });

  it('reads in English as the server wrote it', () => {
    expect(auditCounts({ inserted: 3, duplicates: 1, rejected: 4 }, en, int)).toBe(
      'inserted 3 · duplicates 1 · rejected 4',
    );
    expect(auditTarget('ingest #5', en)).toBe('ingest #5');
    expect(auditOutcome(INTERRUPTED_OUTCOME, en)).toBe(INTERRUPTED_OUTCOME);
    expect(auditOutcome('refused: x', en)).toBe('refused: x');
  });

  it("an ingest's counts include its inbound calls, so they add up to the file's calls", () => {
    // As the server writes them once it counts inbound calls.
    const counts = { inserted: 41, duplicates: 0, rejected: 0, inbound: 12 };
    expect(auditCounts(counts, zh, int)).toBe('新增 41 · 重复 0 · 拒收 0 · 呼入 12');
    expect(auditCounts(counts, en, int)).toBe('inserted 41 · duplicates 0 · rejected 0 · inbound 12');
    // Rows written before: the inbound count comes from the file's history row.
    const history = [
      { ingestId: 3, kind: 'calls', inbound: 12 },
      { ingestId: 4, kind: 'dimension', inbound: 0 },
    ];
    const upload = { action: 'upload', target: 'ingest #3', counts: { inserted: 41, duplicates: 0, rejected: 0 } };
    expect(auditCounts(countsWithInbound(upload, history), zh, int)).toBe('新增 41 · 重复 0 · 拒收 0 · 呼入 12');
    for (const action of ['inbox', 'ingest'])
      expect(countsWithInbound({ ...upload, action }, history)).toEqual({ ...upload.counts, inbound: 12 });
    // What the row says itself wins; deletions, customers files and unknown files stay as written.
    expect(countsWithInbound({ ...upload, counts: counts }, [{ ingestId: 3, kind: 'calls', inbound: 5 }])).toBe(counts);
    const deletion = { action: 'delete', target: 'ingest #3', counts: { deleted: 40, kept: 1 } };
    expect(countsWithInbound(deletion, history)).toBe(deletion.counts);
    expect(countsWithInbound({ ...upload, target: 'ingest #4' }, history)).toBe(upload.counts);
    expect(countsWithInbound({ ...upload, target: 'ingest #9' }, history)).toBe(upload.counts);
    expect(countsWithInbound(upload, undefined)).toBe(upload.counts);
    expect(countsWithInbound({ ...upload, counts: null }, history)).toBeNull();
  });
});
