package org.syncpost.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used so far (user + system, from {@code /proc/<pid>/stat}): what a
 * benchmark reports next to wall-clock time, which on a machine shared with other builds depends as
 * much on them as on the code measured.
 */
final class ProcessCpu {

  private static final double CLOCK_TICKS_PER_SECOND = 100;

  private ProcessCpu() {}

  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": field 3 is state at index 0; utime is field 14, stime field 15
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
