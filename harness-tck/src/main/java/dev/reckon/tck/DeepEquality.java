package dev.reckon.tck;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether two datasets or predictions hold the same values: records component by component,
 * arrays element by element (floats and doubles by their bits, as {@link java.util.Arrays#equals}
 * does), lists and maps by their entries, anything else by {@code equals}. The api's datasets are
 * records of arrays, whose own {@code equals} compares the arrays' identity.
 */
final class DeepEquality {
  private DeepEquality() {}

  /** Where {@code a} and {@code b} first differ, e.g. {@code givens[3][5]: 0 vs 2}; empty when equal. */
  static Optional<String> difference(Object a, Object b) {
    return difference("", a, b);
  }

  private static Optional<String> difference(String path, Object a, Object b) {
    if (a == null || b == null) {
      return a == b ? Optional.empty() : Optional.of(at(path) + a + " vs " + b);
    }
    if (a.getClass() != b.getClass()) {
      return Optional.of(at(path) + a.getClass().getName() + " vs " + b.getClass().getName());
    }
    if (a.getClass().isArray()) {
      int length = Array.getLength(a);
      if (length != Array.getLength(b)) {
        return Optional.of(at(path) + "length " + length + " vs " + Array.getLength(b));
      }
      for (int i = 0; i < length; i++) {
        Optional<String> inner = difference(path + "[" + i + "]", Array.get(a, i), Array.get(b, i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (a instanceof Float x) {
      return Float.floatToIntBits(x) == Float.floatToIntBits((Float) b) ? Optional.empty()
          : Optional.of(at(path) + a + " vs " + b);
    }
    if (a instanceof Double x) {
      return Double.doubleToLongBits(x) == Double.doubleToLongBits((Double) b) ? Optional.empty()
          : Optional.of(at(path) + a + " vs " + b);
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        Optional<String> inner = difference(path + (path.isEmpty() ? "" : ".") + component.getName(),
            value(component, a), value(component, b));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (a instanceof List<?> x) {
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return Optional.of(at(path) + "size " + x.size() + " vs " + y.size());
      }
      Iterator<?> other = y.iterator();
      int i = 0;
      for (Object element : x) {
        Optional<String> inner = difference(path + "[" + i++ + "]", element, other.next());
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (a instanceof Map<?, ?> x) {
      Map<?, ?> y = (Map<?, ?>) b;
      if (!x.keySet().equals(y.keySet())) {
        return Optional.of(at(path) + "keys " + x.keySet() + " vs " + y.keySet());
      }
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        Optional<String> inner = difference(path + "[" + entry.getKey() + "]", entry.getValue(), y.get(entry.getKey()));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    return a.equals(b) ? Optional.empty() : Optional.of(at(path) + a + " vs " + b);
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getName(), e);
    }
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }
}
