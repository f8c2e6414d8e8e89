package sde.daemon;

import sde.io.Location;

/**
 * Writes the answer (SPEC §7 `answer`) into a daemon's output folder and returns its verdict line: the role
 * {@link Answer} plays for the daemon.
 */
@FunctionalInterface
public interface AnswerWriter {
    String write(Location out);
}
