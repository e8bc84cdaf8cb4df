package dev.chats.app;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;

/**
 * Micronaut's application builder as the server starts it ({@link Application}, and the class-data archive's
 * training run): the same, but its configuration files are read from the jar through {@link JarEntryResourceLoader}.
 */
final class ServerFramework extends Micronaut {

    private ClassPathResourceLoader resourceLoader;

    private ServerFramework() {
    }

    static Micronaut of(String[] args) {
        return new ServerFramework().args(args).mainClass(Application.class);
    }

    @Override
    public ClassPathResourceLoader getResourceLoader() {
        if (resourceLoader == null) {
            resourceLoader = new JarEntryResourceLoader(super.getResourceLoader());
        }
        return resourceLoader;
    }
}
