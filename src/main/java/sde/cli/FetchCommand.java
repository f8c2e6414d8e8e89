package sde.cli;

import picocli.CommandLine.Command;

@Command(name = "fetch", mixinStandardHelpOptions = true, description = "TODO")
public final class FetchCommand implements Runnable {
    @Override
    public void run() { }
}
