package io.meterbridge;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the guide, enforced: imports point downward only. The pure decoders
 * ({@code telegram}, {@code p1}, {@code kmp}) import no other meterbridge package; the command line
 * is the only package nothing else may import.
 */
class LayeringTest {

    private static final ArchRule LAYERS_POINT_DOWNWARD = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("telegram").definedBy("io.meterbridge.telegram..")
            .layer("p1").definedBy("io.meterbridge.p1..")
            .layer("kmp").definedBy("io.meterbridge.kmp..")
            .layer("link").definedBy("io.meterbridge.link..")
            .layer("meter").definedBy("io.meterbridge.meter..")
            .layer("sim").definedBy("io.meterbridge.sim..")
            .layer("homeassistant").definedBy("io.meterbridge.homeassistant..")
            .layer("camel").definedBy("io.meterbridge.camel..")
            .layer("cli").definedBy("io.meterbridge.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("camel").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("homeassistant").mayOnlyBeAccessedByLayers("camel", "cli")
            .whereLayer("sim").mayOnlyBeAccessedByLayers("camel", "cli")
            .whereLayer("meter").mayOnlyBeAccessedByLayers("homeassistant", "sim", "camel", "cli")
            .whereLayer("link").mayOnlyBeAccessedByLayers("meter", "sim", "camel", "cli")
            .whereLayer("p1").mayOnlyBeAccessedByLayers("meter", "sim", "camel", "homeassistant", "cli")
            .whereLayer("kmp").mayOnlyBeAccessedByLayers("meter", "sim", "camel", "homeassistant", "cli")
            .withOptionalLayers(true);

    @Test
    void importsPointDownward() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.meterbridge");
        LAYERS_POINT_DOWNWARD.check(classes);
    }
}
