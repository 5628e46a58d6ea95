package com.postwarden.scan.external;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Objects the test engines are given, and the signatures that detect them. */
final class TestObjects {

    /** What the private clamd reports for {@link #eicar()} (our own signature; clamd adds ".UNOFFICIAL"). */
    static final String EICAR_NAME = "Postwarden.Test.EICAR.UNOFFICIAL";
    /** What the private clamd reports for an object containing {@link #marker()}. */
    static final String MARKER_NAME = "Postwarden.Test.Marker.UNOFFICIAL";

    private TestObjects() {
    }

    /** The 68-byte EICAR test string, assembled here so no file of the repository holds it whole. */
    static byte[] eicar() {
        return String.join("", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-", "FILE!$H+H*")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A harmless string only our test signature knows. */
    static byte[] marker() {
        return String.join("-", "POSTWARDEN", "EXTERNAL", "ENGINE", "TEST", "MARKER")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code .ndb} database the private clamd loads: one line for EICAR, one for the marker. */
    static String signatures() {
        return "Postwarden.Test.EICAR:0:*:" + hex(eicar()) + "\n"
                + "Postwarden.Test.Marker:0:*:" + hex(marker()) + "\n";
    }

    static byte[] clean(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 23);
        }
        return bytes;
    }

    /** {@code size} clean bytes with the marker at {@code offset}. */
    static byte[] withMarker(int size, int offset) {
        byte[] bytes = clean(size);
        byte[] marker = marker();
        System.arraycopy(marker, 0, bytes, offset, marker.length);
        return bytes;
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length));
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
