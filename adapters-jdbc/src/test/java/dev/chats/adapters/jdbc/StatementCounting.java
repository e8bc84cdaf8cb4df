package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * Test fixture: counts the statements each thread prepares or creates on connections of the context's data source,
 * where a test context sets {@code chats.test.count-statements}. Counting on the calling thread keeps other tests'
 * work out of the figure.
 */
@Singleton
@Requires(property = "chats.test.count-statements", value = "true")
final class StatementCounting implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    /** The statements this thread has run since the last call. */
    static int taken() {
        int[] count = COUNT.get();
        int taken = count[0];
        count[0] = 0;
        return taken;
    }

    /** First, on the pool itself: micronaut-data's transaction-aware wrapper then wraps this one. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counted(connection) : result;
                });
    }

    private static Connection counted(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (STATEMENTS.contains(method.getName())) {
                        COUNT.get()[0]++;
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
