package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.runner.UsageException;
import org.junit.jupiter.api.Test;

/** A shard is I/N within what a machine can plan; anything else is one sentence, before any directory is made. */
class ShardTest {
  @Test
  void aShardIsParsedFromIOverN() {
    assertEquals(new Shard(1, 3), Shard.parse(" 1/3 "));
  }

  @Test
  void anIndexOutsideItsCountOrTooManyShardsIsAUsageError() {
    assertEquals("a shard is I/N with 0 <= I < N, not 2/2",
        assertThrows(UsageException.class, () -> Shard.parse("2/2")).getMessage());
    assertEquals("a run is cut into at most 10000 shards, not 2147483647",
        assertThrows(UsageException.class, () -> Shard.parse("0/2147483647")).getMessage());
    assertEquals("--shard takes I/N, e.g. 0/3 for the first of three shards, not '0/99999999999'",
        assertThrows(UsageException.class, () -> Shard.parse("0/99999999999")).getMessage());
  }
}
