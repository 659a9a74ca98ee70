-- migration_001_twilio_insights_summaries: the Voice Insights summaries table was named
-- twilio_insights, a word the product also uses for its statistics and recommendations; it is
-- twilio_insights_summaries now. Renamed in place (rows and primary key kept); a no-op on a
-- database that never had it (schema.sql then creates it under the new name).
ALTER TABLE IF EXISTS twilio_insights RENAME TO twilio_insights_summaries;
