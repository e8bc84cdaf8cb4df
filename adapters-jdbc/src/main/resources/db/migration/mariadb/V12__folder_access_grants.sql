-- Who besides its owner may reach a folder (Open WebUI's access grants of type folder): one row per grant, in the
-- order the owner set them. Keyed owner first like every per-user table. No foreign key to folder: the repository
-- deletes a folder's grants with the folder, by owner, and a key on folder_id alone would serve no other query.
CREATE TABLE folder_grant (
    user_id        VARCHAR(64)  NOT NULL,
    folder_id      VARCHAR(64)  NOT NULL,
    position       INTEGER      NOT NULL,
    id             VARCHAR(64)  NOT NULL,
    principal_type VARCHAR(16)  NOT NULL,
    principal_id   VARCHAR(255) NOT NULL,
    permission     VARCHAR(16)  NOT NULL,
    created_at     BIGINT       NOT NULL,
    CONSTRAINT pk_folder_grant PRIMARY KEY (user_id, folder_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- "Shared with me": the grants naming one user (or every user, '*'), found without a scan of everyone's folders.
CREATE INDEX ix_folder_grant_principal ON folder_grant (principal_id, principal_type, user_id, folder_id);
