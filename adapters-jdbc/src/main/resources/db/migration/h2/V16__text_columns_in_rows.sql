-- Every text column H2 kept as a CLOB becomes CHARACTER VARYING (up to 1,000,000,000 characters in H2 2.x, beyond
-- the largest request the server accepts): its value then lives in the row. H2 kept each CLOB over 256 characters
-- in its LOB maps, so reading a chat copied every message body into temporary LOB storage for the result and read
-- it back through a stream (about half the time of GET /api/v1/chats/{id}), and writing one stored it there and
-- wrote those maps at every commit. Each ALTER rebuilds its table once; NOT NULL and the values are kept.
ALTER TABLE app_user ALTER COLUMN profile_image_url SET DATA TYPE CHARACTER VARYING;
ALTER TABLE folder ALTER COLUMN meta SET DATA TYPE CHARACTER VARYING;
ALTER TABLE folder ALTER COLUMN data SET DATA TYPE CHARACTER VARYING;
ALTER TABLE chat ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE chat ALTER COLUMN meta SET DATA TYPE CHARACTER VARYING;
ALTER TABLE chat ALTER COLUMN legacy_text SET DATA TYPE CHARACTER VARYING;
ALTER TABLE chat_message ALTER COLUMN content_text SET DATA TYPE CHARACTER VARYING;
ALTER TABLE chat_message ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE tag ALTER COLUMN meta SET DATA TYPE CHARACTER VARYING;
ALTER TABLE chat_share ALTER COLUMN document SET DATA TYPE CHARACTER VARYING;
ALTER TABLE vapi_chat ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE vapi_session ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE vapi_assistant ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
