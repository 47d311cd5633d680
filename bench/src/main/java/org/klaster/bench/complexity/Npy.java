package org.klaster.bench.complexity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.klaster.linalg.DenseMatrix;

/**
 * Minimal reader/writer of numpy's .npy format (version 1.0) for little-endian float64 arrays of one
 * or two dimensions — the file both the Java and the numpy side of the benchmark read, so neither
 * pays for text parsing. Matrices are written column-major ({@code fortran_order: True}), which is
 * {@link DenseMatrix}'s layout, so numpy maps them without a copy.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d*)\\s*,?\\s*\\)");

    private Npy() {
    }

    static void write(Path file, DenseMatrix m) throws IOException {
        write(file, "(" + m.rows() + ", " + m.cols() + ")", true, m.data());
    }

    static void write(Path file, double[] v) throws IOException {
        write(file, "(" + v.length + ",)", false, v);
    }

    private static void write(Path file, String shape, boolean fortran, double[] data) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";   // total a multiple of 64
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        buf.asDoubleBuffer().put(data);
        Files.write(file, buf.array());
    }

    /** A 2-d float64 array as a DenseMatrix (either memory order). */
    static DenseMatrix readMatrix(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (buf.get() != b) {
                throw new IOException(file + ": not a .npy file");
            }
        }
        int major = buf.get();
        buf.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] h = new byte[headerLen];
        buf.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        Matcher s = SHAPE.matcher(header);
        if (!header.contains("'<f8'") || !s.find() || s.group(2).isEmpty()) {
            throw new IOException(file + ": expected a 2-d little-endian float64 array, header " + header.trim());
        }
        int rows = Integer.parseInt(s.group(1));
        int cols = Integer.parseInt(s.group(2));
        double[] raw = new double[rows * cols];
        buf.asDoubleBuffer().get(raw);
        if (header.contains("'fortran_order': True")) {
            return DenseMatrix.wrap(rows, cols, raw);
        }
        double[] colMajor = new double[raw.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                colMajor[i + j * rows] = raw[i * cols + j];
            }
        }
        return DenseMatrix.wrap(rows, cols, colMajor);
    }
}
