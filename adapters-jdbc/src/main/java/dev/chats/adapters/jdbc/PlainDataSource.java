package dev.chats.adapters.jdbc;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Leaves the {@code DataSource} bean the plain pool. micronaut-data wraps it so that {@code getConnection()} hands
 * out the connection of the current transaction, and fails outside one; this adapter never asks the bean for a
 * connection (its work runs through the connection and transaction operations, which unwrap it anyway), while
 * others that take the bean (operators' tools, tests) expect a pool that opens a connection of its own.
 */
@Singleton
@JdbcPersistence
@Order(Ordered.LOWEST_PRECEDENCE)
final class PlainDataSource implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return DelegatingDataSource.unwrapDataSource(event.getBean());
    }
}
