#!/usr/bin/env bash
# Copy benchmark: `copy` of an H2 deployment of CHATS chats with MESSAGES messages each (default 10,000 x 100 =
# 1,000,000 messages) into PostgreSQL, under -Xmx256m, against a bulk load of the same rows (CSV export from H2, then
# PostgreSQL's COPY) into an identical empty schema. Prints both times and their ratios (the whole copy command: its
# JVM start, both stores opened, the copy phase and the verification).
#
# Usage: bench/copy-h2-to-postgres.sh [chats] [messages-per-chat]
# Needs: app/target/chats-server.jar (./mvnw -DskipTests package), psql, python3, bc, and PostgreSQL at
#   PG_URL (default jdbc:postgresql://127.0.0.1:5432/test) as PG_USER (default postgres), PGPASSWORD if any.
# Leaves nothing behind: the H2 files live in a temporary directory, the two PostgreSQL schemas are dropped.
set -euo pipefail

CHATS=${1:-10000}
PER_CHAT=${2:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/app/target/chats-server.jar
H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort | tail -1)
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
PG_USER=${PG_USER:-postgres}
PG_HOSTPORT=${PG_URL#jdbc:postgresql://}
PG_HOST=${PG_HOSTPORT%%:*}
PG_PORT=$(echo "$PG_HOSTPORT" | sed -E 's/^[^:]*:([0-9]+).*/\1/')
PG_DB=${PG_HOSTPORT##*/}
STAMP=$(date +%s)
COPIED=bench_copy_$STAMP
BULK=bench_bulk_$STAMP
WORK=$(mktemp -d)
H2_URL="jdbc:h2:file:$WORK/data/chats;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
psql_() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -q "$@"; }
cleanup() {
  psql_ -c "DROP SCHEMA IF EXISTS $COPIED CASCADE; DROP SCHEMA IF EXISTS $BULK CASCADE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
now() { date +%s.%N; }

# An empty backup file: restoring it creates a store's schema and writes nothing. Its end line names no kind, as a
# file written before every kind existed would, so it stays valid whatever kinds the jar adds.
python3 - "$WORK/empty.chats.gz" <<'PY'
import gzip, json, sys
with gzip.open(sys.argv[1], "wt", encoding="utf-8") as f:
    f.write(json.dumps({"format": "chats-backup", "version": 1, "created_at": 0}, separators=(",", ":")) + "\n")
    f.write(json.dumps({"end": "chats-backup", "counts": {}, "checksums": {}}, separators=(",", ":")) + "\n")
PY
restore_empty() { env "$@" java -jar "$JAR" restore --file "$WORK/empty.chats.gz" >/dev/null; }

echo "generating $CHATS chats x $PER_CHAT messages in H2 ..." >&2
restore_empty CHATS_DATA_DIR="$WORK/data"
# SYSTEM_RANGE's column is "X"; the database lower-cases unquoted names, so it is quoted.
sed -e "s/@CHATS@/$CHATS/g" -e "s/@LAST@/$((PER_CHAT - 1))/g" > "$WORK/generate.sql" <<'SQL'
INSERT INTO app_user (id, name, email, role, password_hash, profile_image_url, created_at, updated_at)
  VALUES ('u-bench', 'Bench', 'bench@example.com', 'admin', 'x', '/user.png', 1700000000, 1700000000);
INSERT INTO chat (id, user_id, title, body, created_at, updated_at, share_id, archived, pinned, meta, folder_id,
                  version, legacy_text)
  SELECT 'c-' || LPAD(C."X", 6, '0'), 'u-bench', 'Chat ' || C."X",
         '{"title":"Chat ' || C."X" || '","history":{"currentId":"m-@LAST@","messages":{}}}',
         1700000000 + C."X", 1700000000 + C."X", NULL, FALSE, FALSE, '{}', NULL, 1, ''
  FROM SYSTEM_RANGE(1, @CHATS@) C;
INSERT INTO chat_message (chat_id, message_id, position, parent_id, content_text, body)
  SELECT 'c-' || LPAD(C."X", 6, '0'), 'm-' || M."X", M."X",
         CASE WHEN M."X" = 0 THEN NULL ELSE 'm-' || (M."X" - 1) END,
         'message ' || M."X" || ' of chat ' || C."X" || ': the quick brown fox jumps over the lazy dog, twice over.',
         '{"id":"m-' || M."X" || '","role":"user","content":"message ' || M."X" || ' of chat ' || C."X"
           || ': the quick brown fox jumps over the lazy dog, twice over."}'
  FROM SYSTEM_RANGE(1, @CHATS@) C, SYSTEM_RANGE(0, @LAST@) M;
SQL
java -cp "$H2_JAR" org.h2.tools.RunScript -url "$H2_URL" -user sa -script "$WORK/generate.sql"

echo "copy (java -Xmx256m -jar chats-server.jar copy) ..." >&2
START=$(now)
if ! CHATS_DATA_DIR="$WORK/data" java -Xmx256m -jar "$JAR" copy --to-url "$PG_URL" --to-user "$PG_USER" \
    --to-password "${PGPASSWORD:-}" --to-schema "$COPIED" >"$WORK/copy.out" 2>"$WORK/copy.err"; then
  echo "the copy failed:" >&2
  tail -c 3000 "$WORK/copy.out" "$WORK/copy.err" >&2
  exit 1
fi
END=$(now)
tail -1 "$WORK/copy.out" >&2
COPY_PHASE=$(grep -a -o '^copy: .*took [0-9.]* s' "$WORK/copy.err" | tail -1 | sed -E 's/.*took ([0-9.]+) s/\1/')
TOTAL=$(echo "$END - $START" | bc)

echo "bulk load (CSV export from H2, then COPY into PostgreSQL) ..." >&2
DATASOURCES_DEFAULT_URL="$PG_URL" DATASOURCES_DEFAULT_USERNAME="$PG_USER" DATASOURCES_DEFAULT_PASSWORD="${PGPASSWORD:-}" \
  DATASOURCES_DEFAULT_SCHEMA="$BULK" restore_empty CHATS_DATA_DIR="$WORK/none"
START=$(now)
cat > "$WORK/export.sql" <<SQL
CALL CSVWRITE('$WORK/app_user.csv', 'SELECT id, name, email, role, password_hash, profile_image_url, created_at, updated_at, credentials_version FROM app_user');
CALL CSVWRITE('$WORK/chat.csv', 'SELECT id, user_id, title, body, created_at, updated_at, share_id, archived, pinned, meta, folder_id, version, legacy_text FROM chat');
CALL CSVWRITE('$WORK/chat_message.csv', 'SELECT chat_id, message_id, position, parent_id, content_text, body FROM chat_message');
SQL
java -cp "$H2_JAR" org.h2.tools.RunScript -url "$H2_URL" -user sa -script "$WORK/export.sql"
EXPORTED=$(now)
psql_ -c "SET search_path TO $BULK" \
  -c "\\copy app_user (id, name, email, role, password_hash, profile_image_url, created_at, updated_at, credentials_version) FROM '$WORK/app_user.csv' CSV HEADER" \
  -c "\\copy chat (id, user_id, title, body, created_at, updated_at, share_id, archived, pinned, meta, folder_id, version, legacy_text) FROM '$WORK/chat.csv' CSV HEADER" \
  -c "\\copy chat_message (chat_id, message_id, position, parent_id, content_text, body) FROM '$WORK/chat_message.csv' CSV HEADER"
END=$(now)
BULK_LOAD=$(echo "$END - $EXPORTED" | bc)
BULK_ALL=$(echo "$END - $START" | bc)
ROWS=$(psql_ -At -c "SELECT count(*) FROM $COPIED.chat_message")
BULK_ROWS=$(psql_ -At -c "SELECT count(*) FROM $BULK.chat_message")

printf 'messages copied: %s (bulk-loaded: %s)\n' "$ROWS" "$BULK_ROWS"
printf 'copy command, copy phase:          %8.1f s\n' "$COPY_PHASE"
printf 'copy command, with verification:   %8.1f s\n' "$TOTAL"
printf 'bulk load, COPY only:              %8.1f s\n' "$BULK_LOAD"
printf 'bulk load, CSV export + COPY:      %8.1f s\n' "$BULK_ALL"
printf 'ratio copy phase / COPY only:      %8.2f\n' "$(echo "$COPY_PHASE / $BULK_LOAD" | bc -l)"
printf 'ratio copy phase / export + COPY:  %8.2f\n' "$(echo "$COPY_PHASE / $BULK_ALL" | bc -l)"
printf 'ratio whole copy / export + COPY:  %8.2f\n' "$(echo "$TOTAL / $BULK_ALL" | bc -l)"
