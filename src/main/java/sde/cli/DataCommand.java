package sde.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Market data: audit, import a canonical copy, fetch from public sources.",
        subcommands = {AuditCommand.class, ImportCommand.class, FetchCommand.class})
public final class DataCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
