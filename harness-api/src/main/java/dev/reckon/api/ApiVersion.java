package dev.reckon.api;

/**
 * The version of this contract. The runner loads only plugins built for the version it speaks; see
 * the package documentation for what may change without a new version.
 */
public final class ApiVersion {
  /**
   * Return this from {@link ReckonPlugin#apiVersion()}. It is a compile-time constant, so the
   * compiler copies it into the plugin: the plugin reports the version it was built against.
   */
  public static final int CURRENT = 2;

  private ApiVersion() {}
}
