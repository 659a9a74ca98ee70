-- dim_rejects: the refused rows of a dimension file with their reasons and values as read; the
-- caller writes them next to the data (COPY ... TO a path the server builds itself). Numbers in
-- the raw line are masked (mask_phones in format_macros.sql): a customers file is keyed by phone.
SELECT line_no AS line, reason, mask_phones(rec::VARCHAR) AS raw_line FROM dim_rows WHERE reason IS NOT NULL ORDER BY line_no
