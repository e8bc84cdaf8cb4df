package dev.chats.app.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the arrows of ARCHITECTURE.md true: the domain knows only the JDK, the application only the domain, and
 * no adapter knows another (REST/WebSocket, JDBC, MongoDB, Redis events, OpenAI-compatible models). Every rule fails on an empty
 * selection, so a renamed package cannot make it pass.
 */
class HexagonalArchitectureTest {

    static final String ROOT = "dev.chats";
    static final String DOMAIN = ROOT + ".domain..";
    static final String APPLICATION = ROOT + ".application..";
    static final String INPUT_PORTS = ROOT + ".application.port.in..";
    static final String SERVICES = ROOT + ".application.service..";
    static final String REST_ADAPTER = ROOT + ".adapters.rest..";
    static final String JDBC_ADAPTER = ROOT + ".adapters.jdbc..";
    static final String MONGO_ADAPTER = ROOT + ".adapters.mongo..";
    static final String REDIS_ADAPTER = ROOT + ".adapters.redis..";
    static final String OPENAI_ADAPTER = ROOT + ".adapters.openai..";

    private static JavaClasses production;

    /**
     * Inside the reactor the modules arrive as jars (after {@code package}) or as class folders (IDE, {@code test}
     * alone), so jars are imported too; test classes and test-jars are not.
     */
    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
    }

    @Test
    void domain_dependsOnTheJdkOnly() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .allowEmptyShould(false)
                .check(production);
    }

    /** Each capability of the domain (chat, folder, share, port …, subpackages included) is one slice. */
    @Test
    void domainCapabilities_dependOnOneAnotherWithoutCycles() {
        slices().matching(ROOT + ".domain.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(false)
                .check(production);
    }

    /** Likewise the application's capabilities (chat, folder, identity, vapi …) in its ports and its services. */
    @Test
    void applicationCapabilities_dependOnOneAnotherWithoutCycles() {
        slices().matching(ROOT + ".application.(**)").should().beFreeOfCycles()
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void application_dependsOnTheDomainAndJakartaInjectOnly() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "jakarta.inject..", "java..")
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void inputPorts_neverDependOnServices() {
        noClasses().that().resideInAPackage(INPUT_PORTS)
                .should().dependOnClassesThat().resideInAPackage(SERVICES)
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void restAdapter_doesNotDependOnOtherAdapters() {
        noClasses().that().resideInAPackage(REST_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(JDBC_ADAPTER, MONGO_ADAPTER, REDIS_ADAPTER, OPENAI_ADAPTER)
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void jdbcAdapter_doesNotDependOnOtherAdapters() {
        noClasses().that().resideInAPackage(JDBC_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(REST_ADAPTER, MONGO_ADAPTER, REDIS_ADAPTER, OPENAI_ADAPTER)
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void mongoAdapter_doesNotDependOnOtherAdapters() {
        noClasses().that().resideInAPackage(MONGO_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(REST_ADAPTER, JDBC_ADAPTER, REDIS_ADAPTER, OPENAI_ADAPTER)
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void redisAdapter_dependsOnNeitherOtherAdaptersNorTheApplication() {
        noClasses().that().resideInAPackage(REDIS_ADAPTER)
                .should().dependOnClassesThat()
                .resideInAnyPackage(REST_ADAPTER, JDBC_ADAPTER, MONGO_ADAPTER, OPENAI_ADAPTER, APPLICATION)
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void openAiAdapter_dependsOnNeitherOtherAdaptersNorTheApplication() {
        noClasses().that().resideInAPackage(OPENAI_ADAPTER)
                .should().dependOnClassesThat()
                .resideInAnyPackage(REST_ADAPTER, JDBC_ADAPTER, MONGO_ADAPTER, REDIS_ADAPTER, APPLICATION)
                .allowEmptyShould(false)
                .check(production);
    }

    @Test
    void adapters_doNotReachIntoTheApplicationServices() {
        noClasses().that().resideInAnyPackage(REST_ADAPTER, JDBC_ADAPTER, MONGO_ADAPTER, REDIS_ADAPTER, OPENAI_ADAPTER)
                .should().dependOnClassesThat().resideInAPackage(SERVICES)
                .allowEmptyShould(false)
                .check(production);
    }

    /** What routes share (answers, parsing) lives beside them, not in one route class the others reach into. */
    @Test
    void controllers_doNotDependOnOneAnother() {
        classes().that().areAnnotatedWith(Controller.class)
                .should(new ArchCondition<JavaClass>("depend on no other controller") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        controller.getDirectDependenciesFromSelf().stream()
                                .filter(dependency -> !dependency.getTargetClass().equals(controller)
                                        && dependency.getTargetClass().isAnnotatedWith(Controller.class))
                                .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                        dependency.getDescription())));
                    }
                })
                .allowEmptyShould(false)
                .check(production);
    }
}
