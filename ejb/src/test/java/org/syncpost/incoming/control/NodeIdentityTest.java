package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

  @TempDir Path dataDir;

  @Test
  void aRestartedNodeKeepsTheNameItMadeInItsDataDirectory() {
    NodeIdentity first = started(Optional.empty(), dataDir);
    NodeIdentity restarted = started(Optional.empty(), dataDir);

    assertThat(first.isStable()).isTrue();
    assertThat(restarted.name()).isEqualTo(first.name());
    assertThat(dataDir.resolve(NodeIdentity.FILE_NAME)).content().contains(first.name());
  }

  @Test
  void nodesWithTheirOwnDataDirectoriesHaveNamesOfTheirOwn(@TempDir Path otherDataDir) {
    assertThat(started(Optional.empty(), dataDir).name())
        .isNotEqualTo(started(Optional.empty(), otherDataDir).name());
  }

  @Test
  void aConfiguredNameWinsAndWritesNothing() {
    NodeIdentity node = started(Optional.of("node-a"), dataDir);

    assertThat(node.name()).isEqualTo("node-a");
    assertThat(node.isStable()).isTrue();
    assertThat(dataDir.resolve(NodeIdentity.FILE_NAME)).doesNotExist();
  }

  @Test
  void withoutAWritableDataDirectoryTheNameLastsOneRun() throws Exception {
    Path notADirectory = Files.writeString(dataDir.resolve("a-file"), "x");

    NodeIdentity node = started(Optional.empty(), notADirectory);

    assertThat(node.name()).isNotBlank();
    assertThat(node.isStable()).isFalse();
  }

  private static NodeIdentity started(Optional<String> configured, Path dataDir) {
    NodeIdentity node = new NodeIdentity();
    node.configured = configured;
    node.dataDir = dataDir.toString();
    node.decide();
    return node;
  }
}
