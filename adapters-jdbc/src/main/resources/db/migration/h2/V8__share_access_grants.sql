-- Who may open a share besides its owner (Open WebUI's access grants of type shared_chat): one row per grant, in the
-- order the owner set them. Keyed owner first like every per-user table; a chat's grants go with the chat.
CREATE TABLE chat_share_grant (
    user_id        VARCHAR(64)  NOT NULL,
    chat_id        VARCHAR(64)  NOT NULL,
    position       INTEGER      NOT NULL,
    id             VARCHAR(64)  NOT NULL,
    principal_type VARCHAR(16)  NOT NULL,
    principal_id   VARCHAR(255) NOT NULL,
    permission     VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_chat_share_grant PRIMARY KEY (user_id, chat_id, position),
    CONSTRAINT fk_chat_share_grant_chat FOREIGN KEY (chat_id) REFERENCES chat (id) ON DELETE CASCADE
);

-- A user's list of shares, newest first, without a scan of everyone's shares.
CREATE INDEX ix_chat_share_user_updated ON chat_share (user_id, updated_at, id);
