package dev.chats.app.operations;

import dev.chats.adapters.jdbc.JdbcDatabase;
import dev.chats.adapters.jdbc.search.MariaDbSearchIndexer;
import dev.chats.adapters.mongo.MongoStore;
import dev.chats.adapters.rest.ws.EventSockets;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.util.function.ToDoubleFunction;

/**
 * The service's own series, read from what the adapters count (they stay free of any metrics library): version
 * conflicts of the chosen store, WebSocket sockets open and events dropped, and the MariaDB indexer's backlog. Only
 * the chosen store's beans are asked for, so binding never creates the other adapter's connection. Bound once the
 * context has started rather than while the registry is built: the adapters' beans need the scheduler and the
 * pool, which the metrics library instruments with that very registry.
 */
@Singleton
final class ServiceMeters implements ApplicationEventListener<StartupEvent> {

    private final BeanProvider<JdbcDatabase> sql;
    private final BeanProvider<MongoStore> mongo;
    private final BeanProvider<MariaDbSearchIndexer> indexer;
    private final BeanProvider<EventSockets> sockets;
    private final BeanProvider<MeterRegistry> registry;

    ServiceMeters(BeanProvider<JdbcDatabase> sql, BeanProvider<MongoStore> mongo,
                  BeanProvider<MariaDbSearchIndexer> indexer, BeanProvider<EventSockets> sockets,
                  BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
        this.sql = sql;
        this.mongo = mongo;
        this.indexer = indexer;
        this.sockets = sockets;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        bindTo(registry.get());
    }

    private void bindTo(MeterRegistry registry) {
        EventSockets sockets = this.sockets.get();
        if (sql.isPresent()) {
            versionConflicts(registry, sql.get(), JdbcDatabase::versionConflicts);
        }
        if (mongo.isPresent()) {
            versionConflicts(registry, mongo.get(), MongoStore::versionConflicts);
        }
        Gauge.builder("chats.websocket.sockets.open", sockets, EventSockets::openSockets)
                .description("WebSocket connections open on this instance, authenticated or not")
                .register(registry);
        FunctionCounter.builder("chats.websocket.events.dropped", sockets, EventSockets::droppedEvents)
                .description("Events not delivered because the client did not read in time (its socket is dropped)")
                .register(registry);
        if (indexer.isPresent() && indexer.get().active()) {
            Gauge.builder("chats.search.index.backlog", indexer.get(), MariaDbSearchIndexer::backlog)
                    .description("MariaDB messages waiting for their search grams")
                    .register(registry);
        }
    }

    private static <T> void versionConflicts(MeterRegistry registry, T store,
                                             ToDoubleFunction<T> count) {
        FunctionCounter.builder("chats.store.version.conflicts", store, count)
                .description("Chat writes refused because another writer committed first; each is retried")
                .register(registry);
    }
}
