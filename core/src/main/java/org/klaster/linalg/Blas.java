package org.klaster.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;

/**
 * The BLAS and LAPACK implementations that netlib (dev.ludovic.netlib) loaded for this JVM.
 *
 * <p>netlib first tries its JNI shim over the system libraries {@code libblas.so.3} and
 * {@code liblapack.so.3} (on Debian with {@code libopenblas0} these resolve to OpenBLAS); when that
 * fails it falls back to a pure-Java implementation (vectorised Java BLAS, F2j LAPACK). The choice is
 * made once per JVM. The Java fallback can be forced with the system properties
 * {@code -Ddev.ludovic.netlib.blas.allowNative=false -Ddev.ludovic.netlib.lapack.allowNative=false};
 * the native library can be pointed elsewhere with {@code -Ddev.ludovic.netlib.lapack.nativeLib=NAME}
 * (or {@code ...nativeLibPath=PATH}), likewise for blas. OpenBLAS worker threads need the JVM to run
 * with {@code -Xss8m}.
 *
 * <p>Results agree between backends to rounding (tests pass on both); only speed differs.
 */
public final class Blas {

    private Blas() {
    }

    private static final class Holder {
        static final BLAS BLAS_INSTANCE = BLAS.getInstance();
        static final LAPACK LAPACK_INSTANCE = LAPACK.getInstance();
    }

    static BLAS blas() {
        return Holder.BLAS_INSTANCE;
    }

    static LAPACK lapack() {
        return Holder.LAPACK_INSTANCE;
    }

    /** True when both BLAS and LAPACK calls go to a native library (e.g. OpenBLAS). */
    public static boolean isNative() {
        return blas() instanceof NativeBLAS && lapack() instanceof NativeLAPACK;
    }

    /**
     * A one-line description of the loaded implementations, e.g.
     * {@code "native (BLAS: JNIBLAS via libblas.so.3; LAPACK: JNILAPACK via liblapack.so.3)"} or
     * {@code "java (BLAS: Java11BLAS; LAPACK: F2jLAPACK)"}.
     */
    public static String backend() {
        BLAS b = blas();
        LAPACK l = lapack();
        String kind = isNative() ? "native" : (b instanceof NativeBLAS || l instanceof NativeLAPACK) ? "mixed" : "java";
        return kind + " (BLAS: " + describe(b.getClass(), b instanceof NativeBLAS, "blas")
                + "; LAPACK: " + describe(l.getClass(), l instanceof NativeLAPACK, "lapack") + ")";
    }

    private static String describe(Class<?> impl, boolean nativeImpl, String lib) {
        if (!nativeImpl) {
            return impl.getSimpleName();
        }
        String path = System.getProperty("dev.ludovic.netlib." + lib + ".nativeLibPath");
        String name = System.getProperty("dev.ludovic.netlib." + lib + ".nativeLib", "lib" + lib + ".so.3");
        return impl.getSimpleName() + " via " + (path != null ? path : name);
    }
}
