package dev.reckon.runner;

import java.io.PrintStream;

/**
 * Where commands write: results and listings to {@code out}, progress, warnings and errors to
 * {@code err}. Tests pass their own streams to {@link Reckon#run}.
 *
 * @param interactive whether {@code err} is a terminal that can redraw a progress bar
 */
public record Console(PrintStream out, PrintStream err, boolean interactive) {}
