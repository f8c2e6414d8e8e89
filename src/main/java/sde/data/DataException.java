package sde.data;

import java.nio.file.Path;

/**
 * Bad input data. The message is always one line of the form {@code file:line: reason}
 * (line omitted when the problem is not on one line), so a user can go straight to it.
 */
public final class DataException extends RuntimeException {
    private final String file;
    private final int line;
    private final String reason;

    public DataException(Path file, int line, String reason) {
        this(file == null ? "<unknown>" : file.toString(), line, reason);
    }

    public DataException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() { return file; }

    /** 1-based line number in the file, or 0 when the problem is not on a single line. */
    public int line() { return line; }

    public String reason() { return reason; }
}
