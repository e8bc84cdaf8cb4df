package dev.chats.domain.port;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionUrlsTest {

    @Test
    void userInformationIsMasked_whateverItsForm() {
        assertThat(ConnectionUrls.masked("redis://user:secret@host:6379/0")).isEqualTo("redis://***@host:6379/0");
        assertThat(ConnectionUrls.masked("redis://:secret@host")).isEqualTo("redis://***@host");
        assertThat(ConnectionUrls.masked("redis://secret@host")).isEqualTo("redis://***@host");
        assertThat(ConnectionUrls.masked("mongodb://admin:p%40ss@db1:27017,db2:27017/chats"))
                .isEqualTo("mongodb://***@db1:27017,db2:27017/chats");
        assertThat(ConnectionUrls.masked("jdbc:postgresql://app:secret@127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://***@127.0.0.1:5432/test");
    }

    @Test
    void passwordParametersAreMasked_inQueryStringsAndSemicolonLists_anyCase() {
        assertThat(ConnectionUrls.masked("jdbc:postgresql://127.0.0.1/test?user=app&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://127.0.0.1/test?user=app&password=***&ssl=true");
        assertThat(ConnectionUrls.masked("jdbc:h2:file:./data/chats;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/chats;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(ConnectionUrls.masked("jdbc:mariadb://127.0.0.1/test?pwd=secret"))
                .isEqualTo("jdbc:mariadb://127.0.0.1/test?pwd=***");
    }

    @Test
    void aUrlWithoutCredentials_isKeptAsItIs_andNullReadsAsNull() {
        assertThat(ConnectionUrls.masked("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(ConnectionUrls.masked("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(ConnectionUrls.masked(null)).isEqualTo("null");
    }
}
