package dev.chats.adapters.mongo;

import dev.chats.domain.port.ConnectionUrls;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;

import java.util.concurrent.TimeUnit;

/**
 * The version of the collection layout a MongoDB database holds — MongoDB's counterpart of the SQL stores' migration
 * history. The server brings a database up to this build's layout when it starts (its start-up migrations are
 * idempotent) and then records the version; it refuses a database recorded by a newer build, whose documents it
 * might misread or overwrite. A copy inspects both sides before it opens them, as it does a SQL schema.
 */
public final class MongoLayout {

    /**
     * This build's layout. 1: chats with their messages in {@code chat_messages}, change sets recorded in the chat
     * document, folder names keyed ({@code nameKey}). 2: each owner's Vapi chats counted in
     * {@code vapi_chat_owners} (start-up counts them for an older layout). Raise it with every change start-up must
     * migrate.
     */
    public static final int CURRENT = 2;
    static final String COLLECTION = "chats_layout";
    private static final String ID = "layout";
    private static final String VERSION = "version";

    /** Where a database's layout stands against this build's. */
    public enum State { EMPTY, CURRENT, OLDER, NEWER }

    /** The state and the version found: 0 for a database written before versions were recorded, or empty. */
    public record Result(State state, int found) {

        /** The versions in one phrase, for a message. */
        public String versions() {
            return "layout version " + found + ", this build's is " + MongoLayout.CURRENT;
        }
    }

    private MongoLayout() {
    }

    /**
     * Connects with a client of its own and reads where the database named by these settings stands; writes nothing.
     *
     * @param uri the connection string, or blank for the server's default
     * @param databaseName the database, or blank for the server's default
     * @throws Unreachable if the server cannot be reached or read within a few seconds; the message is one line
     */
    public static Result inspect(String uri, String databaseName) {
        String connection = uri == null || uri.isBlank() ? MongoSettings.DEFAULT_URI : uri;
        String name = databaseName == null || databaseName.isBlank() ? MongoSettings.DEFAULT_DATABASE
                : databaseName;
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connection))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            return inspect(client.getDatabase(name));
        } catch (MongoException e) {
            String message = String.valueOf(e.getMessage());
            throw new Unreachable("cannot read MongoDB at " + ConnectionUrls.masked(connection) + " (database "
                    + name + "): " + message.lines().findFirst().orElse(message), e);
        }
    }

    /** Reads where the database stands; writes nothing. */
    public static Result inspect(MongoDatabase database) {
        BsonDocument marker = collection(database).find(Filters.eq("_id", ID)).first();
        if (marker == null) {
            boolean holdsData = database.getCollection(MongoStore.USERS).find().limit(1).first() != null
                    || database.getCollection(MongoStore.CHATS).find().limit(1).first() != null;
            return new Result(holdsData ? State.OLDER : State.EMPTY, 0);
        }
        int found = marker.getNumber(VERSION).intValue();
        State state = found == CURRENT ? State.CURRENT : found < CURRENT ? State.OLDER : State.NEWER;
        return new Result(state, found);
    }

    /**
     * Refuses a database of a newer build before start-up migrates anything.
     *
     * @throws NewerLayoutException if a newer build recorded its layout here
     */
    static void refuseNewer(MongoDatabase database, String where) {
        Result layout = inspect(database);
        if (layout.state() == State.NEWER) {
            throw new NewerLayoutException("the MongoDB database at " + where
                    + " was written by a newer build (" + layout.versions() + "): use that build or a later one");
        }
    }

    /** Records this build's layout once start-up has migrated the database to it; never lowers a newer one. */
    static void record(MongoDatabase database) {
        collection(database).updateOne(Filters.and(Filters.eq("_id", ID), Filters.not(Filters.gt(VERSION, CURRENT))),
                Updates.set(VERSION, CURRENT), new UpdateOptions().upsert(true));
    }

    private static MongoCollection<BsonDocument> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION, BsonDocument.class);
    }

    /** The server could not be reached or read. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The database holds a layout this build does not know. */
    public static final class NewerLayoutException extends IllegalStateException {
        NewerLayoutException(String message) {
            super(message);
        }
    }
}
