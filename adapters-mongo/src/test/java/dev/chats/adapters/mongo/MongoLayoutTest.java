package dev.chats.adapters.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layout version a MongoDB database records: empty before anything is written, current once the store has
 * started on it, older for data of a build that recorded none, newer for a later build's — which the store refuses
 * before it migrates anything.
 */
class MongoLayoutTest {

    private final MongoDatabase database = TestMongo.get().otherDatabase(
            "layout_" + UUID.randomUUID().toString().substring(0, 8));

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void aNewDatabaseIsEmpty_andCurrentOnceTheStoreStartedOnIt() {
        assertThat(MongoLayout.inspect(database)).isEqualTo(new MongoLayout.Result(MongoLayout.State.EMPTY, 0));

        new MongoStore(database);

        assertThat(MongoLayout.inspect(database))
                .isEqualTo(new MongoLayout.Result(MongoLayout.State.CURRENT, MongoLayout.CURRENT));
    }

    @Test
    void dataWithoutARecordedLayoutIsOlder_andTheStoreUpgradesIt() {
        database.getCollection(MongoStore.CHATS, BsonDocument.class).insertOne(
                new BsonDocument("_id", new BsonString("c-1")).append("userId", new BsonString("u-1")));

        assertThat(MongoLayout.inspect(database)).isEqualTo(new MongoLayout.Result(MongoLayout.State.OLDER, 0));
        new MongoStore(database);
        assertThat(MongoLayout.inspect(database).state()).isEqualTo(MongoLayout.State.CURRENT);
    }

    @Test
    void aNewerBuildsLayoutIsRefusedBeforeAnythingIsWritten() {
        database.getCollection(MongoLayout.COLLECTION, BsonDocument.class).insertOne(
                new BsonDocument("_id", new BsonString("layout")).append("version", new BsonInt32(99)));

        assertThat(MongoLayout.inspect(database)).isEqualTo(new MongoLayout.Result(MongoLayout.State.NEWER, 99));
        assertThatThrownBy(() -> new MongoStore(database))
                .isInstanceOf(MongoLayout.NewerLayoutException.class)
                .hasMessageContaining("written by a newer build (layout version 99, this build's is "
                        + MongoLayout.CURRENT + ")");
        assertThat(database.getCollection(MongoStore.CHATS).listIndexes().into(new java.util.ArrayList<>()))
                .as("no index built on a newer build's database").isEmpty();
        assertThat(MongoLayout.inspect(database).found()).isEqualTo(99);
    }
}
