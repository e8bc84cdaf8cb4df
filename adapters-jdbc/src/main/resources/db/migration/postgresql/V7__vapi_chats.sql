-- Vapi chats (POST /chat): one row per completed turn, immutable once written. Keyed and indexed owner first, like
-- every per-user table, so a user's reads never touch another user's rows and the table can be distributed by owner.
-- The columns are what lists filter and sort on; body holds the rest of the chat as one JSON object (assistant,
-- assistantOverrides, name, input, stream, messages, output, costs).
CREATE TABLE vapi_chat (
    user_id          VARCHAR(64)  NOT NULL,
    id               VARCHAR(64)  NOT NULL,
    assistant_id     VARCHAR(255),
    session_id       VARCHAR(255),
    previous_chat_id VARCHAR(64),
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    cost             DOUBLE PRECISION NOT NULL,
    body             TEXT     NOT NULL,
    CONSTRAINT pk_vapi_chat PRIMARY KEY (user_id, id)
);

-- GET /chat orders by createdAt then id; each filter has an index that leads with the owner and keeps that order.
CREATE INDEX ix_vapi_chat_user_created ON vapi_chat (user_id, created_at, id);
CREATE INDEX ix_vapi_chat_user_updated ON vapi_chat (user_id, updated_at, id);
CREATE INDEX ix_vapi_chat_user_assistant ON vapi_chat (user_id, assistant_id, created_at, id);
CREATE INDEX ix_vapi_chat_user_session ON vapi_chat (user_id, session_id, created_at, id);
CREATE INDEX ix_vapi_chat_user_previous ON vapi_chat (user_id, previous_chat_id, created_at, id);
CREATE INDEX ix_vapi_chat_user_cost ON vapi_chat (user_id, cost, id);

-- Vapi sessions (/session): a container of chats with one assistant and one accumulated history, updated once per
-- chat and guarded by version. Keyed and indexed owner first; body holds the assistant, overrides, expiry,
-- messages and metadata as one JSON object.
CREATE TABLE vapi_session (
    user_id      VARCHAR(64)  NOT NULL,
    id           VARCHAR(64)  NOT NULL,
    name         VARCHAR(40),
    status       VARCHAR(16)  NOT NULL,
    assistant_id VARCHAR(255),
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    version      BIGINT       NOT NULL,
    body         TEXT     NOT NULL,
    CONSTRAINT pk_vapi_session PRIMARY KEY (user_id, id)
);

CREATE INDEX ix_vapi_session_user_created ON vapi_session (user_id, created_at, id);
CREATE INDEX ix_vapi_session_user_updated ON vapi_session (user_id, updated_at, id);
CREATE INDEX ix_vapi_session_user_assistant ON vapi_session (user_id, assistant_id, created_at, id);
CREATE INDEX ix_vapi_session_user_name ON vapi_session (user_id, name, created_at, id);

-- Saved assistants (/assistant), named by id from chats and sessions. Keyed and indexed owner first; body holds the
-- definition as sent (name, model …), guarded by version on update.
CREATE TABLE vapi_assistant (
    user_id    VARCHAR(64) NOT NULL,
    id         VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    version    BIGINT      NOT NULL,
    body       TEXT    NOT NULL,
    CONSTRAINT pk_vapi_assistant PRIMARY KEY (user_id, id)
);

CREATE INDEX ix_vapi_assistant_user_created ON vapi_assistant (user_id, created_at, id);
