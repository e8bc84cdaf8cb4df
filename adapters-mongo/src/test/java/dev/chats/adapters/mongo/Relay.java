package dev.chats.adapters.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test database that can be cut: every connection through it is closed and new ones are
 * refused, as when the process on the far side is killed. Lets a test make one repository instance vanish mid-write.
 */
final class Relay implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    Relay(String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        this.targetHost = hostAndPort.substring(0, colon);
        this.targetPort = Integer.parseInt(hostAndPort.substring(colon + 1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A connection string to the database through this relay. */
    String uri() {
        return "mongodb://127.0.0.1:" + server.getLocalPort() + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
    }

    /** Closes every connection through the relay and refuses new ones. */
    void cut() {
        cut = true;
        sockets.forEach(Relay::closeQuietly);
        closeQuietly(server);
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        while (!cut) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while (!cut && (read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException ignored) {
                // Cut or closed.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
