package dev.chats.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one {@link MongoClient} of the server ({@code mongodb.uri}, {@code MONGODB_URI}; default
 * {@code mongodb://127.0.0.1:27017}), its database ({@code mongodb.database}, default {@code chats}) and the
 * {@link MongoStore} over it. Only in {@code mongo} mode: a server on JDBC creates none of them and opens no
 * connection. The store is created eagerly, so an unreachable server fails start-up in one log line naming the URI
 * with its credentials masked; the client is closed on shutdown.
 */
@Factory
@MongoPersistence
final class MongoClientFactory {

    static final String DEFAULT_URI = "mongodb://127.0.0.1:27017";
    static final String DEFAULT_DATABASE = "chats";

    @Singleton
    @Bean(preDestroy = "close")
    MongoClient mongoClient(@Nullable @Value("${mongodb.uri:}") String uri,
                            @Value("${mongodb.server-selection-timeout-millis:5000}") long selectionTimeoutMillis,
                            @Value("${mongodb.socket-timeout-millis:8000}") int socketTimeoutMillis,
                            @Value("${mongodb.connect-timeout-millis:5000}") int connectTimeoutMillis) {
        ConnectionString connection = new ConnectionString(uriOrDefault(uri));
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connection);
        if (connection.getServerSelectionTimeout() == null) {
            // A request waits this long for a reachable server before it answers 503, instead of the driver's 30 s;
            // the driver reconnects by itself once the server is back.
            settings.applyToClusterSettings(cluster ->
                    cluster.serverSelectionTimeout(selectionTimeoutMillis, TimeUnit.MILLISECONDS));
        }
        // A server that stops answering without closing the connection fails the call after the socket timeout
        // (503) instead of holding the request for ever; settings in the URI win.
        settings.applyToSocketSettings(socket -> {
            if (connection.getSocketTimeout() == null) {
                socket.readTimeout(socketTimeoutMillis, TimeUnit.MILLISECONDS);
            }
            if (connection.getConnectTimeout() == null) {
                socket.connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS);
            }
        });
        return MongoClients.create(settings.build());
    }

    @Singleton
    MongoDatabase mongoDatabase(MongoClient client, @Nullable @Value("${mongodb.database:}") String name) {
        return client.getDatabase(name == null || name.isBlank() ? DEFAULT_DATABASE : name);
    }

    @Context
    MongoStore mongoStore(MongoDatabase database, @Nullable @Value("${mongodb.uri:}") String uri,
                          @Value("${mongodb.outage-fail-fast-millis:2000}") long outageFailFastMillis) {
        return new MongoStore(database, masked(uriOrDefault(uri)) + " (database " + database.getName() + ")",
                Duration.ofMillis(outageFailFastMillis));
    }

    private static String uriOrDefault(String uri) {
        return uri == null || uri.isBlank() ? DEFAULT_URI : uri;
    }

    /** The URI as it may appear in a log: user name and password masked. */
    static String masked(String uri) {
        return uri.replaceAll("//[^/@]+@", "//***@")
                .replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }
}
