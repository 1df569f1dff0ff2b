package dev.reckon.tests;

import dev.reckon.api.ReckonPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars at test time from sources, compiled against the api jar alone. */
final class PluginJars {
  static final String SERVICE_FILE = "META-INF/services/dev.reckon.api.ReckonPlugin";

  private PluginJars() {}

  /** Compiles src/test/resources/plugin-sources/{name} into {@code jar}. */
  static Path build(String name, Path jar) {
    return build(resource("plugin-sources/" + name), jar, true);
  }

  /**
   * Compiles every .java file under {@code sources} and packs the classes, with the service file
   * found beside them when {@code withServiceFile}.
   */
  static Path build(Path sources, Path jar, boolean withServiceFile) {
    try {
      Path classes = Files.createTempDirectory("plugin-classes");
      List<String> files;
      try (Stream<Path> walk = Files.walk(sources)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      List<String> arguments = new ArrayList<>(List.of("--release", "17", "-cp", apiJar().toString(), "-d",
          classes.toString()));
      arguments.addAll(files);
      int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
      if (status != 0) {
        throw new IllegalStateException("plugin sources in " + sources + " do not compile:\n" + diagnostics);
      }
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> walk = Files.walk(classes)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          add(out, classes.relativize(file).toString().replace('\\', '/'), file);
        }
        Path service = sources.resolve(SERVICE_FILE);
        if (withServiceFile && Files.exists(service)) {
          add(out, SERVICE_FILE, service);
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(PluginJars.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource " + name, e);
    }
  }

  private static Path apiJar() {
    try {
      return Path.of(ReckonPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void add(JarOutputStream out, String name, Path file) throws IOException {
    out.putNextEntry(new JarEntry(name));
    Files.copy(file, out);
    out.closeEntry();
  }
}
