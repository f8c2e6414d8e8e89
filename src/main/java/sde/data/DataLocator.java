package sde.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which data folder a command reads: {@code --data DIR}, else {@code $SDE_DATA},
 * else {@code data/market} (a canonical copy made by `data import`), else {@code ../shared/data}
 * (the team's shared folder beside the checkout). The first that exists wins; an explicit choice
 * that does not exist is an error rather than a silent fall-through.
 */
public final class DataLocator {
    public static final String ENV = "SDE_DATA";
    public static final Path IMPORTED = Path.of("data", "market");
    public static final Path SHARED = Path.of("..", "shared", "data");

    /** The chosen folder and why, printed by every command that reads data. */
    public record Resolved(Path dir, String how) {
        @Override
        public String toString() { return "data: " + dir + " (" + how + ")"; }
    }

    private DataLocator() {}

    /**
     * @param workDir resolves --data and $SDE_DATA (what the user typed)
     * @param home    the checkout, which data/market and ../shared/data are relative to (jobs/sde passes -Dsde.home)
     */
    public static Resolved resolve(Path cliDir, Map<String, String> env, Path workDir, Path home) {
        if (cliDir != null) return existing(workDir.resolve(cliDir), "--data");
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return existing(workDir.resolve(fromEnv), "$" + ENV);
        for (Path p : new Path[]{IMPORTED, SHARED}) {
            Path dir = home.resolve(p).normalize();
            if (Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) return new Resolved(dir, "found " + p);
        }
        throw new DataException(home.resolve(SHARED).normalize().toString(), 0,
                "no market data: pass --data DIR, set $" + ENV + ", run `jobs/sde data import --from DIR`,"
                        + " or put the shared data folder beside the checkout");
    }

    public static Resolved resolve(Path cliDir) {
        Path cwd = Path.of("").toAbsolutePath();
        return resolve(cliDir, System.getenv(), cwd, home());
    }

    /** The checkout: -Dsde.home when jobs/sde set it, else the working directory. */
    public static Path home() {
        String h = System.getProperty("sde.home");
        return h == null || h.isBlank() ? Path.of("").toAbsolutePath() : Path.of(h).toAbsolutePath();
    }

    private static Resolved existing(Path dir, String how) {
        Path d = dir.normalize();
        if (!Files.isDirectory(d)) throw new DataException(d.toString(), 0, "data folder given by " + how + " does not exist");
        return new Resolved(d, how);
    }
}
