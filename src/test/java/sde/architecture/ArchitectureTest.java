package sde.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;
import sde.cli.Main;
import sde.data.PlantedBackEdge;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The packages' flow (README, docs/architecture.md) as rules over the compiled main classes: each
 * layer may use only the layers below it, the packages form no cycle, Spark stays in its adapter
 * ({@code sde.spark}) and the command line that wires it in, and the sweep is handed its gate
 * rather than importing the gate's package.
 */
class ArchitectureTest {
    /** Top to bottom; a layer may use any layer below it, never one above. */
    static final List<String[]> LAYERS = List.of(
            new String[]{"cli", "sde.cli.."},
            new String[]{"config", "sde.config.."},
            new String[]{"spark", "sde.spark.."},
            new String[]{"daemon", "sde.daemon..", "sde.report.."},
            new String[]{"search", "sde.sweep..", "sde.optimize..", "sde.validate..", "sde.benchmark.."},
            new String[]{"backtest", "sde.backtest.."},
            new String[]{"model", "sde.strategy..", "sde.pricing..", "sde.regime..", "sde.metrics.."},
            new String[]{"data", "sde.data.."},
            new String[]{"base", "sde.io..", "sde.param..", "sde.results.."});

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sde");

    static ArchRule layers() {
        Architectures.LayeredArchitecture a = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] l : LAYERS) a = a.layer(l[0]).definedBy(Arrays.copyOfRange(l, 1, l.length));
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(0, i).stream().map(l -> l[0]).toArray(String[]::new);
            a = a.whereLayer(LAYERS.get(i)[0]).mayOnlyBeAccessedByLayers(above);
        }
        return a.whereLayer("cli").mayNotBeAccessedByAnyLayer();
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        layers().check(MAIN);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("sde.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sparkLivesInItsAdapterAndTheCommandLineOnly() {
        noClasses().that().resideOutsideOfPackages("sde.spark..", "sde.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("the search, the gate and the daemon see a SweepBackend; sde.spark is the one that runs on Spark, and cli "
                        + "wires it in")
                .check(MAIN);
    }

    @Test
    void theSweepIsHandedItsGate() {
        noClasses().that().resideInAPackage("sde.sweep..").should().dependOnClassesThat().resideInAPackage("sde.validate..")
                .because("the gate is passed into the sweep as a LeaderGate").check(MAIN);
    }

    @Test
    void aPlantedBackEdgeFailsTheRule() {
        // A data-layer class that reaches up into the command line: what the rule exists to stop.
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBackEdge.class, Main.class);
        EvaluationResult r = layers().evaluate(planted);
        assertTrue(r.hasViolation(), "the layering rule must fail on data -> cli");
        assertTrue(r.getFailureReport().toString().contains("sde.data.PlantedBackEdge"), r.getFailureReport().toString());
    }
}
