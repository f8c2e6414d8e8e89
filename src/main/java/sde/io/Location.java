package sde.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A file or folder of an output tree: a local path, or any Hadoop-compatible URI
 * ({@code hdfs://nn:8020/sde/out}, {@code s3a://bucket/out}). On a real cluster a local {@code --out}
 * scatters the executors' Parquet parts over the workers' disks, so the sweep and the daemon take a
 * URI: the executors write Parquet there through Spark ({@link #uri()}), and the driver writes its
 * JSON and state here with the same discipline as on a local disk: a temporary sibling, then one
 * rename over the target (HDFS renames with OVERWRITE atomically in the NameNode), so a file is
 * whole or absent.
 *
 * <p>Local paths keep java.nio ({@link AtomicFiles}): Hadoop's local filesystem renames over an
 * existing file by deleting it first, which would open a window with no file at all.
 */
public abstract sealed class Location permits Location.Local, Location.Remote {
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*");

    /**
     * {@code spec} as given on the command line: a URI with a scheme, or a local path (relative to
     * the working directory). Hadoop settings come from the classpath (core-site.xml, HADOOP_CONF_DIR
     * under spark-submit) and from {@code spark.hadoop.*} system properties, as Spark's own.
     */
    public static Location of(String spec) {
        return of(spec, null);
    }

    /** As {@link #of(String)} with the given Hadoop settings (null: {@link #hadoopConf()}). */
    public static Location of(String spec, Configuration conf) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("an output location must not be empty");
        if (!URI_SCHEME.matcher(spec).matches()) return of(Path.of(spec));
        // Hadoop's parser, not java.net.URI's: it takes a name such as local[1] literally.
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(spec);
        URI uri = p.toUri();
        if ("file".equals(uri.getScheme())) return of(Path.of(uri));
        Configuration c = conf == null ? hadoopConf() : conf;
        try {
            return new Remote(p.getFileSystem(c), FileContext.getFileContext(p.toUri(), c), p);
        } catch (IOException e) {
            throw new IllegalArgumentException(spec + ": no Hadoop filesystem for this URI (" + firstLine(e) + ")");
        }
    }

    public static Location of(Path p) {
        return new Local(p.toAbsolutePath().normalize());
    }

    /** Hadoop settings as the driver of spark-submit sees them: the classpath's, plus {@code spark.hadoop.*} properties. */
    public static Configuration hadoopConf() {
        Configuration c = new Configuration();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop."))
                .forEach(k -> c.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
        return c;
    }

    /** The child {@code name} (one path segment, or several joined with '/'). */
    public abstract Location resolve(String name);

    /** The last path segment. */
    public abstract String name();

    /** What Spark reads and writes: an absolute local path, or the full URI. Read with {@link HadoopPaths#literal}. */
    public abstract String uri();

    /** The local path, when this is on the local disk. */
    public abstract Optional<Path> local();

    public abstract boolean isFile();

    public abstract boolean isDirectory();

    /** The children of a folder, by name; none when this is not a folder. */
    public abstract List<Location> children();

    /** The text of a file, or empty when there is none. */
    public abstract Optional<String> read();

    /** Replaces the file's content, whole or not at all. */
    public abstract void write(String text);

    /**
     * Creates the file with {@code text} only if no file is there (atomically on HDFS and a local
     * disk); false when one already exists.
     */
    public abstract boolean createNew(String text);

    /**
     * Adds {@code text} at the end of the file (created if absent). On a local disk and on HDFS this
     * is an append; a filesystem without appends (an object store) gets the whole file rewritten
     * through a temporary sibling instead.
     */
    public abstract void append(String text);

    /** Removes the file or folder (with everything in it); nothing when absent. */
    public abstract void delete();

    /** True when the folder holds a committed Parquet data file anywhere below it (Spark's _temporary staging does not count). */
    public abstract boolean hasParquet();

    @Override
    public String toString() {
        return uri();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && l.uri().equals(uri());
    }

    @Override
    public int hashCode() {
        return uri().hashCode();
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static boolean isParquetPart(String path) {
        return path.endsWith(".parquet") && !path.contains("_temporary");
    }

    static final class Local extends Location {
        private final Path path;

        Local(Path path) {
            this.path = path;
        }

        @Override public Location resolve(String name) { return new Local(path.resolve(name).normalize()); }
        @Override public String name() { return path.getFileName() == null ? path.toString() : path.getFileName().toString(); }
        @Override public String uri() { return path.toString(); }
        @Override public Optional<Path> local() { return Optional.of(path); }
        @Override public boolean isFile() { return Files.isRegularFile(path); }
        @Override public boolean isDirectory() { return Files.isDirectory(path); }

        @Override
        public List<Location> children() {
            if (!Files.isDirectory(path)) return List.of();
            try (Stream<Path> s = Files.list(path)) {
                return s.sorted().<Location>map(Local::new).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<String> read() {
            if (!Files.isRegularFile(path)) return Optional.empty();
            try {
                return Optional.of(Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }

        @Override public void write(String text) { AtomicFiles.writeString(path, text); }

        @Override
        public void append(String text) {
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean createNew(String text) {
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void delete() {
            try {
                if (Files.isDirectory(path)) AtomicFiles.deleteTree(path);
                else Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasParquet() {
            if (!Files.isDirectory(path)) return false;
            try (Stream<Path> files = Files.walk(path)) {
                return files.anyMatch(f -> Files.isRegularFile(f) && isParquetPart(f.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
            }
        }
    }

    static final class Remote extends Location {
        private final FileSystem fs;
        private final FileContext fc;
        private final org.apache.hadoop.fs.Path path;

        Remote(FileSystem fs, FileContext fc, org.apache.hadoop.fs.Path path) {
            this.fs = fs;
            this.fc = fc;
            this.path = fs.makeQualified(path);
        }

        @Override public Location resolve(String name) { return new Remote(fs, fc, new org.apache.hadoop.fs.Path(path, name)); }
        @Override public String name() { return path.getName(); }
        @Override public String uri() { return path.toString(); }
        @Override public Optional<Path> local() { return Optional.empty(); }

        private Optional<FileStatus> status() {
            try {
                return Optional.of(fs.getFileStatus(path));
            } catch (FileNotFoundException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + path + ": " + firstLine(e), e);
            }
        }

        @Override public boolean isFile() { return status().map(FileStatus::isFile).orElse(false); }
        @Override public boolean isDirectory() { return status().map(FileStatus::isDirectory).orElse(false); }

        @Override
        public List<Location> children() {
            if (!isDirectory()) return List.of();
            try {
                List<Location> out = new ArrayList<>();
                for (FileStatus s : fs.listStatus(path)) out.add(new Remote(fs, fc, s.getPath()));
                out.sort(Comparator.comparing(Location::name));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path + ": " + firstLine(e), e);
            }
        }

        @Override
        public Optional<String> read() {
            if (!isFile()) return Optional.empty();
            try (InputStream in = fs.open(path)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + firstLine(e), e);
            }
        }

        @Override
        public void write(String text) {
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(path.getParent(),
                    "." + path.getName() + "." + System.nanoTime() + ".tmp");
            try {
                fs.mkdirs(path.getParent());
                try (OutputStream o = fs.create(tmp, false)) {
                    o.write(text.getBytes(StandardCharsets.UTF_8));
                }
                fc.rename(tmp, path, Options.Rename.OVERWRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + firstLine(e), e);
            } finally {
                try {
                    fs.delete(tmp, false);
                } catch (IOException ignored) {
                    // only a leftover .tmp sibling
                }
            }
        }

        @Override
        public void append(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                if (!isFile()) {
                    fs.mkdirs(path.getParent());
                    try (OutputStream o = fs.create(path, false)) {
                        o.write(bytes);
                    }
                    return;
                }
                try (OutputStream o = fs.append(path)) {
                    o.write(bytes);
                }
            } catch (UnsupportedOperationException e) {
                write(read().orElse("") + text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + path + ": " + firstLine(e), e);
            }
        }

        @Override
        public boolean createNew(String text) {
            try (OutputStream o = fs.create(path, false)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                if (isFile()) return false;   // some filesystems report the clash with another exception
                throw new UncheckedIOException("cannot create " + path + ": " + firstLine(e), e);
            }
        }

        @Override
        public void delete() {
            try {
                fs.delete(path, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + path + ": " + firstLine(e), e);
            }
        }

        @Override
        public boolean hasParquet() {
            if (!isDirectory()) return false;
            try {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
                while (it.hasNext()) if (isParquetPart(it.next().getPath().toString())) return true;
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path + ": " + firstLine(e), e);
            }
        }
    }
}
