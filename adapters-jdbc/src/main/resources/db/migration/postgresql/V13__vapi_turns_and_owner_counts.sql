-- Vapi chats are stored one turn each: a row with turn_only holds only its own input and output in body, and the
-- conversation before it is read from the chats it continues (previous_chat_id, walked back by one recursive query
-- that stops at the first row without turn_only) or from its session's turns (ix_vapi_chat_user_session). Rows
-- written before this version hold their whole conversation: they keep turn_only false and read back as they were.
ALTER TABLE vapi_chat ADD COLUMN turn_only BOOLEAN DEFAULT FALSE NOT NULL;

-- How many chats each owner has, kept in the transaction of every insert and delete, so the unfiltered list's
-- totalItems is one row read instead of a count of all the owner's chats.
CREATE TABLE vapi_chat_owner (
    user_id VARCHAR(64) NOT NULL,
    chats   BIGINT      NOT NULL,
    CONSTRAINT pk_vapi_chat_owner PRIMARY KEY (user_id)
);

INSERT INTO vapi_chat_owner (user_id, chats) SELECT user_id, COUNT(*) FROM vapi_chat GROUP BY user_id;
