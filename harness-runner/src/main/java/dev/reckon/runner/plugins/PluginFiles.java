package dev.reckon.runner.plugins;

import dev.reckon.api.ReckonPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins in directories as files, without running any of their code: every {@code *.jar}
 * is a plugin, and so is every sub-directory (all the jars in it, for a plugin that bundles
 * libraries). A plugin whose files are not a readable jar with the plugin service file is reported
 * with the reason; the others are hashed, in the order found (directories in the order given,
 * entries by name), which is the order discovery loads them in.
 */
public final class PluginFiles {
  static final String SERVICE_FILE = "META-INF/services/" + ReckonPlugin.class.getName();

  private PluginFiles() {}

  /** The plugins found, and the sources that are not plugins, each with the reason. */
  public record Found(List<Plugin> plugins, List<PluginFailure> failures) {
    public Found {
      plugins = List.copyOf(plugins);
      failures = List.copyOf(failures);
    }
  }

  /** The plugins in {@code directories}. */
  public static Found in(List<Path> directories) {
    return of(directories.stream().flatMap(directory -> entries(directory).stream()).toList());
  }

  /**
   * The plugins of these jars or plugin directories, in this order, named by their absolute paths:
   * the processes that load them run in another folder.
   */
  public static Found of(List<Path> sources) {
    List<Plugin> plugins = new ArrayList<>();
    List<PluginFailure> failures = new ArrayList<>();
    for (Path source : sources.stream().map(path -> path.toAbsolutePath().normalize()).toList()) {
      try {
        plugins.add(plugin(source));
      } catch (IllegalArgumentException e) {
        failures.add(new PluginFailure(source, e.getMessage()));
      }
    }
    return new Found(plugins, failures);
  }

  /**
   * The plugin at {@code source}, its jars hashed.
   *
   * @throws IllegalArgumentException saying why it is not a plugin: no jar, an unreadable jar, or
   *     no plugin service file
   */
  private static Plugin plugin(Path source) {
    List<Path> jars = jarsOf(source);
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("plugin directory holds no jar");
    }
    boolean hasServiceFile = false;
    List<Plugin.Jar> hashed = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        hasServiceFile |= file.getEntry(SERVICE_FILE) != null;
      } catch (IOException e) {
        throw new IllegalArgumentException("not a readable jar (" + jar.getFileName() + ": " + e.getMessage() + ")");
      }
      hashed.add(new Plugin.Jar(jar, sha256(jar)));
    }
    if (!hasServiceFile) {
      throw new IllegalArgumentException("not a Reckon plugin: no " + SERVICE_FILE + " entry");
    }
    return new Plugin(source, hashed);
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

  /** The jars of a plugin: the jar itself, or those of its directory by name (none when it holds none). */
  public static List<Path> jarsOf(Path source) {
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    return entries(source).stream().filter(Files::isRegularFile).toList();
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
}
