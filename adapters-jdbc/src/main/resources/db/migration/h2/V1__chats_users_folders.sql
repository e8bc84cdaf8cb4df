-- Users, folders and chats. A chat row holds the document without its messages; each entry of
-- chat.history.messages is one chat_message row, so writing one message never rewrites the chat.

CREATE TABLE app_user (
    id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    name              VARCHAR(255) NOT NULL,
    email             VARCHAR(320) NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    password_hash     VARCHAR(255) NOT NULL,
    profile_image_url CLOB          NOT NULL,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    CONSTRAINT uq_app_user_email UNIQUE (email)
);

CREATE TABLE folder (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    parent_id   VARCHAR(64),
    name        VARCHAR(255) NOT NULL,
    is_expanded BOOLEAN      NOT NULL,
    meta        CLOB,
    data        CLOB,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL
);
CREATE INDEX ix_folder_user_parent ON folder (user_id, parent_id);

CREATE TABLE chat (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(64) NOT NULL,
    title      VARCHAR(1000000) NOT NULL,
    body       CLOB        NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    share_id   VARCHAR(64),
    archived   BOOLEAN     NOT NULL,
    pinned     BOOLEAN     NOT NULL,
    meta       CLOB        NOT NULL,
    folder_id  VARCHAR(64),
    version    BIGINT      NOT NULL,
    CONSTRAINT uq_chat_share UNIQUE (share_id)
);
-- Every list is one user's chats, filtered by the flags and folder, ordered by time, ties by id.
CREATE INDEX ix_chat_user_updated ON chat (user_id, updated_at, id);
CREATE INDEX ix_chat_user_created ON chat (user_id, created_at, id);
CREATE INDEX ix_chat_user_flags_updated ON chat (user_id, archived, pinned, updated_at, id);
CREATE INDEX ix_chat_user_folder_updated ON chat (user_id, folder_id, updated_at, id);
CREATE INDEX ix_chat_updated ON chat (updated_at, id);

CREATE TABLE chat_message (
    chat_id      VARCHAR(64)  NOT NULL,
    message_id   VARCHAR(255) NOT NULL,
    position     INTEGER      NOT NULL,
    parent_id    VARCHAR(255),
    content_text CLOB         NOT NULL,
    body         CLOB         NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (chat_id, message_id),
    CONSTRAINT fk_chat_message_chat FOREIGN KEY (chat_id) REFERENCES chat (id) ON DELETE CASCADE
);
