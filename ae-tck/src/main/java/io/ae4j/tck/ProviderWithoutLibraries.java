package io.ae4j.tck;

import io.ae4j.spi.Availability;
import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A backend's provider as an application meets it that has the backend's jar but none of the
 * libraries the backend depends on: loaded by a class loader of its own that sees only the
 * provider's jar, ae-api's and the JDK, and found there through the
 * {@code META-INF/services/io.ae4j.spi.BackendProvider} listing in the provider's own jar. That
 * holds whether the tests run the backend from the class path or, when it is a named module, from
 * the module path.
 *
 * <p>Its methods call the provider's across the class loaders and return what it answers as
 * this class loader's types. Whatever the provider throws reaches the caller unchanged. Close it
 * to release the class loader.
 */
public final class ProviderWithoutLibraries implements AutoCloseable {

    private final URLClassLoader loader;
    private final Object provider;
    // BackendProvider and Backend as the provider's class loader knows them: not this loader's.
    private final Class<?> providerContract;
    private final Class<?> backendContract;

    private ProviderWithoutLibraries(URLClassLoader loader, Object provider) throws ClassNotFoundException {
        this.loader = loader;
        this.provider = provider;
        this.providerContract = Class.forName(BackendProvider.class.getName(), false, loader);
        this.backendContract = Class.forName(Backend.class.getName(), false, loader);
    }

    /**
     * Loads {@code type} without the libraries its backend depends on and constructs it, as
     * {@link ServiceLoader} does.
     *
     * @param type the provider's class, as the module's tests know it
     * @return the provider, loaded apart
     * @throws AssertionError if the provider's jar does not list it for the service loader, or if it
     *                        cannot be constructed without those libraries
     * @throws IOException if the provider's jar cannot be read
     * @throws ClassNotFoundException if the class loader cannot find the provider's contract
     */
    public static ProviderWithoutLibraries load(Class<? extends BackendProvider> type)
            throws IOException, ClassNotFoundException {
        URL providerJar = type.getProtectionDomain().getCodeSource().getLocation();
        URL apiJar = BackendProvider.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new JarsAndJdkOnly(new URL[] {providerJar, apiJar});
        boolean loaded = false;
        try {
            Class<?> contract = Class.forName(BackendProvider.class.getName(), false, loader);
            Object provider = ServiceLoader.load(contract, loader).stream()
                    .filter(candidate -> candidate.type().getName().equals(type.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type.getName() + " is not listed in META-INF/services/"
                            + BackendProvider.class.getName() + " of its own jar, " + providerJar))
                    .get();
            ProviderWithoutLibraries alone = new ProviderWithoutLibraries(loader, provider);
            loaded = true;
            return alone;
        } catch (ServiceConfigurationError e) {
            throw new AssertionError(type.getName() + " cannot be constructed without its backend's libraries, so it"
                    + " cannot report them missing: anything that may fail belongs in the probe, and calls into the"
                    + " libraries in a class of their own, as verifying the provider's class may load the classes its"
                    + " methods use", e);
        } finally {
            if (!loaded) {
                loader.close();
            }
        }
    }

    /**
     * The provider's {@link BackendProvider#name()}.
     *
     * @return the name
     */
    public String name() {
        return (String) call(providerContract, "name", provider);
    }

    /**
     * The provider's {@link BackendProvider#priority()}.
     *
     * @return the priority
     */
    public int priority() {
        return (Integer) call(providerContract, "priority", provider);
    }

    /**
     * The provider's {@link BackendProvider#probe()}, or null if it returned null.
     *
     * @return the availability, or null
     */
    public Availability probe() {
        Object answer = call(providerContract, "probe", provider);
        if (answer == null) {
            return null;
        }
        Class<?> record = answer.getClass();
        return new Availability((Boolean) call(record, "available", answer), (String) call(record, "reason", answer));
    }

    /**
     * Creates the provider's backend and returns the backend's {@link Backend#name()}.
     *
     * @return the backend's name
     */
    public String createdBackendName() {
        return (String) call(backendContract, "name", call(providerContract, "create", provider));
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /**
     * A class loader that sees its own jars and the JDK's modules, and nothing of the application's
     * class path or module path. Its parent is the platform class loader, but a parent alone is not
     * enough: the platform class loader loads a class of any named module in the boot layer, those
     * of the application's module path included, by asking the application class loader for it. A
     * backend's tests run it from the module path when it is a named module, so there the parent
     * would hand this loader the application's own ae-api, backend and library classes, and the
     * provider would be found in a named module rather than through its jar's listing. So a class
     * the parent gives comes from the JDK only if the boot or the platform class loader defined it;
     * any other class comes from this loader's jars or not at all.
     */
    private static final class JarsAndJdkOnly extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        JarsAndJdkOnly(URL[] jars) {
            super(jars, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = fromTheJdk(name);
                }
                if (type == null) {
                    type = findClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        /** The JDK's class {@code name}, or null if the JDK has none of that name. */
        private Class<?> fromTheJdk(String name) {
            Class<?> type;
            try {
                type = getParent().loadClass(name);
            } catch (ClassNotFoundException e) {
                return null;
            }
            ClassLoader definer = type.getClassLoader();
            return definer == null || definer == getParent() ? type : null;
        }
    }

    /** Calls {@code type}'s method {@code name}, which takes no arguments, on {@code target}. */
    private static Object call(Class<?> type, String name, Object target) {
        try {
            return type.getMethod(name).invoke(target);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(thrown);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + type.getName() + "." + name + "()", e);
        }
    }
}
