/**
 * The phone normaliser of queries/formats/format_macros.sql (phone_digits), for text the server writes
 * itself (messages): the SQL macro is the one that stores and hashes; test/ingest/phones.test.ts
 * checks that both agree on every spelling.
 */
export function phoneDigits(v: string): string | null {
  const s = v
    .trim()
    .replace(/[０-９＋（）－．]/g, (c) => '0123456789+()-.'['０１２３４５６７８９＋（）－．'.indexOf(c)]!)
    .replace(/^'/, '')
    .replace(/^tel:/i, '')
    .replace(/\s*(;ext=|ext\.?|extension|x|#|转)\s*[0-9]{1,6}$/i, '')
    .replace(/[\s().\-/]/g, '');
  if (!/^\+?[0-9]{1,24}$/.test(s)) return null;
  return s.replace(/^\+/, '').replace(/^(0086|86)(1[0-9]{10})$/, '$2');
}

/** A field quoted in a message: a phone number (5 digits or more) is never shown. */
export function maskPhone(v: string): string {
  const d = phoneDigits(v);
  return d !== null && d.length >= 5 ? '#' : v;
}
