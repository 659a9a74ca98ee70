-- dim_rejects: the refused rows of a dimension file with their reasons and values as read; the
-- caller writes them next to the data (COPY ... TO a path the server builds itself).
SELECT line_no AS line, reason, rec::VARCHAR AS raw_line FROM dim_rows WHERE reason IS NOT NULL ORDER BY line_no
