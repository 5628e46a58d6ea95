package com.postwarden.scan.external;

import java.io.IOException;
import java.io.InputStream;

/** Reads the object to scan; its failures are ours, not the engine's, and are told apart by type. */
final class ObjectReader {

    private ObjectReader() {
    }

    /** Reads exactly {@code want} bytes into {@code buffer} from 0. */
    static int readFully(InputStream content, byte[] buffer, int want) throws ObjectReadException {
        int got = 0;
        try {
            while (got < want) {
                int n = content.read(buffer, got, want - got);
                if (n < 0) {
                    throw new ObjectReadException("object ended " + (want - got) + " bytes before its declared size");
                }
                got += n;
            }
        } catch (ObjectReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ObjectReadException("reading the object failed: " + e.getMessage());
        }
        return got;
    }

    /** The object to scan could not be read. */
    static final class ObjectReadException extends IOException {
        private static final long serialVersionUID = 1L;

        ObjectReadException(String message) {
            super(message);
        }
    }
}
