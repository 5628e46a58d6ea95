package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.LimitedInputStream;
import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Extracts the attachments of a TNEF stream ({@code winmail.dat}, MS-OXTNEF): each attachment starts with an
 * {@code attAttachRenddata} attribute; its bytes are the {@code attAttachData} attribute, or the
 * {@code PR_ATTACH_DATA_OBJ} property of an embedded message; its name is {@code PR_ATTACH_LONG_FILENAME} from the
 * {@code attAttachment} properties ({@link TnefProperties}), else the 8.3 {@code attAttachTitle}, else
 * {@code attachment-N}. An attachment is handed over once its attributes are complete (at the next attachment or
 * the end); attributes that run past the end hand over what came before, then throw {@link IOException}.
 *
 * <p>A small reader instead of POI's HMEF: HMEF allocates each attribute's claimed length up front (up to 20 MB
 * from a 30-byte file) and keeps all attachments in memory, while the attribute framing (level, id, length, data,
 * checksum) is simple enough to walk over the content and hand each attachment over as a view of its bytes.
 */
public final class TnefUnpacker implements Unpacker {
    private static final int SIGNATURE = 0x223E9F78;
    private static final int ATTACHMENT_LEVEL = 2;
    private static final int ATT_ATTACH_RENDDATA = 0x9002;
    private static final int ATT_ATTACH_TITLE = 0x8010;
    private static final int ATT_ATTACH_DATA = 0x800F;
    private static final int ATT_ATTACHMENT = 0x9005;
    private static final int HEADER = 6;
    private static final int ATTRIBUTE_HEADER = 9;
    private static final int CHECKSUM = 2;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        int size = bytes.limit();
        if (size < HEADER || u32(bytes, 0) != SIGNATURE) {
            throw new IOException("not a TNEF stream: bad signature");
        }
        Attachment current = null;
        int count = 0;
        long at = HEADER;
        while (at < size) {
            if (at + ATTRIBUTE_HEADER > size) {
                if (isPadding(bytes, (int) at)) {
                    break;
                }
                handOver(container, current, entries);
                throw new IOException("TNEF ends inside an attribute header at " + at);
            }
            int level = bytes.get((int) at) & 0xff;
            int tag = (int) (u32(bytes, (int) at + 1) & 0xffff);
            long length = u32(bytes, (int) at + 5) & 0xffffffffL;
            long data = at + ATTRIBUTE_HEADER;
            if (data + length > size) {
                handOver(container, current, entries);
                throw new IOException("TNEF attribute at " + at + " claims " + length + " bytes past the end");
            }
            if (level == ATTACHMENT_LEVEL) {
                if (tag == ATT_ATTACH_RENDDATA) {
                    if (!handOver(container, current, entries)) {
                        return;
                    }
                    current = new Attachment(++count);
                } else if (current != null) {
                    current.attribute(bytes, tag, (int) data, (int) length);
                }
            }
            at = data + length + CHECKSUM;
        }
        handOver(container, current, entries);
    }

    private static boolean handOver(Content container, Attachment attachment, Entries entries) throws IOException {
        if (attachment == null || attachment.dataLength < 0) {
            return true;
        }
        InputStream in = container.newStream();
        in.skipNBytes(attachment.dataStart);
        return entries.add(attachment.name(), new LimitedInputStream(in, attachment.dataLength));
    }

    /** What is known so far about one attachment. */
    private static final class Attachment {
        private final int number;
        private String title;
        private String longName;
        private int dataStart;
        private long dataLength = -1;

        Attachment(int number) {
            this.number = number;
        }

        void attribute(ByteBuffer bytes, int tag, int start, int length) {
            if (tag == ATT_ATTACH_TITLE) {
                title = TnefProperties.string8(bytes, start, Math.min(length, PackagedFile.MAX_NAME));
            } else if (tag == ATT_ATTACH_DATA) {
                dataStart = start;
                dataLength = length;
            } else if (tag == ATT_ATTACHMENT) {
                TnefProperties properties = TnefProperties.read(bytes, start, start + length);
                if (properties.longFileName() != null) {
                    longName = properties.longFileName();
                }
                if (dataLength < 0 && properties.dataLength() >= 0) {
                    dataStart = properties.dataStart();
                    dataLength = properties.dataLength();
                }
            }
        }

        String name() {
            String name = longName != null && !longName.isBlank() ? longName : title;
            name = name == null ? "" : PackagedFile.baseName(name);
            return name.isEmpty() ? "attachment-" + number : name;
        }
    }

    /** A line break or NULs after the last attribute, as mail gateways leave them. */
    private static boolean isPadding(ByteBuffer bytes, int from) {
        for (int i = from; i < bytes.limit(); i++) {
            byte b = bytes.get(i);
            if (b != 0 && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    static long u32(ByteBuffer bytes, int at) {
        return (bytes.get(at) & 0xffL) | (bytes.get(at + 1) & 0xffL) << 8 | (bytes.get(at + 2) & 0xffL) << 16
                | (bytes.get(at + 3) & 0xffL) << 24;
    }
}
