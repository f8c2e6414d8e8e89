package sde.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import sde.io.ConfigException;
import sde.data.DataException;
import sde.io.Location;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Entry point of jobs/sde and both jars: `sde COMMAND …` (SPEC §7). */
@Command(name = "sde", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Strategy Discovery Engine: options strategy search on SPY, QQQ and IWM.",
        subcommands = {DataCommand.class, QuoteCommand.class, CalibrateCommand.class, StrategiesCommand.class,
                BacktestCommand.class, SweepCommand.class, DaemonCommand.class, ReportCommand.class, RegimesCommand.class,
                        ValidateCommand.class, WalkforwardCommand.class,
                BenchmarkCommand.class, AnswerCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input (data, config, a file that cannot be written): the message names it. */
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Exit code for a failure of the machinery (Spark, Hadoop, the file system), reported in one line. */
    public static final int EXIT_FAILURE = 1;

    /**
     * As {@link #run(String...)} with error messages going to {@code err}. Bad input is one line and
     * exit 2; any other failure (Spark, Hadoop, I/O) one line naming what failed and exit 1, with the
     * stack trace only under {@code --verbose} (accepted anywhere on the line).
     */
    public static int run(PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--verbose")).toArray(String[]::new);
        CommandLine cli = new CommandLine(new Main());
        // --out takes a local folder or any Hadoop URI (hdfs://, s3a://).
        cli.registerConverter(Location.class, Location::of);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof DataException || ex instanceof ConfigException || ex instanceof UncheckedIOException
                    || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (verbose) throw ex;
            cmd.getErr().println("error: " + oneLine(ex) + " (run again with --verbose for the stack trace)");
            return EXIT_FAILURE;
        });
        return cli.execute(rest);
    }

    /** The exception's class and the first line of its message, and of its root cause's when that differs. */
    static String oneLine(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String first = ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage());
        return root == ex ? first : first + "; caused by " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"sde " + (v == null ? "dev" : v)};
        }
    }
}
