package throwing;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;

/** A plugin whose constructor fails, as one with a missing configuration would. */
public final class ThrowingPlugin implements ReckonPlugin {
  public ThrowingPlugin() {
    throw new IllegalStateException("cannot start: no configuration");
  }

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }
}
