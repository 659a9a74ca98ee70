-- format_dates_apply: rewrites the start, answer and end times of {{table}} (mapped or staged) as
-- ISO text: with the user's dateFormat ($fmt, strptime pattern) when given, else d/m/yyyy values
-- by the file's order ($dayfirst). Values that do not parse stay as they were, so the check
-- rejects them naming the original text. params: $fmt (VARCHAR or NULL), $dayfirst (BOOLEAN or NULL).
UPDATE {{table}} SET
  started_at = coalesce(fmt_text(started_at, $fmt::VARCHAR), dm_text(started_at, $dayfirst::BOOLEAN), started_at),
  answered_at = coalesce(fmt_text(answered_at, $fmt::VARCHAR), dm_text(answered_at, $dayfirst::BOOLEAN), answered_at),
  ended_at = coalesce(fmt_text(ended_at, $fmt::VARCHAR), dm_text(ended_at, $dayfirst::BOOLEAN), ended_at);
