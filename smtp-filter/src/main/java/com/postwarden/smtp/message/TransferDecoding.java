package com.postwarden.smtp.message;

import java.io.InputStream;
import java.util.Locale;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/** Wraps a part's raw content in the decoder its {@code Content-Transfer-Encoding} (RFC 2045 section 6) names. */
final class TransferDecoding {
    private TransferDecoding() {
    }

    static InputStream decode(String encoding, InputStream raw, DefectLog defects) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "base64":
                return new Base64DecodingStream(raw, detail -> defects.record(MimeDefect.Type.INVALID_BASE64, detail));
            case "quoted-printable":
                return new QuotedPrintableInputStream(raw, defects);
            case "", "7bit", "8bit", "binary":
                return raw;
            default:
                defects.record(MimeDefect.Type.UNKNOWN_TRANSFER_ENCODING,
                        "unknown Content-Transfer-Encoding '" + name + "', content taken as is");
                return raw;
        }
    }
}
