package com.postwarden.smtp.message;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.RawField;

/**
 * Mime4J's field builder, except that an empty header section (legal for a body part, RFC 2046 section 5.1.1)
 * yields no field instead of an "invalid header" warning for a field that is not there.
 */
final class EmptyHeaderTolerantFieldBuilder extends DefaultFieldBuilder {
    EmptyHeaderTolerantFieldBuilder(int maxFieldSize) {
        super(maxFieldSize);
    }

    @Override
    public RawField build() throws MimeException {
        return getRaw().length() == 0 ? null : super.build();
    }
}
