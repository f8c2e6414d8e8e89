package sde.daemon;

import sde.io.Location;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One daemon per output folder, in OUT/daemon.lock.
 *
 * <p>On a local disk it is an OS file lock, which the operating system releases when the process
 * dies, even by kill -9, so a stale lock never blocks a restart. The file holds the owner's pid for
 * the error message.
 *
 * <p>A distributed filesystem has no such lock, so there the lock is the file
 * itself, created only if absent (atomic in HDFS's NameNode) and removed on close. It holds
 * "host pid": after a kill -9 the restart on the same host sees that pid is gone and takes the
 * lock over; a lock held from another host is refused with the owner named.
 */
public final class DaemonLock implements AutoCloseable {
    private final AutoCloseable release;

    private DaemonLock(AutoCloseable release) {
        this.release = release;
    }

    public static DaemonLock acquire(Path out) throws IOException {
        return acquire(Location.of(out));
    }

    public static DaemonLock acquire(Location out) throws IOException {
        Location file = out.resolve("daemon.lock");
        return out.local().isPresent() ? local(out.local().get(), file) : shared(file);
    }

    private static DaemonLock local(Path out, Location where) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve("daemon.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            ch.close();
            throw busy(where, owner.isEmpty() ? "" : " (pid " + owner + ")");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
        FileLock held = l;
        return new DaemonLock(() -> {
            held.release();
            ch.close();
        });
    }

    private static DaemonLock shared(Location file) throws IOException {
        String host = InetAddress.getLocalHost().getHostName();
        String me = host + " " + ProcessHandle.current().pid();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (file.createNew(me)) return new DaemonLock(file::delete);
            String owner = file.read().orElse("").strip();
            String[] hp = owner.split(" ");
            boolean deadHere = hp.length == 2 && hp[0].equals(host) && hp[1].matches("\\d+")
                    && ProcessHandle.of(Long.parseLong(hp[1])).map(p -> !p.isAlive()).orElse(true);
            if (!deadHere) throw busy(file, owner.isEmpty() ? "" : " (" + owner + ")");
            file.delete();   // left by a daemon of this host that was killed
        }
        throw busy(file, "");
    }

    private static IllegalArgumentException busy(Location file, String owner) {
        return new IllegalArgumentException(file + ": another daemon" + owner
                + " is running on this output folder; stop it or use another --out (on a shared filesystem, delete the file if its "
                        + "owner is gone)");
    }

    @Override
    public void close() throws IOException {
        try {
            release.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
