package org.klaster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BlasTest {

    @Test
    void reportsTheLoadedBackendAndComputesWithIt() {
        String backend = Blas.backend();
        // visible in the surefire log: which implementation this run exercised
        System.out.println("[klaster linalg] netlib backend: " + backend);
        assertThat(backend).matches("(native|java|mixed) \\(BLAS: .+; LAPACK: .+\\)");
        assertThat(backend.startsWith("native")).isEqualTo(Blas.isNative());
        if ("false".equals(System.getProperty("dev.ludovic.netlib.lapack.allowNative"))) {
            assertThat(Blas.isNative()).as("native LAPACK was disallowed").isFalse();
        }

        // whatever the backend, it computes: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]
        DenseMatrix c = DenseMatrix.ofRows(new double[][] {{1, 2}, {3, 4}})
                .multiply(DenseMatrix.ofRows(new double[][] {{5, 6}, {7, 8}}));
        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{19, 22}, {43, 50}});
        double[] y = DenseMatrix.ofRows(new double[][] {{1, 2}, {3, 4}}).multiply(new double[] {1, -1});
        assertThat(y[0]).isCloseTo(-1.0, within(0.0));
        assertThat(y[1]).isCloseTo(-1.0, within(0.0));
    }
}
