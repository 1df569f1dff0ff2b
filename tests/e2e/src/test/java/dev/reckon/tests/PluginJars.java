package dev.reckon.tests;

import dev.reckon.api.ReckonPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars at test time from sources, compiled against the api jar alone. */
final class PluginJars {
  private PluginJars() {}

  /** Compiles src/test/resources/plugin-sources/{name} into {@code jar}. */
  static Path build(String name, Path jar) {
    return build(resource("plugin-sources/" + name), jar, true);
  }

  /**
   * Compiles the example plugin project examples/{name} as its Maven build would, without its
   * tests: src/main/java into classes, packed with every file of src/main/resources.
   */
  static Path example(String name, Path jar) {
    Path project = Cli.ROOT.resolve("examples").resolve(name);
    return pack(project.resolve("src/main/java"), Optional.of(project.resolve("src/main/resources")), jar);
  }

  /**
   * Compiles every .java file under {@code sources} and packs the classes, with the other files
   * beside them (the service file, a claims file) when {@code withResources}.
   */
  static Path build(Path sources, Path jar, boolean withResources) {
    return pack(sources, withResources ? Optional.of(sources) : Optional.empty(), jar);
  }

  /** Adds {@code text} to {@code jar} as the entry {@code name}, e.g. a claims file. */
  static Path withEntry(Path jar, String name, String text) {
    try {
      Path copy = Files.createTempFile(jar.getParent(), "entry", ".jar");
      try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
          JarOutputStream out = in.getManifest() == null ? new JarOutputStream(Files.newOutputStream(copy))
              : new JarOutputStream(Files.newOutputStream(copy), in.getManifest())) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      return Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles the .java files under {@code sources} against the api jar and packs them with the files under {@code resources}. */
  private static Path pack(Path sources, Optional<Path> resources, Path jar) {
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
        if (resources.isPresent()) {
          try (Stream<Path> resourceFiles = Files.walk(resources.get())) {
            for (Path file : resourceFiles.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".java")).sorted()
                .toList()) {
              add(out, resources.get().relativize(file).toString().replace('\\', '/'), file);
            }
          }
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
