-- Tags, shares and the text search reads.

-- The searchable text of the legacy linear "messages" list some clients keep beside history.
ALTER TABLE chat ADD COLUMN legacy_text CLOB;

-- A user's tag records: id is the normalised name, name the display name of its first use.
CREATE TABLE tag (
    user_id VARCHAR(64)  NOT NULL,
    id      VARCHAR(255) NOT NULL,
    name    VARCHAR(255) NOT NULL,
    meta    CLOB,
    CONSTRAINT pk_tag PRIMARY KEY (user_id, id)
);

-- Which chat carries which tag (mirrors chat.meta.tags), with the chat's archived flag, so tag filters,
-- the listed tags and the clean-up of uncarried tags are index look-ups instead of JSON scans.
CREATE TABLE chat_tag (
    chat_id  VARCHAR(64)  NOT NULL,
    tag_id   VARCHAR(255) NOT NULL,
    user_id  VARCHAR(64)  NOT NULL,
    archived BOOLEAN      NOT NULL,
    CONSTRAINT pk_chat_tag PRIMARY KEY (chat_id, tag_id),
    CONSTRAINT fk_chat_tag_chat FOREIGN KEY (chat_id) REFERENCES chat (id) ON DELETE CASCADE
);
CREATE INDEX ix_chat_tag_user_tag ON chat_tag (user_id, tag_id, archived);

-- A published snapshot of a chat; one per chat, deleted with it.
CREATE TABLE chat_share (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    chat_id    VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    title      VARCHAR(1000000) NOT NULL,
    document   CLOB        NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    CONSTRAINT uq_chat_share_chat UNIQUE (chat_id),
    CONSTRAINT fk_chat_share_chat FOREIGN KEY (chat_id) REFERENCES chat (id) ON DELETE CASCADE
);

CREATE INDEX ix_chat_user_share ON chat (user_id, share_id);
