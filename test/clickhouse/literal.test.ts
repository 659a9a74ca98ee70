import { describe, expect, it } from 'vitest';
import { inlineParams, placeholders, usedParams } from '../../server/clickhouse/bind.ts';
import { literal, quoteString } from '../../server/clickhouse/literal.ts';

/** The one literal function for servers without query parameters (ClickHouse 18.16). */
describe('ClickHouse literals', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(quoteString("o'brien")).toBe("'o\\'brien'");
    expect(quoteString('a\\b')).toBe("'a\\\\b'");
    expect(quoteString("\\'; DROP TABLE calls; --")).toBe("'\\\\\\'; DROP TABLE calls; --'");
    expect(quoteString('x\ny\r\tz\0')).toBe("'x\\ny\\r\\tz\\x00'");
    expect(quoteString('客群 🙂')).toBe("'客群 🙂'");
  });

  it('checks values against the placeholder type', () => {
    expect(literal('2026-09-07', 'Date')).toBe("toDate('2026-09-07')");
    expect(() => literal("2026-09-07') OR 1=1 --", 'Date')).toThrow(/date/);
    expect(literal(10, 'Float64')).toBe('toFloat64(10)');
    expect(literal(0.25, 'Float64')).toBe('toFloat64(0.25)');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1; DROP', ''])
      expect(() => literal(bad, 'Float64')).toThrow(/finite/);
    expect(literal(-3, 'Int64')).toBe('toInt64(-3)');
    expect(() => literal(1.5, 'Int64')).toThrow(/integer/);
    expect(() => literal(300, 'UInt8')).toThrow(/integer/);
    expect(() => literal(5, 'String')).toThrow(/string/);
    expect(literal(null, 'Nullable(String)')).toBe('CAST(NULL AS Nullable(String))');
    expect(() => literal(null, 'String')).toThrow(/NULL/);
    expect(literal(['a', "b'"], 'Array(String)')).toBe("['a', 'b\\'']");
    expect(literal([], 'Array(String)')).toBe('CAST([] AS Array(String))');
    expect(() => literal('x', 'String) OR (1')).toThrow(/unsupported/);
  });

  it('fills only real placeholders, never text inside quotes or comments', () => {
    const sql = "SELECT '{x:String}' AS a, {x:String} AS b -- {y:Date}\n/* {y:Date} */ FROM t WHERE d >= {from:Date}";
    expect(placeholders(sql).map((p) => p.name)).toEqual(['x', 'from']);
    expect(inlineParams(sql, { x: "{from:Date}'", from: '2026-01-01' })).toBe(
      "SELECT '{x:String}' AS a, '{from:Date}\\'' AS b -- {y:Date}\n/* {y:Date} */ FROM t WHERE d >= toDate('2026-01-01')",
    );
    expect(usedParams(sql, { x: 'v', from: '2026-01-01', unused: 1 })).toEqual({ x: 'v', from: '2026-01-01' });
    expect(() => inlineParams('SELECT {missing:String}', {})).toThrow(/no value/);
  });
});
