package dev.chats.app;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every service implementation the server jar holds, listed at build time ({@link ServiceIndexWriter}) and handed
 * to Micronaut's service loading before the framework starts, so a start does not walk the jar's ~24,000 entries
 * through a zip file system to find them: that walk was about a tenth of the main thread's time to the first
 * answer (README "Cold start"). It is what Micronaut AOT's service-loading optimisation does, without its build
 * plugin (not resolvable here). Creating the ~750 bean definitions it lists costs what it cost before.
 * <p>
 * Used only when the class path is the indexed jar alone ({@code java -jar chats-server.jar}, or the training
 * run's {@code -classpath chats-server.jar}): anything else on the class path could hold services the index does
 * not list, so then, as in the tests, Micronaut scans as usual. A service type the index does not name has no
 * implementation in the jar, and is answered as such instead of by a scan.
 */
final class ServiceIndex {

    static final String RESOURCE = "META-INF/chats/service-index";
    static final String HEADER = "# chats service index: '=' starts a service type, its implementations follow";
    static final String SERVICE_MARK = "=";

    private ServiceIndex() {
    }

    /**
     * Hands the index to Micronaut when the class path is the indexed jar alone; must run before anything loads
     * {@link SoftServiceLoader}, which reads it once. Returns whether it did.
     */
    static boolean install() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator)) {
            return false;
        }
        ClassLoader loader = ServiceIndex.class.getClassLoader();
        URL index = loader.getResource(RESOURCE);
        // A launcher jar naming others in its manifest is a class path of one entry too: the index must be that jar's.
        if (index == null || !isIn(index, Path.of(classPath))) {
            return false;
        }
        try (InputStream lines = index.openStream()) {
            StaticOptimizations.set(new SoftServiceLoader.Optimizations(new IndexedLoaders(read(lines), loader)));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }

    /** Whether {@code resource} ({@code jar:file:/…/x.jar!/path}) lies in {@code jar}. */
    static boolean isIn(URL resource, Path jar) {
        String location = resource.toString();
        int separator = location.indexOf("!/");
        if (!"jar".equals(resource.getProtocol()) || separator < 0) {
            return false;
        }
        try {
            Path container = Path.of(URI.create(location.substring("jar:".length(), separator)));
            return container.toAbsolutePath().normalize().equals(jar.toAbsolutePath().normalize());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return false;
        }
    }

    /** The index's service types and their implementations' class names, in the index's order. */
    static Map<String, List<String>> read(InputStream index) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        List<String> implementations = null;
        BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(SERVICE_MARK)) {
                implementations = services.computeIfAbsent(line.substring(SERVICE_MARK.length()),
                        service -> new ArrayList<>());
            } else if (implementations != null) {
                implementations.add(line);
            }
        }
        return services;
    }

    /**
     * Micronaut's static service table, answering for every service type: the index's implementations, or none.
     * Micronaut asks it only through {@code get} and {@code containsKey}; its entry set holds the types asked so far.
     */
    static final class IndexedLoaders extends AbstractMap<String, StaticServiceLoader<?>> {

        private final Map<String, List<String>> services;
        private final ClassLoader loader;
        private final Map<String, StaticServiceLoader<?>> asked = new ConcurrentHashMap<>();

        IndexedLoaders(Map<String, List<String>> services, ClassLoader loader) {
            this.services = services;
            this.loader = loader;
        }

        @Override
        public boolean containsKey(Object service) {
            return service instanceof String;
        }

        @Override
        public StaticServiceLoader<?> get(Object service) {
            if (!(service instanceof String name)) {
                return null;
            }
            return asked.computeIfAbsent(name,
                    type -> new IndexedLoader<>(services.getOrDefault(type, List.of()), loader));
        }

        @Override
        public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
            return asked.entrySet();
        }
    }

    /**
     * One service type's implementations, each created as Micronaut's own loading creates it (its public no-argument
     * constructor) and skipped, as there, when its class or a class it needs is missing.
     */
    static final class IndexedLoader<S> implements StaticServiceLoader<S> {

        private final List<String> implementations;
        private final ClassLoader loader;

        IndexedLoader(List<String> implementations, ClassLoader loader) {
            this.implementations = implementations;
            this.loader = loader;
        }

        @Override
        public Stream<StaticDefinition<S>> findAll(Predicate<String> condition) {
            List<StaticDefinition<S>> found = new ArrayList<>(implementations.size());
            for (String name : implementations) {
                if (condition.test(name)) {
                    S first = instantiate(name);
                    if (first != null) {
                        found.add(StaticDefinition.of(name, new FirstThenNew<>(first, () -> instantiate(name))));
                    }
                }
            }
            return found.stream();
        }

        @SuppressWarnings("unchecked")
        private S instantiate(String name) {
            try {
                return (S) Class.forName(name, false, loader).getConstructor().newInstance();
            } catch (ClassNotFoundException | NoClassDefFoundError | NoSuchMethodException
                     | IllegalAccessException e) {
                return null;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof NoClassDefFoundError) {
                    return null;
                }
                throw new ServiceConfigurationError("cannot create service " + name, e.getCause());
            } catch (InstantiationException e) {
                throw new ServiceConfigurationError("cannot create service " + name, e);
            }
        }
    }

    /** The instance {@code findAll} made to check the class is there, then a new one at each later load. */
    private static final class FirstThenNew<S> implements Supplier<S> {

        private final Supplier<S> next;
        private S first;

        FirstThenNew(S first, Supplier<S> next) {
            this.first = first;
            this.next = next;
        }

        @Override
        public synchronized S get() {
            S service = first;
            if (service == null) {
                return next.get();
            }
            first = null;
            return service;
        }
    }
}
