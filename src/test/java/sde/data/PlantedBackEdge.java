package sde.data;

/** Test fixture for ArchitectureTest: a data-layer class that uses the command line, a back-edge the layering rule must reject. */
public final class PlantedBackEdge {
    private PlantedBackEdge() {}

    public static int runTheCommandLine() {
        return sde.cli.Main.run(new java.io.PrintWriter(System.err), "--help");
    }
}
