package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a quick run, opened in headless Chromium: its charts are drawn, their titles are
 * on the page, and it asks the network for nothing. Every request the browser makes goes to a proxy
 * that records it; a page that does fetch something proves the proxy sees page requests. Skipped
 * only where there is no Chromium (.ci/run installs it).
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /**
   * The browser calls home whatever page it shows (network time, component updates, sign-in: hosts
   * under these domains), despite the flags; web fonts (fonts.googleapis.com) still count as the
   * page's.
   */
  private static final List<String> BROWSER_SERVICES = List.of(".google.com", ".googleapis.com");
  private static final Pattern REQUEST_HOST = Pattern.compile("^[A-Z]+ (?:https?://)?([^/: ]+)");
  /**
   * The page's budget, read in a minute means opened in seconds: a chart with its bands and seed
   * lines, and the page's tables, average well under this (about 28 kB a chart on the quick run, 34
   * kB on a default run of 3 seeds), and the quick run's page (0.8 MB) stays within a few megabytes.
   */
  private static final long CHART_BYTES = 50_000;
  private static final long PAGE_BYTES = 3_000_000;
  /** Chromium's start, the page's load, layout and a screenshot of it: about 3 s on an idle two-core machine. */
  private static final Duration RENDER = Duration.ofSeconds(10);

  @TempDir static Path work;
  static Path report;

  @BeforeAll
  static void reportAQuickRun() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    Path run = QuickRun.copyInto(Files.createDirectories(work.resolve("runs")));
    Cli.Outcome reported = Cli.reckon("report", run.toString());
    assertEquals(0, reported.status(), reported::toString);
    report = run.resolve("report/report.html");
  }

  @Test
  void theChartsAreDrawnAndThePageFetchesNothing() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    String dom;
    try (RecordingProxy proxy = new RecordingProxy(requests)) {
      dom = chromium(proxy, "--dump-dom", report.toUri().toString());
    }
    // At least two test-time compute curves (propagation on each task) and a difficulty chart per task.
    List<String> titles = List.of("propagation on sudoku-4x4: puzzle_accuracy vs iterations",
        "propagation on sudoku-6x6: puzzle_accuracy vs iterations", "sudoku-4x4: puzzle_accuracy vs difficulty",
        "sudoku-6x6: puzzle_accuracy vs difficulty");
    int charts = dom.split("<svg ", -1).length - 1;
    assertTrue(charts >= titles.size(), "at least these charts: " + titles);
    assertEquals(dom.split("<figure ", -1).length - 1, charts, "one inline SVG a chart");
    for (String title : titles) {
      assertTrue(dom.contains(">" + title + "</text>"), () -> "the chart '" + title + "' is drawn with its title");
    }
    assertTrue(dom.contains("Claims of the research notes") && dom.contains("Test-time compute scaling (ttc.csv)"));
    assertEquals(List.of(), pageRequests(requests), "report.html fetched something");
  }

  @Test
  void theProxySeesWhatAPageFetches() throws Exception {
    Path fetching = work.resolve("fetching.html");
    Files.writeString(fetching, "<html><body><img src=\"http://example.com/chart.png\"></body></html>");
    List<String> requests = new CopyOnWriteArrayList<>();
    try (RecordingProxy proxy = new RecordingProxy(requests)) {
      chromium(proxy, "--dump-dom", fetching.toUri().toString());
    }
    assertEquals(List.of("example.com"), pageRequests(requests));
  }

  @Test
  void thePageRendersToAScreenshotWithinItsBudget() throws Exception {
    String html = Files.readString(report);
    int charts = html.split("<svg ", -1).length - 1;
    assertTrue(html.length() < PAGE_BYTES, () -> "report.html within " + PAGE_BYTES + " bytes: " + html.length());
    assertTrue(html.length() / charts < CHART_BYTES, () -> charts + " charts in " + html.length() + " bytes");
    Path png = work.resolve("report.png");
    List<String> requests = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    try (RecordingProxy proxy = new RecordingProxy(requests)) {
      chromium(proxy, "--screenshot=" + png, "--window-size=1400,3000", report.toUri().toString());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(Files.size(png) > 50_000, "a page of tables and charts, not a blank one");
    assertTrue(took.compareTo(RENDER) < 0, () -> "rendered in " + took + ", budget " + RENDER);
  }

  /** The hosts requested other than the browser's own services. */
  private static List<String> pageRequests(List<String> requests) {
    List<String> hosts = new ArrayList<>();
    for (String request : requests) {
      var host = REQUEST_HOST.matcher(request);
      String name = host.find() ? host.group(1) : request;
      if (name.startsWith("fonts.") || BROWSER_SERVICES.stream().noneMatch(name::endsWith)) {
        hosts.add(name);
      }
    }
    return hosts;
  }

  /** Runs headless Chromium with every request sent to {@code proxy}; returns what it prints. */
  private static String chromium(RecordingProxy proxy, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
        "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>"));
    command.addAll(List.of(arguments));
    Process browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(browser.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
    assertEquals(0, browser.exitValue(), "Chromium's exit status");
    return out;
  }

  /** A proxy that answers nothing and records the first line of every request it is sent. */
  private static final class RecordingProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;

    RecordingProxy(List<String> requests) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket connection = socket.accept()) {
            connection.setSoTimeout(5_000);
            String line = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.ISO_8859_1)).readLine();
            requests.add(line == null ? "(empty)" : line);
          } catch (IOException e) {
            if (!socket.isClosed()) {
              throw new UncheckedIOException(e);
            }
          }
        }
      }, "recording-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      acceptor.join(5_000);
    }
  }
}
