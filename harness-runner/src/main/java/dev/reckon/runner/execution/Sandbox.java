package dev.reckon.runner.execution;

import dev.reckon.runner.UsageException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where a cell's process runs, from {@code --sandbox required|auto|off}: inside a bubblewrap
 * ({@code bwrap}) sandbox, or as the runner's own user as before. Discovery's process ({@link
 * DiscoveryProcess}) runs in the same sandbox, with the plugin jars it loads in place of a cell's.
 *
 * <p>In the sandbox the process sees, read-only, the system's {@code /usr}, the JDK, the runner's
 * class path (the distribution), the run's copies of its own model's and task's plugins ({@link
 * PluginSnapshot}; no plugin directory, no other plugin) and the engine's unpacked native library;
 * writable, only a private temporary folder ({@code /tmp}, removed after the cell) and the folder
 * its checkpoint goes to, which the runner checks and copies into the run once the process has
 * ended. It has no network, its own PID namespace (it can signal no process outside it), an
 * unprivileged uid, no capabilities, no further user namespaces, an empty environment but for
 * what the engine needs, and it dies with the runner. The run directory is not mounted: the cell's
 * result leaves through its {@link CellChannel} only.
 *
 * @param mode the mode asked for
 * @param bwrap the bubblewrap executable, when it works on this machine
 * @param problem why bubblewrap does not work here, when it does not
 */
public record Sandbox(Mode mode, Optional<Path> bwrap, Optional<String> problem) {
  /** The uid and gid of a sandboxed cell: {@code nobody}. */
  static final int NOBODY = 65534;

  /** The folders of a sandboxed cell, as its process sees them. */
  static final String SPEC = "/reckon/cell.json";
  static final String CHECKPOINT = "/reckon/checkpoint";
  static final String CHECKPOINT_FROM = "/reckon/checkpoint-from";

  /** What a run without the sandbox leaves unprotected, for the warning and {@code reckon list}. */
  static final String UNPROTECTED = "cells run as your user with your files, network and processes: a model can "
      + "rewrite the run directory, signal the runner or other cells, write outside the run and reach the network";

  public enum Mode {
    REQUIRED, AUTO, OFF;

    public static Mode parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--sandbox must be required, auto or off, not '" + text + "'");
      }
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The sandbox of {@code --sandbox mode} on this machine: {@code required} where bubblewrap does
   * not work is a usage error (exit 2) naming why.
   */
  public static Sandbox choose(String mode) {
    return choose(mode, executable());
  }

  /** As {@link #choose(String)}, with {@code bwrap} found (or not) at {@code executable}. */
  static Sandbox choose(String mode, Optional<Path> executable) {
    Mode wanted = Mode.parse(mode);
    if (wanted == Mode.OFF) {
      return off();
    }
    Sandbox probed = probe(wanted, executable);
    if (wanted == Mode.REQUIRED && probed.bwrap().isEmpty()) {
      throw new UsageException("--sandbox required, but the cells' sandbox cannot start on this machine: "
          + probed.problem().orElse("?") + "; install the Debian package bubblewrap, or run with --sandbox auto or off");
    }
    return probed;
  }

  /** The sandbox of {@code mode} on this machine, probed, never refused: what {@code reckon list} reports. */
  public static Sandbox inspect(String mode) {
    Mode wanted = Mode.parse(mode);
    return wanted == Mode.OFF ? off() : probe(wanted, executable());
  }

  /** No sandbox: cells run as the runner's user ({@code --sandbox off}). */
  public static Sandbox off() {
    return new Sandbox(Mode.OFF, Optional.empty(), Optional.empty());
  }

  /** Whether cells run sandboxed. */
  public boolean active() {
    return bwrap.isPresent();
  }

  /** The warning of {@code auto} where bubblewrap does not work, else empty. */
  public Optional<String> warning() {
    if (mode == Mode.AUTO && !active()) {
      return Optional.of("cells run without a sandbox (" + problem.orElse("?") + "): " + UNPROTECTED);
    }
    return Optional.empty();
  }

  /** One line for {@code reckon list}: the mode, and whether bubblewrap works here. */
  public String describe() {
    String works = bwrap.map(path -> "bubblewrap works here (" + path + ")")
        .orElse("bubblewrap does not work here: " + problem.orElse("not probed"));
    return switch (mode) {
      case OFF -> "--sandbox off: " + UNPROTECTED;
      case AUTO -> "--sandbox auto: " + (active() ? "cells run sandboxed; " : "cells run unsandboxed; ") + works;
      case REQUIRED -> "--sandbox required: " + (active() ? "cells run sandboxed; " : "reckon run refuses to start; ")
          + works;
    };
  }

  private static Sandbox probe(Mode mode, Optional<Path> found) {
    if (found.isEmpty() || !Files.isExecutable(found.get())) {
      return new Sandbox(mode, Optional.empty(), Optional.of("no bwrap on the PATH"));
    }
    List<String> command = new ArrayList<>(List.of(found.get().toString(), "--ro-bind", "/", "/"));
    command.addAll(isolation());
    command.add("true");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      process.getOutputStream().close();
      byte[] said = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        ChildJvm.kill(process);
        return new Sandbox(mode, Optional.empty(), Optional.of(found.get() + " did not answer within 20 s"));
      }
      if (process.exitValue() != 0) {
        String why = new String(said, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        return new Sandbox(mode, Optional.empty(), Optional.of(found.get() + " fails here (exit status "
            + process.exitValue() + (why.isEmpty() ? "" : ": " + why) + ")"));
      }
      return new Sandbox(mode, found, Optional.empty());
    } catch (IOException e) {
      return new Sandbox(mode, Optional.empty(), Optional.of(found.get() + " cannot be started: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sandbox(mode, Optional.empty(), Optional.of("interrupted while probing " + found.get()));
    }
  }

  /** {@code bwrap} on the PATH, else {@code /usr/bin/bwrap}. */
  private static Optional<Path> executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "bwrap"))) {
        return Optional.of(Path.of(folder, "bwrap"));
      }
    }
    return Optional.empty();
  }

  /** The namespaces and limits of every sandbox (the probe's too). */
  private static List<String> isolation() {
    return List.of("--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
        "--uid", Integer.toString(NOBODY), "--gid", Integer.toString(NOBODY));
  }

  /**
   * What a sandboxed cell mounts: its work folder's {@code tmp} (its {@code /tmp}), {@code
   * checkpoint} (writable) and {@code cell.json}, another run's checkpoint of the cell to load
   * (read-only, or null), the run's copies of the cell's plugins (read-only), the GPUs' device files
   * when the cell has one, the files its levels name (read-only); and the folders it must not see
   * even where they lie inside a mounted one (the run directory, which holds the plugins' copies).
   */
  record Mounts(Path work, Path checkpointFrom, List<Path> plugins, boolean gpu, List<Path> dataFiles,
      List<Path> hidden) {}

  /**
   * {@code command} (a java command line) run inside the sandbox, with only those of {@code
   * environment}'s variables the engine reads.
   */
  List<String> wrap(List<String> command, Map<String, String> environment, Mounts mounts) {
    Path executable = bwrap.orElseThrow(() -> new IllegalStateException("the sandbox is not active"));
    List<String> args = new ArrayList<>(List.of(executable.toString()));
    args.addAll(isolation());
    args.add("--clearenv");
    for (String variable : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "CUDA_VISIBLE_DEVICES", "LANG", "TZ")) {
      String value = environment.get(variable);
      if (value != null) {
        args.addAll(List.of("--setenv", variable, value));
      }
    }
    args.addAll(List.of("--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp"));
    // The system: /usr read-only, and the root's links into it as the distribution lays them.
    args.addAll(List.of("--ro-bind", "/usr", "/usr"));
    for (String top : List.of("bin", "lib", "lib32", "lib64", "sbin")) {
      Path path = Path.of("/", top);
      if (Files.isSymbolicLink(path)) {
        args.addAll(List.of("--symlink", link(path), path.toString()));
      } else if (Files.isDirectory(path)) {
        args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
    }
    // The private /tmp first: what is mounted below lies on top of it (plugins in a temporary folder).
    args.addAll(List.of("--bind", mounts.work().resolve("tmp").toString(), "/tmp"));
    // Of /etc only what the loader and the JDK read: no passwords, keys or hosts.
    Set<Path> readOnly = new LinkedHashSet<>();
    for (String file : List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
        "/etc/timezone", "/etc/alternatives")) {
      readOnly.add(Path.of(file));
    }
    try (DirectoryStream<Path> etc = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
      etc.forEach(readOnly::add);
    } catch (IOException e) {
      // no /etc/java*: a JDK of its own
    }
    readOnly.add(Path.of(System.getProperty("java.home")));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        readOnly.add(Path.of(entry).toAbsolutePath());
        readOnly.addAll(manifestClassPath(Path.of(entry).toAbsolutePath()));
      }
    }
    mounts.dataFiles().forEach(readOnly::add);
    engineCache().ifPresent(readOnly::add);
    for (Path path : readOnly) {
      Path real = real(path);
      if (Files.exists(real) && !real.startsWith("/usr/")) {
        args.addAll(List.of("--ro-bind", real.toString(), real.toString()));
      }
      if (!real.equals(path) && Files.exists(real) && !path.startsWith("/usr/")) {
        args.addAll(List.of("--ro-bind", real.toString(), path.toString()));
      }
    }
    // A run directory inside a mounted folder (--out under a plugin directory, say) is covered by an
    // empty one.
    for (Path hidden : mounts.hidden()) {
      Path real = real(hidden.toAbsolutePath());
      if (readOnly.stream().map(Sandbox::real).anyMatch(real::startsWith)) {
        args.addAll(List.of("--tmpfs", real.toString()));
      }
    }
    // The cell's plugins lie in the run directory: mounted after it is covered, so they alone show.
    for (Path plugin : mounts.plugins()) {
      args.addAll(List.of("--ro-bind", real(plugin.toAbsolutePath()).toString(), plugin.toAbsolutePath().toString()));
    }
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    if (mounts.gpu()) {
      try (DirectoryStream<Path> devices = Files.newDirectoryStream(Path.of("/dev"), "nvidia*")) {
        devices.forEach(device -> args.addAll(List.of("--dev-bind", device.toString(), device.toString())));
      } catch (IOException e) {
        // no GPU device files: the engine says so in the cell
      }
    }
    args.addAll(List.of("--bind", mounts.work().resolve("checkpoint").toString(), CHECKPOINT));
    args.addAll(List.of("--ro-bind", mounts.work().resolve("cell.json").toString(), SPEC));
    if (mounts.checkpointFrom() != null) {
      args.addAll(List.of("--ro-bind", mounts.checkpointFrom().toString(), CHECKPOINT_FROM));
    }
    args.addAll(List.of("--chdir", "/tmp", "--"));
    args.addAll(command);
    return args;
  }

  /**
   * The JVM options of a sandboxed cell's process: the temporary folder and DJL's cache in its
   * private {@code /tmp}, the engine's native library read where the runner unpacked it.
   */
  static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Djava.io.tmpdir=/tmp", "-Duser.home=/tmp",
        "-DDJL_CACHE_DIR=/tmp/djl", "-Dai.djl.offline=true"));
    engineCache().ifPresent(cache -> options.add("-DENGINE_CACHE_DIR=" + cache));
    return options;
  }

  /**
   * The folder DJL unpacks the engine's native library into ({@code ~/.djl.ai} unless {@code
   * ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} says otherwise): the runner has loaded the engine
   * (to choose the device) before any cell starts, so the library is there, and the sandbox binds
   * it read-only: a cell neither unpacks 400 MB again nor can alter what the next cell loads.
   */
  static Optional<Path> engineCache() {
    try {
      Path folder = ai.djl.util.Utils.getEngineCacheDir();
      return Files.isDirectory(folder) ? Optional.of(folder.toAbsolutePath()) : Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * The jars a class path jar names in its manifest's {@code Class-Path} (a test runner's
   * manifest-only jar names the whole class path there).
   */
  private static List<Path> manifestClassPath(Path entry) {
    if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
      return List.of();
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null || classPath.isBlank()) {
        return List.of();
      }
      List<Path> named = new ArrayList<>();
      for (String item : classPath.trim().split("\\s+")) {
        try {
          URI uri = entry.toUri().resolve(item);
          if ("file".equals(uri.getScheme())) {
            named.add(Path.of(uri));
          }
        } catch (IllegalArgumentException e) {
          // not a path: the JVM skips it too
        }
      }
      return named;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String link(Path path) {
    try {
      return Files.readSymbolicLink(path).toString();
    } catch (IOException e) {
      return path.toString();
    }
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }
}
