package hangctor;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;

/** A plugin whose constructor sleeps for ever and swallows every interrupt: loading it never ends. */
public final class HangCtorPlugin implements ReckonPlugin {
  public HangCtorPlugin() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // swallowed: only the end of the process stops it
      }
    }
  }

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }
}
