package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sde.data.DataImport;
import sde.data.DataLocator;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Writes a canonical copy of a data folder (default data/market, git-ignored) that loads fast next time.",
                "DIR is read through its MANIFEST.csv, or recognised by file names when it has none.",
                "The copy is staged, loaded back, then swapped in: a failure leaves the old copy untouched."})
public final class ImportCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DIR", required = true, description = "Folder to import.")
    Path from;

    @Option(names = "--to", paramLabel = "DIR", description = "Target folder (default data/market in the checkout).")
    Path to;

    @Override
    public Integer call() {
        Path target = to != null ? to : DataLocator.home().resolve(DataLocator.IMPORTED);
        for (String line : DataImport.run(from, target)) System.out.println("  " + line);
        System.out.println("imported " + from + " -> " + target);
        return 0;
    }
}
