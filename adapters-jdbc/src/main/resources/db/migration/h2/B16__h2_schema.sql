-- The H2 schema at version 16, whole, for a new database (a Flyway baseline migration): a fresh H2 data directory
-- is created by this one script instead of replaying V1-V16 (and V6, written as code), which made most of a first
-- start's migration time. Databases that already hold a schema history ignore it and go on from their version.
-- Written from H2's SCRIPT NODATA of a database migrated through V1-V16; H2BaselineMigrationTest checks that both
-- ways give the same tables, columns, indexes and constraints. A later migration (V17 on) runs after it as usual.
CREATE CACHED TABLE "folder"(
    "id" CHARACTER VARYING(64) NOT NULL,
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "parent_id" CHARACTER VARYING(64),
    "name" CHARACTER VARYING(255) NOT NULL,
    "is_expanded" BOOLEAN NOT NULL,
    "meta" CHARACTER VARYING,
    "data" CHARACTER VARYING,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "sibling_key" CHARACTER VARYING(600)
);
ALTER TABLE "folder" ADD CONSTRAINT "CONSTRAINT_B" PRIMARY KEY("id");
CREATE INDEX "ix_folder_user_parent" ON "folder"("user_id" NULLS LAST, "parent_id" NULLS LAST);
CREATE UNIQUE NULLS DISTINCT INDEX "ux_folder_user_sibling" ON "folder"("user_id" NULLS LAST, "sibling_key" NULLS LAST);
CREATE CACHED TABLE "vapi_chat_owner"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "chats" BIGINT NOT NULL
);
ALTER TABLE "vapi_chat_owner" ADD CONSTRAINT "pk_vapi_chat_owner" PRIMARY KEY("user_id");
CREATE CACHED TABLE "app_user"(
    "id" CHARACTER VARYING(64) NOT NULL,
    "name" CHARACTER VARYING(255) NOT NULL,
    "email" CHARACTER VARYING(320) NOT NULL,
    "role" CHARACTER VARYING(16) NOT NULL,
    "password_hash" CHARACTER VARYING(255) NOT NULL,
    "profile_image_url" CHARACTER VARYING NOT NULL,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "credentials_version" BIGINT DEFAULT 0 NOT NULL
);
ALTER TABLE "app_user" ADD CONSTRAINT "CONSTRAINT_4" PRIMARY KEY("id");
CREATE CACHED TABLE "chat_share"(
    "id" CHARACTER VARYING(64) NOT NULL,
    "chat_id" CHARACTER VARYING(64) NOT NULL,
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "title" CHARACTER VARYING(1000000) NOT NULL,
    "document" CHARACTER VARYING NOT NULL,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL
);
ALTER TABLE "chat_share" ADD CONSTRAINT "CONSTRAINT_B1" PRIMARY KEY("id");
CREATE INDEX "ix_chat_share_user_updated" ON "chat_share"(
    "user_id" NULLS LAST, "updated_at" NULLS LAST, "id" NULLS LAST);
CREATE CACHED TABLE "chat_tag"(
    "chat_id" CHARACTER VARYING(64) NOT NULL,
    "tag_id" CHARACTER VARYING(255) NOT NULL,
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "archived" BOOLEAN NOT NULL
);
ALTER TABLE "chat_tag" ADD CONSTRAINT "pk_chat_tag" PRIMARY KEY("chat_id", "tag_id");
CREATE INDEX "ix_chat_tag_user_tag" ON "chat_tag"("user_id" NULLS LAST, "tag_id" NULLS LAST, "archived" NULLS LAST);
CREATE CACHED TABLE "tag"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "id" CHARACTER VARYING(255) NOT NULL,
    "name" CHARACTER VARYING(255) NOT NULL,
    "meta" CHARACTER VARYING
);
ALTER TABLE "tag" ADD CONSTRAINT "pk_tag" PRIMARY KEY("user_id", "id");
CREATE CACHED TABLE "vapi_chat"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "id" CHARACTER VARYING(64) NOT NULL,
    "assistant_id" CHARACTER VARYING(255),
    "session_id" CHARACTER VARYING(255),
    "previous_chat_id" CHARACTER VARYING(64),
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "cost" DOUBLE PRECISION NOT NULL,
    "body" CHARACTER VARYING NOT NULL,
    "turn_only" BOOLEAN DEFAULT FALSE NOT NULL
);
ALTER TABLE "vapi_chat" ADD CONSTRAINT "pk_vapi_chat" PRIMARY KEY("user_id", "id");
CREATE INDEX "ix_vapi_chat_user_created" ON "vapi_chat"("user_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_chat_user_updated" ON "vapi_chat"("user_id" NULLS LAST, "updated_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_chat_user_assistant" ON "vapi_chat"(
    "user_id" NULLS LAST, "assistant_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_chat_user_session" ON "vapi_chat"(
    "user_id" NULLS LAST, "session_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_chat_user_previous" ON "vapi_chat"(
    "user_id" NULLS LAST, "previous_chat_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_chat_user_cost" ON "vapi_chat"("user_id" NULLS LAST, "cost" NULLS LAST, "id" NULLS LAST);
CREATE CACHED TABLE "chat_message"(
    "chat_id" CHARACTER VARYING(64) NOT NULL,
    "message_id" CHARACTER VARYING(255) NOT NULL,
    "position" INTEGER NOT NULL,
    "parent_id" CHARACTER VARYING(255),
    "content_text" CHARACTER VARYING NOT NULL,
    "body" CHARACTER VARYING NOT NULL
);
ALTER TABLE "chat_message" ADD CONSTRAINT "pk_chat_message" PRIMARY KEY("chat_id", "message_id");
CREATE CACHED TABLE "vapi_session"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "id" CHARACTER VARYING(64) NOT NULL,
    "name" CHARACTER VARYING(40),
    "status" CHARACTER VARYING(16) NOT NULL,
    "assistant_id" CHARACTER VARYING(255),
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "version" BIGINT NOT NULL,
    "body" CHARACTER VARYING NOT NULL
);
ALTER TABLE "vapi_session" ADD CONSTRAINT "pk_vapi_session" PRIMARY KEY("user_id", "id");
CREATE INDEX "ix_vapi_session_user_created" ON "vapi_session"(
    "user_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_session_user_updated" ON "vapi_session"(
    "user_id" NULLS LAST, "updated_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_session_user_assistant" ON "vapi_session"(
    "user_id" NULLS LAST, "assistant_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE INDEX "ix_vapi_session_user_name" ON "vapi_session"(
    "user_id" NULLS LAST, "name" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE CACHED TABLE "revoked_token"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "jti" CHARACTER VARYING(64) NOT NULL,
    "expires_at" BIGINT NOT NULL
);
ALTER TABLE "revoked_token" ADD CONSTRAINT "CONSTRAINT_1" PRIMARY KEY("user_id", "jti");
CREATE INDEX "ix_revoked_token_expires_at" ON "revoked_token"("expires_at" NULLS LAST);
CREATE CACHED TABLE "chat"(
    "id" CHARACTER VARYING(64) NOT NULL,
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "title" CHARACTER VARYING(1000000) NOT NULL,
    "body" CHARACTER VARYING NOT NULL,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "share_id" CHARACTER VARYING(64),
    "archived" BOOLEAN NOT NULL,
    "pinned" BOOLEAN NOT NULL,
    "meta" CHARACTER VARYING NOT NULL,
    "folder_id" CHARACTER VARYING(64),
    "version" BIGINT NOT NULL,
    "legacy_text" CHARACTER VARYING
);
ALTER TABLE "chat" ADD CONSTRAINT "CONSTRAINT_2" PRIMARY KEY("id");
CREATE INDEX "ix_chat_user_share" ON "chat"("user_id" NULLS LAST, "share_id" NULLS LAST);
CREATE INDEX "ix_chat_user_updated" ON "chat"("user_id" NULLS LAST, "updated_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "ix_chat_user_created" ON "chat"("user_id" NULLS LAST, "created_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "ix_chat_user_flags_updated" ON "chat"(
    "user_id" NULLS LAST, "archived" NULLS LAST, "pinned" NULLS LAST, "updated_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "ix_chat_user_folder_updated" ON "chat"(
    "user_id" NULLS LAST, "folder_id" NULLS LAST, "updated_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "ix_chat_updated" ON "chat"("updated_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE CACHED TABLE "vapi_assistant"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "id" CHARACTER VARYING(64) NOT NULL,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "version" BIGINT NOT NULL,
    "body" CHARACTER VARYING NOT NULL
);
ALTER TABLE "vapi_assistant" ADD CONSTRAINT "pk_vapi_assistant" PRIMARY KEY("user_id", "id");
CREATE INDEX "ix_vapi_assistant_user_created" ON "vapi_assistant"(
    "user_id" NULLS LAST, "created_at" NULLS LAST, "id" NULLS LAST);
CREATE CACHED TABLE "chat_share_grant"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "chat_id" CHARACTER VARYING(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "id" CHARACTER VARYING(64) NOT NULL,
    "principal_type" CHARACTER VARYING(16) NOT NULL,
    "principal_id" CHARACTER VARYING(255) NOT NULL,
    "permission" CHARACTER VARYING(16) NOT NULL
);
ALTER TABLE "chat_share_grant" ADD CONSTRAINT "pk_chat_share_grant" PRIMARY KEY("user_id", "chat_id", "position");
CREATE CACHED TABLE "api_key"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "key_hash" CHARACTER(64) NOT NULL,
    "hint" CHARACTER VARYING(64) NOT NULL,
    "created_at" BIGINT NOT NULL
);
ALTER TABLE "api_key" ADD CONSTRAINT "pk_api_key" PRIMARY KEY("user_id");
CREATE UNIQUE NULLS DISTINCT INDEX "ux_api_key_hash" ON "api_key"("key_hash" NULLS LAST);
CREATE CACHED TABLE "folder_grant"(
    "user_id" CHARACTER VARYING(64) NOT NULL,
    "folder_id" CHARACTER VARYING(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "id" CHARACTER VARYING(64) NOT NULL,
    "principal_type" CHARACTER VARYING(16) NOT NULL,
    "principal_id" CHARACTER VARYING(255) NOT NULL,
    "permission" CHARACTER VARYING(16) NOT NULL,
    "created_at" BIGINT NOT NULL
);
ALTER TABLE "folder_grant" ADD CONSTRAINT "pk_folder_grant" PRIMARY KEY("user_id", "folder_id", "position");
CREATE INDEX "ix_folder_grant_principal" ON "folder_grant"(
    "principal_id" NULLS LAST, "principal_type" NULLS LAST, "user_id" NULLS LAST, "folder_id" NULLS LAST);
ALTER TABLE "chat" ADD CONSTRAINT "uq_chat_share" UNIQUE NULLS DISTINCT ("share_id");
ALTER TABLE "app_user" ADD CONSTRAINT "uq_app_user_email" UNIQUE NULLS DISTINCT ("email");
ALTER TABLE "chat_share" ADD CONSTRAINT "uq_chat_share_chat" UNIQUE NULLS DISTINCT ("chat_id");
ALTER TABLE "chat_message" ADD CONSTRAINT "fk_chat_message_chat" FOREIGN KEY("chat_id")
    REFERENCES "chat"("id") ON DELETE CASCADE NOCHECK;
ALTER TABLE "chat_tag" ADD CONSTRAINT "fk_chat_tag_chat" FOREIGN KEY("chat_id")
    REFERENCES "chat"("id") ON DELETE CASCADE NOCHECK;
ALTER TABLE "chat_share" ADD CONSTRAINT "fk_chat_share_chat" FOREIGN KEY("chat_id")
    REFERENCES "chat"("id") ON DELETE CASCADE NOCHECK;
ALTER TABLE "api_key" ADD CONSTRAINT "fk_api_key_user" FOREIGN KEY("user_id")
    REFERENCES "app_user"("id") ON DELETE CASCADE NOCHECK;
ALTER TABLE "chat_share_grant" ADD CONSTRAINT "fk_chat_share_grant_chat" FOREIGN KEY("chat_id")
    REFERENCES "chat"("id") ON DELETE CASCADE NOCHECK;
