package dev.reckon.runner.plugins;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps a plugin object so that every call into it runs with the plugin's class loader as the
 * thread's context class loader: libraries inside a plugin (ServiceLoader, JAXB, logging) look
 * up their resources there, and would find the host's instead otherwise.
 */
final class ContextClassLoaders {
  private ContextClassLoaders() {}

  static <T> T wrap(Class<T> type, T target, ClassLoader loader) {
    InvocationHandler handler = (proxy, method, args) -> {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        thread.setContextClassLoader(previous);
      }
    };
    return type.cast(Proxy.newProxyInstance(ContextClassLoaders.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
