package dev.chats.adapters.mongo;

import dev.chats.domain.port.ConnectionUrls;
import com.mongodb.ConnectionString;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * {@code mongodb.*} ({@code MONGODB_*}), only in {@code mongo} mode: the server ({@code uri}, default
 * {@code mongodb://127.0.0.1:27017}), the database ({@code database}, {@code chats}), and the bounded waits on it:
 * for a reachable server ({@code server-selection-timeout-millis}, 5000), for an answer ({@code socket-timeout-millis},
 * 8000), to connect ({@code connect-timeout-millis}, 5000), and how long calls are refused at once after an outage
 * was found ({@code outage-fail-fast-millis}, 2000). Read at start-up: a URI that is no MongoDB connection string, a
 * database name MongoDB would refuse, or a wait that is not positive stops it naming the setting.
 */
@MongoPersistence
@ConfigurationProperties("mongodb")
public final class MongoSettings {

    static final String DEFAULT_URI = "mongodb://127.0.0.1:27017";
    static final String DEFAULT_DATABASE = "chats";
    /** MongoDB refuses these in a database name, and names longer than 64 bytes. */
    private static final String FORBIDDEN_IN_NAME = "/\\. \"$\0";
    private static final int MAX_NAME_LENGTH = 64;

    private ConnectionString uri = new ConnectionString(DEFAULT_URI);
    private String database = DEFAULT_DATABASE;
    private long serverSelectionTimeoutMillis = 5000;
    private int socketTimeoutMillis = 8000;
    private int connectTimeoutMillis = 5000;
    private Duration outageFailFast = Duration.ofMillis(2000);

    public void setUri(String value) {
        uri = connectionString(value == null || value.isBlank() ? DEFAULT_URI : value.strip());
    }

    public void setDatabase(String value) {
        database = databaseName(value == null || value.isBlank() ? DEFAULT_DATABASE : value.strip());
    }

    public void setServerSelectionTimeoutMillis(long millis) {
        serverSelectionTimeoutMillis = positive("mongodb.server-selection-timeout-millis",
                "MONGODB_SERVER_SELECTION_TIMEOUT_MILLIS", millis);
    }

    public void setSocketTimeoutMillis(int millis) {
        socketTimeoutMillis = (int) positive("mongodb.socket-timeout-millis", "MONGODB_SOCKET_TIMEOUT_MILLIS", millis);
    }

    public void setConnectTimeoutMillis(int millis) {
        connectTimeoutMillis = (int) positive("mongodb.connect-timeout-millis", "MONGODB_CONNECT_TIMEOUT_MILLIS",
                millis);
    }

    public void setOutageFailFastMillis(long millis) {
        outageFailFast = Duration.ofMillis(positive("mongodb.outage-fail-fast-millis",
                "MONGODB_OUTAGE_FAIL_FAST_MILLIS", millis));
    }

    ConnectionString uri() {
        return uri;
    }

    /** The URI as it may appear in a log: user name and password masked. */
    String maskedUri() {
        return ConnectionUrls.masked(uri.getConnectionString());
    }

    String database() {
        return database;
    }

    long serverSelectionTimeoutMillis() {
        return serverSelectionTimeoutMillis;
    }

    int socketTimeoutMillis() {
        return socketTimeoutMillis;
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    Duration outageFailFast() {
        return outageFailFast;
    }

    private static ConnectionString connectionString(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // The driver's message names the fault without the credentials; the URI is shown masked.
            throw new ConfigurationException("mongodb.uri (MONGODB_URI) is not a MongoDB connection string ("
                    + ConnectionUrls.masked(uri) + "): " + e.getMessage());
        }
    }

    private static String databaseName(String name) {
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(c -> FORBIDDEN_IN_NAME.indexOf(c) >= 0)) {
            throw new ConfigurationException("mongodb.database (MONGODB_DATABASE) must be a MongoDB database name: at"
                    + " most " + MAX_NAME_LENGTH + " characters, none of / \\ . space \" $; it is '" + name + "'");
        }
        return name;
    }

    private static long positive(String setting, String variable, long millis) {
        if (millis <= 0) {
            throw new ConfigurationException(setting + " (" + variable + ") must be a positive number of"
                    + " milliseconds; it is " + millis);
        }
        return millis;
    }
}
