package dev.chats.app;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's resource loader reads a resource inside a jar as its entry; it must answer every path as Micronaut's
 * own loader does, which it replaces only for the start-up's sake.
 */
class JarEntryResourceLoaderTest {

    private static final String YAML = "micronaut:\n  application:\n    name: chats\n";

    @TempDir
    Path dir;

    @Test
    void aFileInAJar_isReadAsItsEntry_withTheSameBytesAsMicronautsLoader() throws IOException {
        try (URLClassLoader classLoader = classLoaderOver(jar())) {
            ClassPathResourceLoader framework = ClassPathResourceLoader.defaultLoader(classLoader);
            JarEntryResourceLoader loader = new JarEntryResourceLoader(framework);

            for (String path : new String[] {"config/application.yml", "classpath:config/application.yml"}) {
                assertThat(read(loader.getResourceAsStream(path))).as(path).isEqualTo(YAML);
                assertThat(read(framework.getResourceAsStream(path))).as(path).isEqualTo(YAML);
            }
        }
    }

    @Test
    void directoriesAndMissingEntries_areNoResource_asWithMicronautsLoader() throws IOException {
        try (URLClassLoader classLoader = classLoaderOver(jar())) {
            ClassPathResourceLoader framework = ClassPathResourceLoader.defaultLoader(classLoader);
            JarEntryResourceLoader loader = new JarEntryResourceLoader(framework);

            for (String path : new String[] {"config", "config/", "classpath:config", "config/missing.yml",
                    "application-missing.yml", "config/../config/application.yml", "/config/application.yml",
                    "classpath:/config/application.yml"}) {
                assertThat(loader.getResourceAsStream(path)).as(path)
                        .isEqualTo(framework.getResourceAsStream(path)).isEmpty();
            }
        }
    }

    @Test
    void aResourceOnDisk_isLeftToMicronautsLoader() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/config"));
        Files.writeString(classes.resolve("application.yml"), YAML);
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                null)) {
            JarEntryResourceLoader loader = new JarEntryResourceLoader(
                    ClassPathResourceLoader.defaultLoader(classLoader));

            assertThat(read(loader.getResourceAsStream("config/application.yml"))).isEqualTo(YAML);
            assertThat(loader.getResourceAsStream("config")).isEmpty();
            assertThat(loader.getResource("config/application.yml")).isPresent();
        }
    }

    @Test
    void theServersFramework_readsItsConfigurationThroughIt() {
        assertThat(ServerFramework.of(new String[0]).getResourceLoader()).isInstanceOf(JarEntryResourceLoader.class);
    }

    private Path jar() throws IOException {
        Path jar = dir.resolve("server.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("config/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("config/application.yml"));
            out.write(YAML.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static URLClassLoader classLoaderOver(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private static String read(Optional<InputStream> stream) {
        assertThat(stream).isPresent();
        try (InputStream in = stream.get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
