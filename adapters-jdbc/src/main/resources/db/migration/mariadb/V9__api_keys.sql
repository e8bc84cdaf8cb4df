-- Each user's API key (sk-…), one per user as Open WebUI keeps it. Only the key's SHA-256 is stored, so a copy of the
-- database holds no usable key; hint (prefix and last four characters) is what GET /api/v1/auths/api_key shows. A
-- request presenting a key finds it by its hash, hence the unique index; a user's key goes with the user.
CREATE TABLE api_key (
    user_id    VARCHAR(64) NOT NULL,
    key_hash   CHAR(64)    NOT NULL,
    hint       VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    CONSTRAINT pk_api_key PRIMARY KEY (user_id),
    CONSTRAINT fk_api_key_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE UNIQUE INDEX ux_api_key_hash ON api_key (key_hash);
