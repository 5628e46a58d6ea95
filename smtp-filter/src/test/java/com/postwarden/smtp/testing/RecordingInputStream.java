package com.postwarden.smtp.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Copies every byte read into a {@link Recorder}, before any parsing. */
final class RecordingInputStream extends FilterInputStream {
    private final Recorder recorder;

    RecordingInputStream(InputStream in, Recorder recorder) {
        super(in);
        this.recorder = recorder;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            recorder.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        if (n > 0) {
            recorder.write(bytes, offset, n);
        }
        return n;
    }
}
