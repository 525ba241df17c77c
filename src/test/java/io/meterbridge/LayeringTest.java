package io.meterbridge;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering of the guide, enforced: imports point downward only. The pure decoders
 * ({@code telegram}, {@code p1}) import no other meterbridge package; the command line is the
 * only package nothing else may import.
 */
@AnalyzeClasses(packages = "io.meterbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layersPointDownward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("telegram").definedBy("io.meterbridge.telegram..")
            .layer("p1").definedBy("io.meterbridge.p1..")
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
            .withOptionalLayers(true);
}
