package com.postwarden.scan.internal.container.text;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Mime4J's field builder with a cap instead of a failure: a header field longer than {@link #MAX_FIELD} bytes
 * keeps its first {@code MAX_FIELD} bytes and parsing goes on (Mime4J's own limit aborts the message, which would
 * leave the attachments after a hostile header unscanned). An empty header section yields no field.
 */
final class CappedFieldBuilder extends DefaultFieldBuilder {
    /** Enough for any real header (a long {@code References:} is a few KB); memory stays bounded. */
    static final int MAX_FIELD = 64 * 1024;

    private int length;

    CappedFieldBuilder() {
        super(-1);
    }

    @Override
    public void reset() {
        super.reset();
        length = 0;
    }

    @Override
    public void append(ByteArrayBuffer line) throws org.apache.james.mime4j.io.MaxHeaderLengthLimitException {
        if (length >= MAX_FIELD) {
            return;
        }
        if (length + line.length() > MAX_FIELD) {
            ByteArrayBuffer cut = new ByteArrayBuffer(MAX_FIELD - length);
            cut.append(line.buffer(), 0, MAX_FIELD - length);
            line = cut;
        }
        length += line.length();
        super.append(line);
    }

    @Override
    public RawField build() throws MimeException {
        return getRaw().length() == 0 ? null : super.build();
    }
}
