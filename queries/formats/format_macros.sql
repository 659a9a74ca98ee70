-- format_macros: helpers that turn one dialer record (JSON object `rec`) into canonical text.
-- TEMP macros on the write connection (the only one that ingests); run once when it opens.
-- A rule `r` is STRUCT(idx INTEGER[], sep VARCHAR, re VARCHAR, keys VARCHAR[], vals VARCHAR[], dflt VARCHAR)
-- (idx: positions in the record's extracted values, see rule_raw),
-- bound as a parameter: user mapping text is data here, never SQL.

-- Values that mean "empty" in exports: blank, Excel's '-'/'--' (also as a rejects file writes them,
-- made inert with an apostrophe: reject_cell), MySQL/VICIdial NULL and \N.
CREATE OR REPLACE TEMP MACRO blank_to_null(v) AS
  CASE WHEN v IS NULL OR trim(v, E' \t\r\n') IN ('', '-', '--', '''-', '''--', 'NULL', '\N') THEN NULL
       -- Excel text markers: a leading apostrophe or TAB before a number (stops 1.38E+10); both
       -- together are a TAB-marked number a rejects file made inert (reject_cell), read back as the number.
       -- (starts_with first: a regex on every value of every column costs seconds per million rows)
       WHEN starts_with(ltrim(v, E' \t'), '''') THEN regexp_replace(trim(v, E' \t\r\n'), '^''[ \t]*([+0-9])', '\1')
       ELSE trim(v, E' \t\r\n') END;

-- The raw value of a rule from `vals`, the record's values at every path any rule reads (one
-- multi-path json_extract_string per record, so a record is parsed once, not once per rule):
-- one index, the first non-empty of several (any_value skips NULLs), or several joined by `sep`.
CREATE OR REPLACE TEMP MACRO rule_raw(vals, r) AS
  CASE WHEN len(r.idx) = 0 THEN NULL
       WHEN len(r.idx) = 1 THEN blank_to_null(vals[r.idx[1]])
       WHEN r.sep IS NULL THEN list_aggregate(list_transform(list_select(vals, r.idx), x -> blank_to_null(x)), 'any_value')
       ELSE blank_to_null(array_to_string(list_select(vals, r.idx), r.sep)) END;

-- Regex extraction: capture group 1 (the caller wraps a pattern without a group).
CREATE OR REPLACE TEMP MACRO rule_extract(v, r) AS
  CASE WHEN r.re IS NULL THEN v ELSE nullif(trim(regexp_extract(v, r.re, 1)), '') END;

-- The value map (keys are lower-case; '*' catches the rest; a mapped '' means "no value");
-- unmapped values pass through so validation can name them. Then the default.
CREATE OR REPLACE TEMP MACRO rule_map(v, r) AS coalesce(
  CASE WHEN v IS NULL OR len(r.keys) = 0 THEN v
       WHEN list_position(r.keys, lower(v)) IS NOT NULL THEN nullif(r.vals[list_position(r.keys, lower(v))], '')
       WHEN list_position(r.keys, '*') IS NOT NULL THEN nullif(r.vals[list_position(r.keys, '*')], '')
       ELSE v END, r.dflt);

-- All three steps for one rule (dimension files: a few rules, so nesting is cheap there).
CREATE OR REPLACE TEMP MACRO pick(vals, r) AS rule_map(rule_extract(rule_raw(vals, r), r), r);

-- A time written d/m/yyyy or m/d/yyyy (which of the two is decided per file, format_date_order.sql);
-- a test on the 2nd/3rd character skips the regex for ISO times (millions of values per file).
CREATE OR REPLACE TEMP MACRO dmy_time(t) AS
  CASE WHEN substr(t, 2, 1) IN ('/', '.', '-') OR substr(t, 3, 1) IN ('/', '.', '-')
       THEN regexp_matches(t, '^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}') ELSE false END;

-- Timestamps as text the ingest check can cast: offset-aware ones are written in UTC with +00,
-- naive ones stay naive (read later in the file's timezone). Unparseable text passes through
-- unchanged so the check rejects it with the original value.
CREATE OR REPLACE TEMP MACRO utc_text(ts) AS strftime(timezone('UTC', ts), '%Y-%m-%d %H:%M:%S') || '+00';
CREATE OR REPLACE TEMP MACRO norm_ts(v) AS
  CASE WHEN v IS NULL THEN NULL
       -- "no time": MySQL zero dates (DB dumps), epoch 0 (very old FreeSWITCH), a bare 0
       WHEN v = '0' OR starts_with(v, '0000-00-00') OR starts_with(v, '1970-01-01') THEN NULL
       WHEN try_cast(v AS TIMESTAMPTZ) IS NOT NULL THEN v                                                 -- ISO 8601 (most files)
       WHEN regexp_full_match(v, '[0-9]{9,10}(\.[0-9]+)?') THEN utc_text(to_timestamp(v::DOUBLE))        -- Unix seconds
       WHEN regexp_full_match(v, '[0-9]{12,13}') THEN utc_text(to_timestamp(v::DOUBLE / 1000))         -- Unix milliseconds
       WHEN try_strptime(v, '%a, %d %b %Y %H:%M:%S %z') IS NOT NULL                                     -- RFC 2822 (Twilio)
         THEN utc_text(try_strptime(v, '%a, %d %b %Y %H:%M:%S %z'))
       ELSE coalesce(strftime(try_strptime(v, ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y-%m-%d %H:%M',
                                                '%Y年%m月%d日 %H:%M:%S', '%Y年%m月%d日 %H:%M', '%Y%m%d%H%M%S']),
                              '%Y-%m-%d %H:%M:%S'), v) END;

-- Durations as seconds: plain numbers, H:MM:SS, M:SS, and Chinese 1时2分3秒 / 2分钟3秒 / 45秒.
CREATE OR REPLACE TEMP MACRO norm_dur(v) AS
  CASE WHEN v IS NULL THEN NULL
       WHEN try_cast(v AS DOUBLE) IS NOT NULL THEN v
       WHEN regexp_full_match(v, '[0-9]+:[0-9]{1,2}(:[0-9]{1,2})?') THEN
         CAST(list_reduce(list_transform(string_split(v, ':'), x -> x::INTEGER), (a, b) -> a * 60 + b) AS VARCHAR)
       WHEN regexp_full_match(v, '(([0-9]+)(小时|时))?(([0-9]+)分钟?)?(([0-9]+)秒)?') THEN
         CAST(coalesce(try_cast(regexp_extract(v, '([0-9]+)(小时|时)', 1) AS INTEGER), 0) * 3600
            + coalesce(try_cast(regexp_extract(v, '([0-9]+)分', 1) AS INTEGER), 0) * 60
            + coalesce(try_cast(regexp_extract(v, '([0-9]+)秒', 1) AS INTEGER), 0) AS VARCHAR)
       ELSE v END;

-- The one phone normaliser (server/ingest/phone.ts mirrors it
-- for messages, test/ingest/phones.test.ts keeps the two equal): full-width digits, an Excel
-- apostrophe, tel:, an extension (ext 12, x12, #12, ;ext=12, 转12), spaces, dots, dashes,
-- slashes and parentheses go; what is left is a phone number if it is digits (a leading + allowed),
-- short ones included. Returns the digits (a mainland mobile's 86 / 0086 prefix dropped) or NULL.
CREATE OR REPLACE TEMP MACRO phone_digits(v) AS
  -- Plain digits (most files) give the same answer without a regex: the value, a mainland mobile's
  -- 86 / 0086 prefix dropped. Ingest hashes millions of callees, and the regexes cost as much as the hash.
  CASE WHEN length(trim(v)) BETWEEN 1 AND 24 AND ltrim(trim(v), '0123456789') = '' THEN
         CASE WHEN length(trim(v)) = 13 AND starts_with(trim(v), '861') THEN substr(trim(v), 3)
              WHEN length(trim(v)) = 15 AND starts_with(trim(v), '00861') THEN substr(trim(v), 5)
              ELSE trim(v) END
       WHEN regexp_full_match(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
              translate(trim(v), '０１２３４５６７８９＋（）－．', '0123456789+()-.'),
              '^''', ''), '(?i)^tel:', ''), '(?i)\s*(;ext=|ext\.?|extension|x|#|转)\s*[0-9]{1,6}$', ''), '[\s().\-/]', '', 'g'),
         '\+?[0-9]{1,24}')
       THEN regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
              translate(trim(v), '０１２３４５６７８９＋（）－．', '0123456789+()-.'),
              '^''', ''), '(?i)^tel:', ''), '(?i)\s*(;ext=|ext\.?|extension|x|#|转)\s*[0-9]{1,6}$', ''), '[\s().\-/]', '', 'g'),
              '^\+', ''), '^(0086|86)(1[0-9]{10})$', '\2') END;

-- The callee key stored in calls.callee_id and written to rejects files: a phone number becomes
-- 'h:' + 96 bits of HMAC-SHA-256(key, phone_digits); anything else is an opaque customer key, kept.
-- Dimension files (customers by phone) land on the same key.
-- (phone_digits once per value: the hash of NULL is NULL, so coalesce falls back to the opaque key.)
CREATE OR REPLACE TEMP MACRO callee_key(v, ipad, opad) AS
  coalesce('h:' || left(sha256(opad || unhex(sha256(ipad || encode(phone_digits(v))))), 24), nullif(trim(v), ''));

-- Raw lines written to rejects files: every number-like run of 5 digits or more (a phone in any
-- spelling, with +, dots, dashes, parentheses) becomes '#'; dates stay readable. A raw line is
-- the whole record, so the phone cannot be told from the other fields there.
CREATE OR REPLACE TEMP MACRO mask_phones(s) AS
  CASE WHEN s IS NULL THEN NULL ELSE list_reduce(
    regexp_extract_all(translate(s, '０１２３４５６７８９', '0123456789'), '\+?[0-9(][0-9().-]{3,}[0-9]'),
    (acc, m) -> CASE WHEN regexp_matches(m, '^([0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4})$')
                       OR length(regexp_replace(m, '[^0-9]', '', 'g')) < 5 THEN acc ELSE replace(acc, m, '#') END,
    translate(s, '０１２３４５６７８９', '0123456789')) END;

-- Day-first or month-first dates (1/9/2017 16:33:01): the file decides which (format_date_order.sql),
-- dayfirst says how to read them; separators . and - are read like /. Other text: NULL (unchanged).
CREATE OR REPLACE TEMP MACRO dm_text(v, dayfirst) AS
  CASE WHEN v IS NULL OR dayfirst IS NULL OR NOT regexp_matches(v, '^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}') THEN NULL
       WHEN dayfirst THEN strftime(try_strptime(regexp_replace(trim(v), '^([0-9]{1,2})[.-]([0-9]{1,2})[.-]([0-9]{4})', '\1/\2/\3'),
              ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y']), '%Y-%m-%d %H:%M:%S')
       ELSE strftime(try_strptime(regexp_replace(trim(v), '^([0-9]{1,2})[.-]([0-9]{1,2})[.-]([0-9]{4})', '\1/\2/\3'),
              ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y']), '%Y-%m-%d %H:%M:%S') END;

-- A user's dateFormat (strptime pattern, as DuckDB's): the parsed time as text, offset kept when
-- the pattern has %z; NULL when the value does not match (the original is kept and named by the check).
CREATE OR REPLACE TEMP MACRO fmt_text(v, fmt) AS
  CASE WHEN v IS NULL OR fmt IS NULL THEN NULL ELSE try_strptime(trim(v), fmt)::VARCHAR END;

-- A cell of a rejects file: at most 1,000 characters (a row refused for a 10 MB value must not
-- copy it into the file that explains the refusal), and inert in a spreadsheet: text starting with
-- = + - @ tab or CR gets a leading apostrophe, the rule of the product's CSV writer
-- (server/contract/csv.ts neutralizeFormula; test/security/rejects-formula.test.ts keeps them equal).
CREATE OR REPLACE TEMP MACRO reject_cell(x) AS
  (CASE WHEN regexp_matches(x, '^[=+\-@\t\r]') THEN '''' ELSE '' END)
  || CASE WHEN length(x) > 1000 THEN left(x, 1000) || '…' ELSE x END;

-- A cell of a dialer CSV's rejects file in the source's own dialect (d: delimiter, q: quote, ''
-- when the source quotes nothing; format_rejects_as_written.sql): quoted when it holds the
-- delimiter, the quote, a line break or edge spaces, the quote doubled (every reader's escape is
-- its quote). A dialect without quoting cannot carry those: its reader split on them, so no value
-- read holds one; in the cells that could (a reason, a line the reader could not split) they become spaces.
CREATE OR REPLACE TEMP MACRO csv_cell(v, d, q) AS
  CASE WHEN v IS NULL THEN ''
       WHEN q = '' THEN regexp_replace(replace(v, d, ' '), '[\r\n]', ' ', 'g')
       WHEN contains(v, d) OR contains(v, q) OR contains(v, E'\n') OR contains(v, E'\r') OR v <> trim(v)
         THEN q || replace(v, q, q || q) || q
       ELSE v END;
