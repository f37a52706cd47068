package org.syncpost.incoming.control;

/** What became of the messages of a batch, a folder, or a cycle. */
public record BatchResult(int recorded, int quarantined) {

  public static final BatchResult NONE = new BatchResult(0, 0);

  public BatchResult plus(BatchResult other) {
    return new BatchResult(recorded + other.recorded, quarantined + other.quarantined);
  }

  public int total() {
    return recorded + quarantined;
  }
}
