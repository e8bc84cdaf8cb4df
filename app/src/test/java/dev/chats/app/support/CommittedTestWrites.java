package dev.chats.app.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.test.context.TestExecutionListener;
import io.micronaut.test.context.TestMethodInterceptor;
import io.micronaut.transaction.test.DefaultTestTransactionExecutionListener;
import jakarta.inject.Singleton;

/**
 * Keeps {@code @MicronautTest} from wrapping each test method in a transaction rolled back at its end, which
 * micronaut-data's test listener does as soon as a transaction manager exists (the JDBC adapter's, since it runs on
 * micronaut-data-jdbc). These tests drive a running server over HTTP: what a test writes itself through the
 * datasource must be committed, or the server, on its own connections, never sees it. It stands in for the
 * listener under both types the test extension looks it up by, with their pass-through defaults.
 */
@Singleton
@Replaces(DefaultTestTransactionExecutionListener.class)
final class CommittedTestWrites implements TestExecutionListener, TestMethodInterceptor<Object> {
}
