-- Session tokens signed out before they expire, refused by every instance until then. Keyed like every per-user
-- table, owner first; looked up by primary key on each authenticated request. Rows past expires_at may be purged.
CREATE TABLE revoked_token (
    user_id    VARCHAR(64) NOT NULL,
    jti        VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL,
    PRIMARY KEY (user_id, jti)
);

CREATE INDEX ix_revoked_token_expires_at ON revoked_token (expires_at);

-- Bumped by every password change: tokens carry the version they were issued under, older ones are void.
ALTER TABLE app_user ADD COLUMN credentials_version BIGINT NOT NULL DEFAULT 0;
