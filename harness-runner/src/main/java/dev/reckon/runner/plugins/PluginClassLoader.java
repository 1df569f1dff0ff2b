package dev.reckon.runner.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One plugin's class loader: the plugin's own jars first, and only the shared packages from the
 * host. Two plugins may therefore bundle different versions of a library without clashing, while
 * all of them see one harness api and one DJL (a native library loaded by one class loader is
 * invisible to its siblings, so DJL must be loaded once, by the host).
 */
final class PluginClassLoader extends URLClassLoader {
  /** Every package a plugin takes from the host, in one place. */
  static final List<String> SHARED_PACKAGES = List.of("dev.reckon.api.", "ai.djl.", "org.slf4j.");

  /**
   * The host's resources a plugin must see too: DJL finds its engine with a ServiceLoader, and its
   * native library's files, on the thread's context class loader, which is the plugin's while
   * plugin code runs (a model that loads the engine itself).
   */
  private static final List<String> SHARED_RESOURCES = List.of("META-INF/services/ai.djl.", "native/lib/",
      "jnilib/");

  private final ClassLoader host;

  PluginClassLoader(String name, List<URL> jars, ClassLoader host) {
    super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    this.host = host;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (SHARED_PACKAGES.stream().anyMatch(name::startsWith)) {
      return host.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    URL shared = shared(name) ? host.getResource(name) : null;
    return shared != null ? shared : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!shared(name)) {
      return super.getResources(name);
    }
    List<URL> found = new ArrayList<>(Collections.list(host.getResources(name)));
    found.addAll(Collections.list(super.getResources(name)));
    return Collections.enumeration(found);
  }

  private static boolean shared(String name) {
    return SHARED_RESOURCES.stream().anyMatch(name::startsWith);
  }
}
