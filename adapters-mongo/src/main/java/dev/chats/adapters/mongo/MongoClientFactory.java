package dev.chats.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * The one {@link MongoClient} of the server, its database and the {@link MongoStore} over it, as
 * {@link MongoSettings} describes them. Only in {@code mongo} mode: a server on JDBC creates none of them and opens
 * no connection. The store is created eagerly, so a bad setting or an unreachable server fails start-up in one log
 * line, naming the URI with its credentials masked; the client is closed on shutdown.
 */
@Factory
@MongoPersistence
final class MongoClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    MongoClient mongoClient(MongoSettings mongo) {
        ConnectionString connection = mongo.uri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connection);
        if (connection.getServerSelectionTimeout() == null) {
            // A request waits this long for a reachable server before it answers 503, instead of the driver's 30 s;
            // the driver reconnects by itself once the server is back.
            settings.applyToClusterSettings(cluster ->
                    cluster.serverSelectionTimeout(mongo.serverSelectionTimeoutMillis(), TimeUnit.MILLISECONDS));
        }
        // A server that stops answering without closing the connection fails the call after the socket timeout
        // (503) instead of holding the request for ever; settings in the URI win.
        settings.applyToSocketSettings(socket -> {
            if (connection.getSocketTimeout() == null) {
                socket.readTimeout(mongo.socketTimeoutMillis(), TimeUnit.MILLISECONDS);
            }
            if (connection.getConnectTimeout() == null) {
                socket.connectTimeout(mongo.connectTimeoutMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return MongoClients.create(settings.build());
    }

    @Singleton
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings mongo) {
        return client.getDatabase(mongo.database());
    }

    @Context
    MongoStore mongoStore(MongoDatabase database, MongoSettings mongo) {
        return new MongoStore(database, mongo.maskedUri() + " (database " + database.getName() + ")",
                mongo.outageFailFast());
    }
}
