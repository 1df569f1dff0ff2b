package dev.reckon.runner.plugins;

import dev.reckon.api.Analysis;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.runner.Errors;
import dev.reckon.tck.SafeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins in directories: every {@code *.jar} is a plugin, and so is every sub-directory
 * (all the jars in it, for a plugin that bundles libraries). A plugin that cannot be used is
 * reported with the reason and the others still load; when two plugins offer one id, the one
 * found first (directories in the order given, entries by name) keeps it.
 */
public final class PluginLoader {
  static final String SERVICE_FILE = "META-INF/services/" + ReckonPlugin.class.getName();

  private final ClassLoader host = PluginLoader.class.getClassLoader();

  public PluginRegistry load(List<Path> directories) {
    return loadEach(directories.stream().flatMap(directory -> entries(directory).stream()).toList());
  }

  /** The plugins of these jars or plugin directories, in this order: the first to offer an id keeps it. */
  public PluginRegistry loadEach(List<Path> sources) {
    List<Plugin> plugins = new ArrayList<>();
    Map<String, DiscoveredTask> tasks = new LinkedHashMap<>();
    Map<String, DiscoveredModel> models = new LinkedHashMap<>();
    Map<String, DiscoveredAnalysis> analyses = new LinkedHashMap<>();
    List<PluginFailure> failures = new ArrayList<>();
    for (Path source : sources) {
      try {
        Plugin plugin = open(source);
        List<ReckonPlugin> providers = providers(plugin);
        plugins.add(plugin);
        for (ReckonPlugin provider : providers) {
          register(plugin, provider.tasks(), TaskFactory::id, TaskFactory.class, tasks, DiscoveredTask::new, "task",
              failures);
          register(plugin, provider.models(), ModelFactory::id, ModelFactory.class, models, DiscoveredModel::new,
              "model", failures);
          register(plugin, provider.analyses(), Analysis::id, Analysis.class, analyses, DiscoveredAnalysis::new,
              "analysis", failures);
        }
      } catch (PluginException e) {
        failures.add(new PluginFailure(source, e.getMessage()));
      } catch (RuntimeException | LinkageError e) {
        failures.add(new PluginFailure(source, "failed while loading: " + Errors.oneLine(e)));
      }
    }
    return new PluginRegistry(plugins, tasks, models, analyses, failures);
  }

  private static List<Path> entries(Path directory) {
    try (Stream<Path> listing = Files.list(directory)) {
      return listing
          .filter(path -> Files.isDirectory(path) || path.getFileName().toString().endsWith(".jar"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin directory " + directory, e);
    }
  }

  private Plugin open(Path source) throws PluginException {
    List<Path> jars = jarsOf(source);
    if (jars.isEmpty()) {
      throw new PluginException("plugin directory holds no jar");
    }
    boolean hasServiceFile = false;
    List<Plugin.Jar> checked = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        hasServiceFile |= file.getEntry(SERVICE_FILE) != null;
      } catch (IOException e) {
        throw new PluginException("not a readable jar (" + jar.getFileName() + ": " + e.getMessage() + ")");
      }
      checked.add(new Plugin.Jar(jar, sha256(jar)));
    }
    if (!hasServiceFile) {
      throw new PluginException("not a Reckon plugin: no " + SERVICE_FILE + " entry");
    }
    List<URL> urls = jars.stream().map(PluginLoader::url).toList();
    ClassLoader loader = new PluginClassLoader(source.getFileName().toString(), urls, host);
    return new Plugin(source, checked, loader);
  }

  private static List<ReckonPlugin> providers(Plugin plugin) throws PluginException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(plugin.loader());
    try {
      List<ReckonPlugin> providers = new ArrayList<>();
      for (ReckonPlugin provider : ServiceLoader.load(ReckonPlugin.class, plugin.loader())) {
        int version = provider.apiVersion();
        if (version != ApiVersion.CURRENT) {
          throw new PluginException("built for api version " + version + ", but this runner speaks api version "
              + ApiVersion.CURRENT + "; rebuild it against dev.reckon:harness-api of api version " + ApiVersion.CURRENT
              + " (see docs/writing-a-plugin.md)");
        }
        providers.add(ContextClassLoaders.wrap(ReckonPlugin.class, provider, plugin.loader()));
      }
      return providers;
    } catch (ServiceConfigurationError e) {
      throw new PluginException("its plugin class could not be created: " + Errors.oneLine(e));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Registers each offered item under its id. An item whose id, version or settings cannot be read,
   * or whose id is not a {@linkplain SafeNames safe name}, is refused with the reason; the
   * plugin's other items still load.
   */
  private static <T, D extends Discovered> void register(Plugin plugin, List<T> offered, Function<T, String> id,
      Class<T> type, Map<String, D> known, PluginEntry<T, D> entry, String kind, List<PluginFailure> failures) {
    if (offered == null) {
      failures.add(new PluginFailure(plugin.source(), "its list of " + kind + "s is null"));
      return;
    }
    for (T item : offered) {
      String name = null;
      try {
        if (item == null) {
          throw new IllegalArgumentException("it offers a null " + kind);
        }
        name = SafeNames.require(kind + " id", id.apply(item));
        Described.check(item);
      } catch (RuntimeException | LinkageError e) {
        String reason = e instanceof IllegalArgumentException ? e.getMessage() : Errors.oneLine(e);
        failures.add(new PluginFailure(plugin.source(), kind + (name == null ? "" : " '" + name + "'")
            + " refused: " + reason));
        continue;
      }
      D existing = known.get(name);
      if (existing != null) {
        failures.add(new PluginFailure(plugin.source(), kind + " id '" + name + "' is already provided by "
            + existing.plugin().source() + "; this one is ignored"));
      } else {
        known.put(name, entry.create(ContextClassLoaders.wrap(type, item, plugin.loader()), plugin));
      }
    }
  }

  /** The jars of a plugin: the jar itself, or those of its directory by name (none when it holds none). */
  public static List<Path> jarsOf(Path source) {
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    return entries(source).stream().filter(Files::isRegularFile).toList();
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(jar + " has no URL form", e);
    }
  }

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private interface PluginEntry<T, D> {
    D create(T item, Plugin plugin);
  }

  private static final class PluginException extends Exception {
    PluginException(String message) {
      super(message);
    }
  }
}
