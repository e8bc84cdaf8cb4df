package dev.chats.app;

import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceIndexTest {

    @TempDir
    Path dir;

    @Test
    void writer_listsStandardServicesThenMicronautEntries_perServiceType() throws IOException {
        Path jar = dir.resolve("server.jar");
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            write(zip, "META-INF/services/a.Service", "x.Impl1\n# a comment line\n\nx.Impl2  # trailing\n");
            write(zip, "META-INF/micronaut/a.Service/x.Impl3", "");
            write(zip, "META-INF/micronaut/b.Service/y.Impl4", "");
            write(zip, "META-INF/micronaut/b.Service/y.Impl5", "");
            write(zip, "META-INF/services/c.Service", "x.Impl1\n");
            write(zip, "dev/Other.class", "not a service");
        }

        assertThat(ServiceIndexWriter.write(jar)).isEqualTo(3);

        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream index = zip.getInputStream(
                zip.getEntry(ServiceIndex.RESOURCE))) {
            Map<String, List<String>> services = ServiceIndex.read(index);
            assertThat(services).containsOnlyKeys("a.Service", "b.Service", "c.Service");
            assertThat(services.get("a.Service")).containsExactly("x.Impl1", "x.Impl2", "x.Impl3");
            assertThat(services.get("b.Service")).containsExactlyInAnyOrder("y.Impl4", "y.Impl5");
            assertThat(services.get("c.Service")).containsExactly("x.Impl1");
        }
    }

    @Test
    void loaders_createTheIndexedImplementations_andSkipThoseWhoseClassIsMissing() {
        ServiceIndex.IndexedLoaders loaders = loaders(Map.of(Greeting.class.getName(),
                List.of(Hello.class.getName(), "dev.chats.app.NoSuchGreeting", NeedsAMissingClass.class.getName(),
                        Bye.class.getName())));

        List<Object> greetings = loadAll(loaders, Greeting.class.getName());

        assertThat(greetings).extracting(Object::getClass).containsExactly(Hello.class, Bye.class);
    }

    @Test
    void loaders_answerEveryOtherServiceTypeWithNoImplementation_insteadOfLettingMicronautScan() {
        ServiceIndex.IndexedLoaders loaders = loaders(Map.of(Greeting.class.getName(),
                List.of(Hello.class.getName())));

        assertThat(loaders.containsKey("some.service.NotInTheJar")).isTrue();
        assertThat(loadAll(loaders, "some.service.NotInTheJar")).isEmpty();
    }

    @Test
    void loaders_keepMicronautsCondition_andGiveANewInstanceAtEachLaterLoad() {
        ServiceIndex.IndexedLoaders loaders = loaders(Map.of(Greeting.class.getName(),
                List.of(Hello.class.getName(), Bye.class.getName())));
        @SuppressWarnings("unchecked")
        StaticServiceLoader<Object> loader = (StaticServiceLoader<Object>) loaders.get(Greeting.class.getName());

        var definitions = loader.findAll(name -> name.endsWith("Bye")).toList();

        assertThat(definitions).hasSize(1);
        Object first = definitions.get(0).load();
        Object second = definitions.get(0).load();
        assertThat(first).isInstanceOf(Bye.class);
        assertThat(second).isInstanceOf(Bye.class).isNotSameAs(first);
    }

    @Test
    void loaders_reportAConstructorsFailure_asMicronautsLoadingDoes() {
        ServiceIndex.IndexedLoaders loaders = loaders(Map.of(Greeting.class.getName(),
                List.of(Broken.class.getName())));

        assertThatThrownBy(() -> loadAll(loaders, Greeting.class.getName()))
                .isInstanceOf(ServiceConfigurationError.class)
                .hasMessageContaining(Broken.class.getName())
                .hasRootCauseMessage("broken on purpose");
    }

    @Test
    void install_leavesMicronautScanning_whenTheClassPathIsNotTheJarAlone() {
        // The test class path is the modules' classes and every dependency: an index would not cover it.
        assertThat(System.getProperty("java.class.path")).contains(java.io.File.pathSeparator);
        assertThat(ServiceIndex.install()).isFalse();
    }

    @Test
    void install_takesTheIndexOnlyFromTheJarThatIsTheClassPath() throws Exception {
        Path jar = dir.resolve("chats-server.jar");
        URL inJar = URI.create("jar:" + jar.toUri() + "!/" + ServiceIndex.RESOURCE).toURL();

        assertThat(ServiceIndex.isIn(inJar, jar)).isTrue();
        assertThat(ServiceIndex.isIn(inJar, dir.resolve("other").resolve("..").resolve("chats-server.jar"))).isTrue();
        assertThat(ServiceIndex.isIn(inJar, dir.resolve("launcher.jar"))).isFalse();
        assertThat(ServiceIndex.isIn(dir.resolve(ServiceIndex.RESOURCE).toUri().toURL(), jar)).isFalse();
    }

    private static ServiceIndex.IndexedLoaders loaders(Map<String, List<String>> services) {
        return new ServiceIndex.IndexedLoaders(services, ServiceIndexTest.class.getClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> loadAll(ServiceIndex.IndexedLoaders loaders, String service) {
        return ((StaticServiceLoader<Object>) loaders.get(service)).load(any -> true);
    }

    private static void write(FileSystem zip, String path, String text) throws IOException {
        Path file = zip.getPath(path);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public interface Greeting {
    }

    public static final class Hello implements Greeting {
    }

    public static final class Bye implements Greeting {
    }

    public static final class NeedsAMissingClass implements Greeting {
        public NeedsAMissingClass() {
            throw new NoClassDefFoundError("some/optional/Dependency");
        }
    }

    public static final class Broken implements Greeting {
        public Broken() {
            throw new IllegalStateException("broken on purpose");
        }
    }
}
