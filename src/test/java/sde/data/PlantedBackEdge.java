package sde.data;

import java.io.PrintWriter;
import sde.cli.Main;

/** Test fixture for ArchitectureTest: a data-layer class that uses the command line, a back-edge the layering rule must reject. */
public final class PlantedBackEdge {
    private PlantedBackEdge() {}

    public static int runTheCommandLine() {
        return Main.run(new PrintWriter(System.err), "--help");
    }
}
