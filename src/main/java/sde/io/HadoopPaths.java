package sde.io;

/**
 * Paths as Spark and Hadoop read them. Spark's readers glob a path (Hadoop's GlobPattern): an output
 * folder named {@code out/local[1]} would be read as a character class and not be found. Output
 * paths are taken literally, so every read escapes the glob characters first.
 */
public final class HadoopPaths {
    private HadoopPaths() {}

    /** {@code path} with Hadoop's glob characters escaped, so that a reader matches exactly it. */
    public static String literal(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if ("[]{}*?\\".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
