package dev.reckon.runner.plugins;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.reckon.runner.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plugin lock: the plugin jars a run may load, each by file name and sha256. {@code reckon lock}
 * writes one and {@code reckon run --lock} refuses any other set of jars, so CI pins what a run
 * measures with. This class is the format's one definition, for the writer and the reader alike:
 * JSON,
 *
 * <pre>{@code
 * {
 *   "lockFormat" : 1,
 *   "plugins" : [ {
 *     "jars" : [ { "file" : "task-sudoku-0.1.0-SNAPSHOT.jar", "sha256" : "<64 hex digits>" } ],
 *     "tasks" : { "sudoku-4x4" : "1", "sudoku-6x6" : "1" }
 *   }, {
 *     "jars" : [ { "file" : "model-baselines-0.1.0-SNAPSHOT.jar", "sha256" : "<64 hex digits>" } ],
 *     "models" : { "oracle" : "1", "uniform" : "1" },
 *     "analyses" : [ "..." ]
 *   } ]
 * }
 * }</pre>
 *
 * one entry a loaded plugin in discovery order, with the ids (and versions) it gives the run, empty
 * kinds left out. A jar is named by its file name in its plugin directory ({@code DIR/NAME.jar} for
 * a jar of a plugin that is a sub-directory), not by where it lies, so a lock holds on every machine
 * with the same build: the build is reproducible, so are the hashes. Only the jars are checked; the
 * ids and versions tell a reader what each hash stands for.
 *
 * @param lockFormat {@link #FORMAT}, changed when the format does
 */
public record PluginLock(int lockFormat, List<LockedPlugin> plugins) {
  /** The format this runner writes and reads. */
  public static final int FORMAT = 1;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public PluginLock {
    plugins = plugins == null ? List.of() : plugins;
  }

  /** One loaded plugin: its jars, and the task and model ids (to versions) and analysis ids it gives. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record LockedPlugin(List<LockedJar> jars, Map<String, String> tasks, Map<String, String> models,
      List<String> analyses) {
    public LockedPlugin {
      jars = jars == null ? List.of() : jars;
      tasks = tasks == null ? Map.of() : tasks;
      models = models == null ? Map.of() : models;
      analyses = analyses == null ? List.of() : analyses;
    }
  }

  /** @param file the jar's file name in its plugin directory */
  public record LockedJar(String file, String sha256) {}

  /** The lock of what {@code catalog} holds, with the sha256 each jar had when it was found. */
  public static PluginLock of(PluginCatalog catalog) {
    List<LockedPlugin> plugins = new ArrayList<>();
    for (Plugin plugin : catalog.plugins()) {
      Map<String, String> tasks = new LinkedHashMap<>();
      catalog.tasks().stream().filter(task -> task.plugin().equals(plugin.source()))
          .forEach(task -> tasks.put(task.id(), task.version()));
      Map<String, String> models = new LinkedHashMap<>();
      catalog.models().stream().filter(model -> model.plugin().equals(plugin.source()))
          .forEach(model -> models.put(model.id(), model.version()));
      List<String> analyses = catalog.analyses().stream().filter(analysis -> analysis.plugin().equals(plugin.source()))
          .map(DescribedAnalysis::id).toList();
      List<LockedJar> jars = plugin.jars().stream().map(jar -> new LockedJar(file(plugin, jar), jar.sha256()))
          .toList();
      plugins.add(new LockedPlugin(jars, tasks, models, analyses));
    }
    return new PluginLock(FORMAT, plugins);
  }

  /** A plugin that is one jar is named by its file name; a jar of a plugin directory by both names. */
  private static String file(Plugin plugin, Plugin.Jar jar) {
    String name = jar.path().getFileName().toString();
    return jar.path().equals(plugin.source()) ? name : plugin.source().getFileName() + "/" + name;
  }

  /** The lock as its file holds it, ending with a line break. */
  public String text() {
    try {
      return JSON.writeValueAsString(this) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the plugin lock", e);
    }
  }

  /**
   * The lock in {@code file}.
   *
   * @throws UsageException naming the file and why it is not a lock: missing, unreadable, not JSON
   *     of this format, or a jar without a file name or a sha256
   */
  public static PluginLock read(Path file) {
    String notALock = "lock file " + file + " is not a plugin lock: ";
    PluginLock lock;
    try (InputStream in = Files.newInputStream(file)) {
      lock = JSON.readValue(in, PluginLock.class);
    } catch (NoSuchFileException e) {
      throw new UsageException("lock file " + file + " does not exist; reckon lock > " + file + " writes it", e);
    } catch (UnrecognizedPropertyException e) {
      throw new UsageException(notALock + "unknown field '" + e.getPropertyName() + "'; the fields there are "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
    } catch (JsonProcessingException e) {
      throw new UsageException(notALock + e.getOriginalMessage().replace('\n', ' ')
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
    } catch (IOException e) {
      throw new UsageException("cannot read lock file " + file + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      throw new UsageException(notALock + "it holds no JSON object");
    }
    if (lock.lockFormat() != FORMAT) {
      throw new UsageException(notALock + "its lockFormat is " + lock.lockFormat() + ", and this reckon reads "
          + "lock format " + FORMAT + "; write it again with reckon lock");
    }
    for (LockedPlugin plugin : lock.plugins()) {
      if (plugin == null) {
        throw new UsageException(notALock + "its plugins hold a null");
      }
      for (LockedJar jar : plugin.jars()) {
        boolean named = jar != null && jar.file() != null && !jar.file().isBlank();
        if (!named || jar.sha256() == null || !SHA256.matcher(jar.sha256()).matches()) {
          throw new UsageException(notALock + (named ? "jar " + jar.file() : "a jar entry") + " needs a file name "
              + "and a sha256 of 64 lower-case hex digits");
        }
      }
    }
    return lock;
  }

  /**
   * Why {@code loaded} is not what this lock allows, a clause a jar (a loaded jar the lock does not
   * list, one whose sha256 is not the lock's, a locked jar not loaded); empty when it is.
   */
  public List<String> differences(PluginLock loaded) {
    Set<LockedJar> locked = jars(this);
    Set<LockedJar> present = jars(loaded);
    Set<String> lockedFiles = files(locked);
    Set<String> presentFiles = files(present);
    List<String> differences = new ArrayList<>();
    for (LockedJar jar : present) {
      if (locked.contains(jar)) {
        continue;
      }
      if (lockedFiles.contains(jar.file())) {
        String lockedHashes = String.join(" or ", locked.stream().filter(other -> other.file().equals(jar.file()))
            .map(other -> shortHash(other.sha256())).toList());
        differences.add(jar.file() + " has sha256 " + shortHash(jar.sha256()) + ", which differs from the lock's "
            + lockedHashes);
      } else {
        differences.add(jar.file() + " (sha256 " + shortHash(jar.sha256()) + ") is not in the lock");
      }
    }
    locked.stream().filter(jar -> !presentFiles.contains(jar.file()))
        .forEach(jar -> differences.add(jar.file() + " is in the lock but was not loaded"));
    return differences;
  }

  private static Set<LockedJar> jars(PluginLock lock) {
    Set<LockedJar> jars = new LinkedHashSet<>();
    lock.plugins().forEach(plugin -> jars.addAll(plugin.jars()));
    return jars;
  }

  private static Set<String> files(Set<LockedJar> jars) {
    Set<String> files = new LinkedHashSet<>();
    jars.forEach(jar -> files.add(jar.file()));
    return files;
  }

  private static String shortHash(String sha256) {
    return sha256.substring(0, 12) + "...";
  }
}
