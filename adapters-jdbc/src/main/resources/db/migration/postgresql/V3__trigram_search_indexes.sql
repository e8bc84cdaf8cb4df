-- Substring search (LIKE '%phrase%') over titles and message text, served by trigram indexes.
-- pg_trgm is a trusted extension (PostgreSQL 13+): a user with CREATE on the database may install it. Where it
-- cannot be installed the migration still succeeds and search runs without these indexes (a notice says so).
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): chat search runs without trigram indexes', SQLERRM;
        RETURN;
    END;
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX ix_chat_message_content_trgm ON chat_message USING gin (LOWER(content_text) %I.gin_trgm_ops)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_chat_title_trgm ON chat USING gin (LOWER(title) %I.gin_trgm_ops)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_chat_legacy_text_trgm ON chat USING gin (LOWER(legacy_text) %I.gin_trgm_ops)', trgm_schema);
END
$$;
