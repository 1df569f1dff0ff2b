package future;

import dev.reckon.api.ReckonPlugin;

/** Claims an api version this runner does not speak. */
public final class FuturePlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return 99;
  }
}
