package sde.cli;

import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, description = "TODO")
public final class ImportCommand implements Runnable {
    @Override
    public void run() { }
}
