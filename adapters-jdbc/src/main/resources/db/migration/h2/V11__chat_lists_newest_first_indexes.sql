-- Every chat list is newest first with ties by id ascending (ORDER BY updated_at DESC, id ASC). An index on
-- (…, updated_at, id) cannot give that order (H2, and MariaDB when it picks that index, sort all of the user's
-- rows; PostgreSQL adds an incremental sort), so page 1 cost grew with the user's chat count: 67-278x on H2 from 1k
-- to 100k chats, 53x on MariaDB in one run (SidebarBenchmark). Keyed in the lists' own order, a page is a range read
-- that stops after its rows.
DROP INDEX ix_chat_user_updated;
CREATE INDEX ix_chat_user_updated ON chat (user_id, updated_at DESC, id);
DROP INDEX ix_chat_user_created;
CREATE INDEX ix_chat_user_created ON chat (user_id, created_at DESC, id);
DROP INDEX ix_chat_user_flags_updated;
CREATE INDEX ix_chat_user_flags_updated ON chat (user_id, archived, pinned, updated_at DESC, id);
DROP INDEX ix_chat_user_folder_updated;
CREATE INDEX ix_chat_user_folder_updated ON chat (user_id, folder_id, updated_at DESC, id);
DROP INDEX ix_chat_updated;
CREATE INDEX ix_chat_updated ON chat (updated_at DESC, id);
