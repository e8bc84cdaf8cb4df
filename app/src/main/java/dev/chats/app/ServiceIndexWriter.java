package dev.chats.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the {@link ServiceIndex} into the server jar: the package build runs it on the shaded jar, before the
 * class-data archive's training run. It lists, per service type, what Micronaut's own scan would find in that jar:
 * the lines of {@code META-INF/services/<service>} first, then the entries of {@code META-INF/micronaut/<service>/},
 * in the jar's order (the order the scan meets them). Uses nothing but the JDK, so it runs from the module's
 * classes without the framework on the class path.
 */
public final class ServiceIndexWriter {

    private static final String STANDARD_SERVICES = "META-INF/services";
    private static final String MICRONAUT_SERVICES = "META-INF/micronaut";

    private ServiceIndexWriter() {
    }

    /** {@code args[0]}: the jar to index; the index is written into it. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ServiceIndexWriter <server jar>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int services = write(jar);
        System.out.println("service index: " + services + " service types written into " + jar);
    }

    /** Indexes {@code jar} into itself; returns how many service types it lists. */
    static int write(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Map<String, Set<String>> services = read(zip);
            Path index = zip.getPath(ServiceIndex.RESOURCE);
            Files.createDirectories(index.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
                out.write(ServiceIndex.HEADER);
                out.newLine();
                for (Map.Entry<String, Set<String>> service : services.entrySet()) {
                    out.write(ServiceIndex.SERVICE_MARK + service.getKey());
                    out.newLine();
                    for (String implementation : service.getValue()) {
                        out.write(implementation);
                        out.newLine();
                    }
                }
            }
            return services.size();
        }
    }

    private static Map<String, Set<String>> read(FileSystem zip) throws IOException {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        for (Path file : children(zip.getPath(STANDARD_SERVICES))) {
            if (Files.isRegularFile(file)) {
                Set<String> implementations = implementationsOf(services, file);
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String name = withoutComment(line);
                    if (!name.isEmpty()) {
                        implementations.add(name);
                    }
                }
            }
        }
        for (Path directory : children(zip.getPath(MICRONAUT_SERVICES))) {
            if (Files.isDirectory(directory)) {
                Set<String> implementations = implementationsOf(services, directory);
                for (Path entry : children(directory)) {
                    if (Files.isRegularFile(entry)) {
                        implementations.add(name(entry));
                    }
                }
            }
        }
        return services;
    }

    private static Set<String> implementationsOf(Map<String, Set<String>> services, Path file) {
        return services.computeIfAbsent(name(file), service -> new LinkedHashSet<>());
    }

    private static List<Path> children(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).trim();
    }
}
