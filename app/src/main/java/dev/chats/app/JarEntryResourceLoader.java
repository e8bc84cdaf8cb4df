package dev.chats.app;

import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The framework's class-path resource loader, except that a resource inside a jar is read as the jar entry it is.
 * Micronaut's own loader opens the whole jar as a zip file system to tell a file from a directory before it reads
 * one, and closes it again: for {@code application.yml} in the server jar (~24,000 entries) that was about 65 ms of
 * the main thread at every start, before the database pool, and so the schema migration, could begin (README
 * "Cold start"). The jar's central directory is already open in the class loader; its entry says whether it is a
 * directory. Anything else (a file on disk, a path with {@code ..}, another prefix than {@code classpath:}) is left
 * to Micronaut's loader, as is every other method.
 */
final class JarEntryResourceLoader implements ClassPathResourceLoader {

    private static final String CLASSPATH_PREFIX = "classpath:";

    private final ClassPathResourceLoader framework;
    private final ClassLoader classLoader;

    JarEntryResourceLoader(ClassPathResourceLoader framework) {
        this.framework = framework;
        this.classLoader = framework.getClassLoader();
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        String name = entryName(path);
        URL url = name == null ? null : classLoader.getResource(name);
        if (url == null || !"jar".equals(url.getProtocol())) {
            return framework.getResourceAsStream(path);
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory()) {
                return Optional.empty();
            }
            return Optional.of(connection.getInputStream());
        } catch (IOException e) {
            return framework.getResourceAsStream(path); // which answers an unreadable entry as it always has
        }
    }

    /** The class-path name of a plain resource path, or null for one Micronaut's loader must judge itself. */
    private static String entryName(String path) {
        // A leading '/' stays: the class loader finds no such name, and Micronaut's loader then answers as it does.
        String name = path.startsWith(CLASSPATH_PREFIX) ? path.substring(CLASSPATH_PREFIX.length()) : path;
        if (name.isEmpty() || name.endsWith("/") || name.contains("..") || name.contains(":")) {
            return null;
        }
        return name;
    }

    @Override
    public Optional<URL> getResource(String path) {
        return framework.getResource(path);
    }

    @Override
    public Stream<URL> getResources(String name) {
        return framework.getResources(name);
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public ResourceLoader forBase(String basePath) {
        return framework.forBase(basePath);
    }

    @Override
    public boolean supportsPrefix(String path) {
        return framework.supportsPrefix(path);
    }
}
