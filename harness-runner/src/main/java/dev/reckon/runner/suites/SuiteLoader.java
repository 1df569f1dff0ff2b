package dev.reckon.runner.suites;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reckon.runner.UsageException;
import dev.reckon.tck.SafeNames;
import dev.reckon.runner.suites.Suite.ModelEntry;
import dev.reckon.runner.suites.Suite.TaskEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a suite from a YAML file, or a built-in suite by name, and checks it before anything runs:
 * every mistake a suite file can hold on its own is a {@link UsageException} of one sentence (exit
 * 2), so that no run directory is created for a suite whose cells would all fail or run twice.
 * What needs the plugins (unknown ids, undeclared settings, levels a task does not have) is the
 * planner's.
 */
public final class SuiteLoader {
  public static final List<String> BUILT_IN = List.of("quick", "default", "full", "stress");

  /** The most seeds a suite may list: every seed multiplies the cells, and the manifest lists each cell. */
  public static final int MOST_SEEDS = 1000;

  /** The most examples a task entry may ask for a level: more would not fit a cell's memory. */
  public static final int MOST_EXAMPLES = 10_000_000;

  /** The longest a cell may run, in minutes: a week. */
  public static final double LONGEST_CELL_MINUTES = 7 * 24 * 60;

  /** The largest suite file read: a suite is a page of YAML, not data. */
  static final int LARGEST_FILE_BYTES = 1 << 20;

  // Duplicate keys are refused (the last would win silently), and so is a fraction in a whole
  // number's field (seeds: [2.5] would run seed 2).
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * A setting's value given on a command line, read as a suite file reads it: {@code 20} a whole
   * number, {@code 0.5} a number, {@code true} a flag, {@code [4, 8]} a list, anything else text.
   */
  public static Object value(String text) {
    try {
      Object value = YAML.readValue(text, Object.class);
      return value == null ? text : value;
    } catch (IOException notYaml) {
      return text;
    }
  }

  /** {@code nameOrFile} is a path to a YAML file or the name of a built-in suite. */
  public Suite load(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    if (Files.isRegularFile(file)) {
      try {
        return parse(new ByteArrayInputStream(text(file)), file.toString());
      } catch (IOException e) {
        throw new UsageException("cannot read suite file " + file + ": " + e.getMessage(), e);
      }
    }
    InputStream builtIn = SuiteLoader.class.getResourceAsStream("/suites/" + nameOrFile + ".yaml");
    if (builtIn == null) {
      throw new UsageException("no suite '" + nameOrFile + "': it is neither a file nor a built-in suite ("
          + String.join(", ", BUILT_IN) + ")");
    }
    try (builtIn) {
      return parse(builtIn, "built-in suite " + nameOrFile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in suite " + nameOrFile, e);
    }
  }

  /**
   * The bytes of suite file {@code file}, refused in one sentence when it is too large to be a
   * suite, holds a NUL byte (a binary file) or is not UTF-8 text.
   */
  private static byte[] text(Path file) throws IOException {
    long size = Files.size(file);
    if (size > LARGEST_FILE_BYTES) {
      throw new UsageException(file + " is not a valid suite: it is " + size + " bytes; a suite file is at most "
          + LARGEST_FILE_BYTES + " bytes of YAML");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new UsageException(file + " is not a valid suite: it holds a NUL byte at byte " + (i + 1)
            + "; a suite file is YAML text");
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new UsageException(file + " is not a valid suite: it is not UTF-8 text; save it as UTF-8", e);
    }
    return bytes;
  }

  /** The suite as YAML, saved in the run directory so that {@code --resume} replays it exactly. */
  public String write(Suite suite) {
    try {
      return YAML.writeValueAsString(suite);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write suite " + suite.name(), e);
    }
  }

  private Suite parse(InputStream in, String origin) throws IOException {
    Suite suite;
    try {
      suite = YAML.readValue(in, Suite.class);
    } catch (UnrecognizedPropertyException e) {
      throw new UsageException(origin + " is not a valid suite: unknown field '" + e.getPropertyName()
          + "'; the fields there are " + e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
    } catch (MismatchedInputException e) {
      throw new UsageException(origin + " is not a valid suite: " + mismatch(e) + line(e), e);
    } catch (ValueInstantiationException e) {
      throw new UsageException(origin + " is not a valid suite: at " + field(e) + ", an item is empty" + line(e), e);
    } catch (JsonProcessingException e) {
      throw new UsageException(origin + " is not a valid suite: " + malformed(e) + line(e), e);
    }
    if (suite == null || suite.name() == null) {
      throw new UsageException(origin + " is not a valid suite: it has no name");
    }
    requireValid(suite, origin);
    return suite;
  }

  /**
   * At most {@value #MOST_SEEDS} seeds, none empty, none twice.
   *
   * @param invalid the message's start, naming the suite
   * @param owner who lists the seeds: {@code "it"} for the suite, else a model entry
   */
  private static void requireSeeds(List<Long> seeds, String invalid, String owner) {
    if (seeds.size() > MOST_SEEDS) {
      throw new UsageException(invalid + owner + " lists " + seeds.size() + " seeds; a suite runs at most " + MOST_SEEDS);
    }
    String named = (owner.equals("it") ? "" : owner + "'s ") + "seeds " + seeds;
    Set<Long> distinct = new HashSet<>();
    for (Long seed : seeds) {
      if (seed == null) {
        throw new UsageException(invalid + named + " holds an empty item; a seed is a whole number");
      }
      if (!distinct.add(seed)) {
        throw new UsageException(invalid + named + " lists " + seed + " twice, which would run every cell of that "
            + "seed twice");
      }
    }
  }

  /**
   * Checks what a suite says on its own: a safe name; at most {@value #MOST_SEEDS} distinct seeds; a cell
   * time limit above 0 and at most a week; data sizes from 1 to {@value #MOST_EXAMPLES}; no empty item;
   * every task entry with an id, positive data sizes, distinct evaluation levels, and no two
   * entries with the same id and training level; every model entry with an id, and no two entries of
   * one model on a task.
   *
   * @param origin where the suite comes from, e.g. its file, for the message
   * @throws UsageException naming the first mistake, in one sentence
   */
  public static void requireValid(Suite suite, String origin) {
    String invalid = origin + " is not a valid suite: ";
    if (!SafeNames.safe(suite.name())) {
      throw new UsageException(invalid + "its name '" + suite.name() + "' is not a safe name (1 to 64 letters, "
          + "digits, '.', '_' or '-', starting with a letter or digit, without '..'); it names the run directory");
    }
    requireSeeds(suite.seeds(), invalid, "it");
    for (TaskEntry task : suite.tasks()) {
      if (task != null && task.seeds() != null) {
        requireSeeds(task.seeds(), invalid, "task entry " + task.id());
      }
    }
    for (ModelEntry model : suite.models()) {
      if (model != null && model.seeds() != null) {
        requireSeeds(model.seeds(), invalid, "model entry " + model.id());
      }
    }
    if (suite.allSeeds().size() > MOST_SEEDS) {
      throw new UsageException(invalid + "its entries run " + suite.allSeeds().size() + " seeds; a suite runs at "
          + "most " + MOST_SEEDS);
    }
    double limit = suite.cellTimeLimitMinutes();
    if (!(limit > 0) || limit > LONGEST_CELL_MINUTES) {
      throw new UsageException(invalid + "cellTimeLimitMinutes must be a number of minutes above 0 and at most "
          + number(LONGEST_CELL_MINUTES) + " (a week), not " + number(limit));
    }
    Map<List<String>, Integer> entries = new HashMap<>();
    for (int i = 0; i < suite.tasks().size(); i++) {
      TaskEntry task = suite.tasks().get(i);
      if (task == null || task.id() == null || task.id().isBlank()) {
        throw new UsageException(invalid + "task entry " + (i + 1) + " has no id");
      }
      String entry = "task entry " + task.id() + (task.train() == null ? "" : " (train " + task.train() + ")");
      requireExamples(invalid + entry, "trainSize", task.trainSize());
      requireExamples(invalid + entry, "evalSize", task.evalSize());
      if (task.eval().stream().anyMatch(Objects::isNull)) {
        throw new UsageException(invalid + entry + " has eval " + task.eval() + ", which holds an empty item");
      }
      for (int b = 0; b < task.computeBudgets().size(); b++) {
        Double budget = task.computeBudgets().get(b);
        if (budget == null || !(budget > 0) || Double.isInfinite(budget)
            || (b > 0 && !(budget > task.computeBudgets().get(b - 1)))) {
          throw new UsageException(invalid + entry + " has computeBudgets " + task.computeBudgets() + "; they must be "
              + "training FLOPs above 0, each larger than the one before");
        }
      }
      Set<String> levels = new HashSet<>();
      for (String level : task.eval()) {
        if (!levels.add(level)) {
          throw new UsageException(invalid + entry + " evaluates level " + level + " twice");
        }
      }
      Integer before = entries.putIfAbsent(Arrays.asList(task.id(), task.train()), i + 1);
      if (before != null) {
        throw new UsageException(invalid + "task entries " + before + " and " + (i + 1) + " both name task "
            + task.id() + (task.train() == null ? " with its default training level" : " trained on " + task.train())
            + ", which would run their cells twice (a task named again needs another training level)");
      }
    }
    for (int i = 0; i < suite.models().size(); i++) {
      ModelEntry model = suite.models().get(i);
      if (model == null || model.id() == null || model.id().isBlank()) {
        throw new UsageException(invalid + "model entry " + (i + 1) + " has no id");
      }
      if (model.tasks().stream().anyMatch(Objects::isNull)) {
        throw new UsageException(invalid + "model entry " + model.id() + " has tasks " + model.tasks()
            + ", which holds an empty item");
      }
      for (String task : model.configOn().keySet()) {
        if (!model.runsOn(task) || suite.tasks().stream().noneMatch(entry -> entry.id().equals(task))) {
          throw new UsageException(invalid + "model entry " + model.id() + " sets configOn for task " + task
              + ", which it does not run on in this suite" + (model.tasks().isEmpty() ? "" : " (its tasks: "
              + String.join(", ", model.tasks()) + ")"));
        }
      }
      for (ModelEntry earlier : suite.models().subList(0, i)) {
        if (earlier.id().equals(model.id()) && overlap(earlier, model)) {
          throw new UsageException(invalid + "it lists model " + model.id() + " twice" + (model.tasks().isEmpty()
              || earlier.tasks().isEmpty() ? "" : " for task " + overlapping(earlier, model)) + ", which would run "
              + "its cells twice (entries of one model need tasks lists without a task in common; a setting of one "
              + "model on one task goes in its entry's configOn)");
        }
      }
    }
  }

  private static void requireExamples(String entry, String field, int examples) {
    if (examples < 1 || examples > MOST_EXAMPLES) {
      throw new UsageException(entry + " has " + field + " " + examples + "; it must be from 1 to " + MOST_EXAMPLES);
    }
  }

  /** Whether two entries of one model would both run on a task: an entry without tasks runs on all. */
  private static boolean overlap(ModelEntry a, ModelEntry b) {
    return a.tasks().isEmpty() || b.tasks().isEmpty() || a.tasks().stream().anyMatch(b.tasks()::contains);
  }

  private static String overlapping(ModelEntry a, ModelEntry b) {
    return a.tasks().stream().filter(b.tasks()::contains).findFirst().orElseThrow();
  }

  /**
   * What is wrong with YAML that did not map onto a suite: a number out of range, a key set twice,
   * or the parser's own error, which arrives as it is or wrapped in a mapping error.
   */
  private static String malformed(JsonProcessingException e) {
    Throwable cause = e instanceof JsonMappingException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof InputCoercionException coercion) {
      return "the number " + coercion.getOriginalMessage().replaceFirst("(?s)^[^(]*\\(([^)]*)\\).*", "$1")
          + " is out of range of a whole number (at most " + Integer.MAX_VALUE + ", or " + Long.MAX_VALUE
          + " for a seed)";
    }
    String message = cause instanceof JsonProcessingException processing ? processing.getOriginalMessage()
        : e.getOriginalMessage();
    if (message.startsWith("Duplicate field")) {
      return "it sets " + message.replaceFirst("Duplicate field '([^']*)'.*", "'$1'") + " twice; a field is set once";
    }
    boolean parser = !(e instanceof JsonMappingException) || e.getCause() instanceof JsonProcessingException;
    return parser ? "it is not well-formed YAML: " + parserWords(e) : e.getOriginalMessage().replace('\n', ' ');
  }

  /** Where in the suite a mapping error happened, e.g. {@code tasks[0].eval}. */
  private static String field(JsonMappingException e) {
    String field = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
    return field.isEmpty() ? "the top" : field;
  }

  /** A value of another kind than its field takes: the field, what it takes and what it found. */
  private static String mismatch(MismatchedInputException e) {
    String field = field(e);
    if (e.getPath().isEmpty()) {
      return e.getTargetType() == Suite.class ? "it is empty or not a mapping of fields" : e.getOriginalMessage();
    }
    String found = e instanceof InvalidFormatException invalid ? "'" + invalid.getValue() + "'" : "another kind";
    return "at " + field + ", expected " + expected(e.getTargetType()) + ", found " + found;
  }

  /** What a value of {@code type} is, in a person's words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list, e.g. [1, 2]";
    }
    return type == String.class ? "a text" : "a mapping of fields";
  }

  /**
   * The YAML parser's message without the lines it quotes and the caret it draws under them: what
   * it was parsing, and what it expected and found.
   */
  private static String parserWords(JsonProcessingException e) {
    return e.getOriginalMessage().lines().map(String::strip)
        .filter(text -> !text.isEmpty() && !text.startsWith("in '") && !text.endsWith("^") && !text.contains(": "))
        .collect(Collectors.joining(": "));
  }

  private static String line(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  /** A minute count as a person wrote it: {@code -1}, not {@code -1.0}. */
  private static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
