package dev.chats.adapters.jdbc;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the application awaits the migration itself ({@link SchemaMigrationRun#AWAITED_BY_APPLICATION}, as the
 * server does so that its port opens meanwhile), the context starts while the migration still runs, says so, and
 * the failure reaches whoever awaits it.
 */
class MigrationAwaitedByApplicationTest {

    @Test
    void theContextStartsWhileTheMigrationRuns_whichSaysSo_untilItsFailureEndsIt() throws IOException {
        try (SilentDatabase database = new SilentDatabase();
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "datasources.default.url", database.url(),
                     "datasources.default.connection-timeout-millis", "2000",
                     "flyway.datasources.default.enabled", true,
                     SchemaMigrationRun.AWAITED_BY_APPLICATION, "true"))) {
            JdbcDatabase jdbc = context.getBean(JdbcDatabase.class);
            SchemaMigrationRun migration = context.getBean(SchemaMigrationRun.class);

            assertThat(jdbc.migrating()).isTrue();
            assertThatThrownBy(migration::awaitMigrated).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the schema migration failed")
                    .hasMessageContaining("cannot connect to the database at " + database.url());
            assertThat(jdbc.migrating()).isFalse();
        }
    }

    @Test
    void withoutTheSetting_theContextsStartAwaitsTheMigration_andFailsWithIt() throws IOException {
        try (SilentDatabase database = new SilentDatabase()) {
            assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                    "datasources.default.url", database.url(),
                    "datasources.default.connection-timeout-millis", "1000",
                    "flyway.datasources.default.enabled", true)).close())
                    .hasStackTraceContaining("the schema migration failed")
                    .hasStackTraceContaining("cannot connect to the database at " + database.url());
        }
    }

    /** A PostgreSQL address that accepts connections and never answers: the driver waits until its login timeout. */
    private static final class SilentDatabase implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "silent-database");

        SilentDatabase() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/none";
        }

        private void accept() {
            try {
                while (!server.isClosed()) {
                    Socket socket = server.accept();
                    synchronized (accepted) {
                        accepted.add(socket);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
