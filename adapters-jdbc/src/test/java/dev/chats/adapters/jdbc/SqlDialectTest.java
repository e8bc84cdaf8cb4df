package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dialect is told by the URL of the three drivers without connecting (a start does not wait for the pool's
 * first connection), and read from a connection otherwise; {@code connected} always connects, so it still tells an
 * unreachable database.
 */
class SqlDialectTest {

    @Test
    void eachDriversUrl_namesItsDialect() {
        assertThat(SqlDialect.ofUrl("jdbc:h2:file:./data/chats;MODE=PostgreSQL")).contains(SqlDialect.H2);
        assertThat(SqlDialect.ofUrl("jdbc:h2:mem:x")).contains(SqlDialect.H2);
        assertThat(SqlDialect.ofUrl("jdbc:postgresql://db:5432/chats")).contains(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.ofUrl("jdbc:mariadb://db:3306/chats")).contains(SqlDialect.MARIADB);
        assertThat(SqlDialect.ofUrl("jdbc:mysql://db:3306/chats")).contains(SqlDialect.MARIADB);
    }

    @Test
    void aWrappingOrUnknownUrl_namesNone() {
        assertThat(SqlDialect.ofUrl("jdbc:tc:postgresql:16:///chats")).isEmpty();
        assertThat(SqlDialect.ofUrl("jdbc:p6spy:h2:mem:x")).isEmpty();
        assertThat(SqlDialect.ofUrl("jdbc:sqlite:chats.db")).isEmpty();
        assertThat(SqlDialect.ofUrl(null)).isEmpty();
    }

    @Test
    void aPoolWhoseUrlNamesTheDialect_isNotConnectedTo_butConnectedStillTellsItIsUnreachable() {
        try (HikariDataSource unreachable = pool("jdbc:postgresql://127.0.0.1:1/none")) {
            assertThat(SqlDialect.of(unreachable)).isEqualTo(SqlDialect.POSTGRESQL);

            assertThatThrownBy(() -> SqlDialect.connected(unreachable)).isInstanceOf(JdbcAccessException.class)
                    .hasMessageContaining("cannot connect to the database");
        }
    }

    @Test
    void connected_readsTheDialectFromTheConnectedDatabase() {
        try (HikariDataSource h2 = pool("jdbc:h2:mem:dialect;DB_CLOSE_DELAY=-1")) {
            assertThat(SqlDialect.connected(h2)).isEqualTo(SqlDialect.H2);
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
