package dev.chats.app.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.net.InetSocketAddress;

/**
 * For the end-to-end pass on MongoDB ({@code chats.test.embedded-mongo=true}): unless a real MongoDB is given
 * ({@code CHATS_TEST_MONGO_URI}), starts the in-process wire-protocol server once per test JVM and points
 * {@code mongodb.uri} at it, before any server context starts.
 */
public final class EmbeddedMongoSession implements LauncherSessionListener {

    private MongoServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("chats.test.embedded-mongo")) {
            return;
        }
        String given = System.getenv("CHATS_TEST_MONGO_URI");
        if (given != null && !given.isBlank()) {
            System.setProperty("mongodb.uri", given);
            return;
        }
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        System.setProperty("mongodb.uri", "mongodb://127.0.0.1:" + address.getPort());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
