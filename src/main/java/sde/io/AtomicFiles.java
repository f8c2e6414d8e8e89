package sde.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Result and state files are whole or absent: written to a temporary sibling, then moved over the
 * target in one atomic rename (a result or state file is whole or absent, never half written). A killed process leaves at most a
 * stray temp file, never a half-written result.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {}

    public static void writeString(Path target, String text) {
        write(target, w -> w.write(text));
    }

    public static void write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    content.writeTo(w);
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes the files of a directory into the staging folder it is given. */
    @FunctionalInterface
    public interface DirectoryContent<T> {
        T writeInto(Path staged) throws IOException;
    }

    /**
     * Writes a whole directory: into a fresh sibling staging folder, which then replaces
     * {@code target} ({@link #replaceDirectory}); the staging folder never outlives the call, so a
     * failure leaves the old directory as it was. Returns what {@code content} returned.
     */
    public static <T> T writeDirectory(Path target, DirectoryContent<T> content) {
        Path t = target.toAbsolutePath().normalize();
        Path staged = t.resolveSibling("." + t.getFileName() + ".staged-" + System.nanoTime());
        try {
            Files.createDirectories(staged);
            T result = content.writeInto(staged);
            replaceDirectory(staged, t);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + t + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(staged);
            } catch (IOException ignored) {
                // only a leftover .staged-* folder
            }
        }
    }

    /**
     * Replaces directory {@code target} with {@code staged} (a fully written sibling directory):
     * the old one is moved aside, the new one renamed into place, then the old one deleted.
     */
    public static void replaceDirectory(Path staged, Path target) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staged + " to " + target + ": " + e.getMessage(), e);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
