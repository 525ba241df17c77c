package io.meterbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the guide, enforced: imports point downward only. The pure decoders
 * ({@code telegram}, {@code p1}, {@code kmp}, {@code iec62056}) import no other meterbridge package;
 * the command line is the only package nothing else may import.
 */
class LayeringTest {

    private static final ArchRule LAYERS_POINT_DOWNWARD = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("telegram").definedBy("io.meterbridge.telegram..")
            .layer("p1").definedBy("io.meterbridge.p1..")
            .layer("kmp").definedBy("io.meterbridge.kmp..")
            .layer("iec62056").definedBy("io.meterbridge.iec62056..")
            .layer("link").definedBy("io.meterbridge.link..")
            .layer("meter").definedBy("io.meterbridge.meter..")
            .layer("sim").definedBy("io.meterbridge.sim..")
            .layer("homeassistant").definedBy("io.meterbridge.homeassistant..")
            .layer("consumption").definedBy("io.meterbridge.consumption..")
            .layer("camel").definedBy("io.meterbridge.camel..")
            .layer("cli").definedBy("io.meterbridge.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("camel").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("homeassistant").mayOnlyBeAccessedByLayers("camel", "cli")
            .whereLayer("consumption").mayOnlyBeAccessedByLayers("camel", "cli")
            .whereLayer("sim").mayOnlyBeAccessedByLayers("camel", "cli")
            .whereLayer("meter").mayOnlyBeAccessedByLayers("homeassistant", "consumption", "sim", "camel", "cli")
            .whereLayer("link").mayOnlyBeAccessedByLayers("meter", "sim", "camel", "cli")
            .whereLayer("p1").mayOnlyBeAccessedByLayers("meter", "sim", "camel", "homeassistant", "cli")
            .whereLayer("kmp").mayOnlyBeAccessedByLayers("link", "meter", "sim", "camel", "homeassistant", "cli")
            .whereLayer("iec62056").mayOnlyBeAccessedByLayers("link", "meter", "sim", "camel", "homeassistant", "cli")
            .withOptionalLayers(true);

    /**
     * The layers let anything use {@code telegram}, so they would not notice the IEC 62056-21 codec
     * importing it: this says outright that the codec needs nothing but the JDK.
     */
    private static final ArchRule IEC62056_IMPORTS_ONLY_THE_JDK = classes().that().resideInAPackage("io.meterbridge.iec62056..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.meterbridge.iec62056..", "java..");

    /**
     * The consumption arithmetic and its file reading are called from an HTTP handler but know
     * nothing of one: besides the reading keys of {@code meter} they need only the JDK, Jackson's
     * parser and SLF4J.
     */
    private static final ArchRule CONSUMPTION_IMPORTS_ONLY_METER_AND_THE_JDK = classes().that()
            .resideInAPackage("io.meterbridge.consumption..").should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.meterbridge.consumption..", "io.meterbridge.meter..", "java..",
                    "com.fasterxml.jackson..", "org.slf4j..");

    private static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.meterbridge");
    }

    @Test
    void importsPointDownward() {
        LAYERS_POINT_DOWNWARD.check(mainClasses());
    }

    @Test
    void consumptionImportsOnlyMeterAndTheJdk() {
        CONSUMPTION_IMPORTS_ONLY_METER_AND_THE_JDK.check(mainClasses());
    }

    @Test
    void iec62056ImportsOnlyTheJdk() {
        IEC62056_IMPORTS_ONLY_THE_JDK.check(mainClasses());
    }
}
