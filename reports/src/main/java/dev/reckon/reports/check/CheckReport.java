package dev.reckon.reports.check;

import dev.reckon.reports.check.RegressionCheck.Checked;
import dev.reckon.reports.check.RegressionCheck.CheckedCell;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What a CI system shows of a {@link RegressionCheck}: JUnit XML (a test suite a task, a test case
 * a checked number, a failure naming the number, both values and the tolerance; a test suite
 * {@code cells}, a test case a cell of the baseline) and a Markdown summary for a job summary page.
 */
public final class CheckReport {
  private CheckReport() {}

  public static void writeJUnit(RegressionCheck check, Path file) {
    Map<String, List<Checked>> byTask = check.checked().stream()
        .collect(Collectors.groupingBy(c -> c.key().task(), LinkedHashMap::new, Collectors.toList()));
    try {
      createParent(file);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "reckon check " + check.run().id() + " against " + check.baseline().id());
        xml.writeAttribute("tests", String.valueOf(check.checked().size() + check.cells().size()));
        xml.writeAttribute("failures", String.valueOf(check.failures().size() + check.cellFailures().size()));
        for (Map.Entry<String, List<Checked>> task : byTask.entrySet()) {
          writeSuite(xml, task.getKey(), task.getValue());
        }
        writeCells(xml, check.cells());
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  /**
   * {@code text} with every character XML 1.0 cannot hold (control characters but tab and line
   * ends, lone surrogates, U+FFFE and U+FFFF) replaced by U+FFFD: a plugin's exception message may
   * carry an escape sequence, and one such byte makes the whole file unreadable to CI.
   */
  static String xmlText(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
          || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
      clean.appendCodePoint(allowed ? c : 0xFFFD);
      i += Character.charCount(c);
    }
    return clean.toString();
  }

  private static void writeSuite(XMLStreamWriter xml, String task, List<Checked> checked) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", task);
    xml.writeAttribute("tests", String.valueOf(checked.size()));
    xml.writeAttribute("failures", String.valueOf(checked.stream().filter(Checked::failed).count()));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    for (Checked c : checked) {
      Key key = c.key();
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", key.task() + "." + key.model());
      xml.writeAttribute("name", String.format(Locale.ROOT, "%s train %s eval %s at %s", key.metric(),
          key.trainLevel(), key.evalLevel(), Numbers.count(key.iterations(), "iteration")));
      if (c.failed()) {
        xml.writeStartElement("failure");
        xml.writeAttribute("type", c.failureType());
        xml.writeAttribute("message", xmlText(c.failure().orElseThrow()));
        xml.writeCharacters(xmlText(c.failure().orElseThrow()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  /** The baseline's cells: a test case each, failed when the run lacks it, or failed or skipped it. */
  private static void writeCells(XMLStreamWriter xml, List<CheckedCell> cells) throws XMLStreamException {
    if (cells.isEmpty()) {
      return;
    }
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "cells");
    xml.writeAttribute("tests", String.valueOf(cells.size()));
    xml.writeAttribute("failures", String.valueOf(cells.stream().filter(CheckedCell::failed).count()));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    for (CheckedCell cell : cells) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", cell.task() + "." + cell.model());
      xml.writeAttribute("name", String.format(Locale.ROOT, "cell train %s seed %d", cell.trainLevel(), cell.seed()));
      if (cell.failed()) {
        xml.writeStartElement("failure");
        xml.writeAttribute("type", xmlText("cell " + cell.status()));
        xml.writeAttribute("message", xmlText(cell.failure().orElseThrow()));
        xml.writeCharacters(xmlText(cell.failure().orElseThrow()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  /** A Markdown summary: the verdict, the counts, the rule, the cells that failed and a table of the numbers. */
  public static String markdown(RegressionCheck check) {
    StringBuilder md = new StringBuilder();
    md.append("## reckon check: ").append(check.passed() ? "passed" : "FAILED").append("\n\n");
    md.append(String.format(Locale.ROOT, "Run `%s` against baseline `%s`: %d numbers checked, %d failed "
            + "(%d worse beyond tolerance, %d missing, %d not finite); %d better and %d worse outside the noise in "
            + "all; %d numbers not in the baseline, not checked. %d cells of the baseline, %d of them missing, failed "
            + "or skipped in this run.%n%n",
        check.run().id(), check.baseline().id(), check.checked().size(), check.failures().size(),
        count(check, "regression"), count(check, "missing"), count(check, "non-finite"),
        check.count(Verdict.BETTER), check.count(Verdict.WORSE), check.unchecked(), check.cells().size(),
        check.cellFailures().size()));
    md.append("A number fails when it got worse by more than its tolerance and the 95% intervals do not overlap, "
        + "when the run lacks it, or when it is NaN or infinite in the run; a cell of the baseline fails when the "
        + "run did not do it. Tolerances: ").append(check.tolerances().describe()).append(".\n");
    if (!check.cellFailures().isEmpty()) {
      md.append("\n");
      for (CheckedCell cell : check.cellFailures()) {
        md.append("- ").append(cell.failure().orElseThrow()).append("\n");
      }
    }
    if (!check.failures().isEmpty()) {
      md.append("\n| model | task | train | eval | iterations | metric | baseline | this run | change | tolerance |\n"
          + "| --- | --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |\n");
      for (Checked c : check.failures()) {
        Key key = c.key();
        Measurement before = c.change().baseline();
        Measurement after = c.change().measured();
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |%n", key.model(),
            key.task(), key.trainLevel(), key.evalLevel(), key.iterations(), key.metric(),
            before == null ? "none" : Numbers.text(before.value()), after == null ? "missing"
                : Double.isFinite(after.value()) ? Numbers.text(after.value()) : String.valueOf(after.value()),
            Numbers.change(c.change().difference()), Numbers.text(c.tolerance())));
      }
    }
    return md.toString();
  }

  private static long count(RegressionCheck check, String type) {
    return check.failures().stream().filter(c -> c.failureType().equals(type)).count();
  }

  public static void writeMarkdown(RegressionCheck check, Path file) {
    try {
      createParent(file);
      Files.writeString(file, markdown(check), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
