package com.postwarden.smtp.message;

/**
 * One MIME entity being parsed: the message, a body part or an encapsulated message. Knows its path and numbers
 * its children (see {@link AttachmentInfo#path()}). Not thread-safe.
 */
final class EntityFrame {
    private final boolean bodyPart;
    private final String path;
    private int children;
    private String contentType;
    private String contentDisposition;
    private boolean transferEncodingSeen;
    private PartReading preamble;

    private EntityFrame(boolean bodyPart, String path) {
        this.bodyPart = bodyPart;
        this.path = path;
    }

    static EntityFrame message() {
        return new EntityFrame(false, "");
    }

    /** The path of the entity itself: empty for the message, shared by a body part and the message inside it. */
    String path() {
        return path;
    }

    /** Where this entity's own content sits when it is not a multipart: a body part is its content. */
    String contentPath() {
        return bodyPart ? path : childPath(1);
    }

    /** How deep this entity's content or children sit. */
    int contentDepth() {
        return depthOf(contentPath());
    }

    String childPath(int index) {
        return path.isEmpty() ? Integer.toString(index) : path + "." + index;
    }

    EntityFrame nextChild() {
        preamble = null;
        return new EntityFrame(true, childPath(++children));
    }

    EntityFrame encapsulatedMessage() {
        return new EntityFrame(false, contentPath());
    }

    int children() {
        return children;
    }

    /**
     * Keeps the first {@code Content-Type} and {@code Content-Disposition}, as Mime4J does.
     *
     * @return whether the field is a content field seen before in this header
     */
    boolean field(HeaderField field) {
        if (field.hasName("Content-Type")) {
            boolean repeated = contentType != null;
            contentType = repeated ? contentType : field.value();
            return repeated;
        } else if (field.hasName("Content-Disposition")) {
            boolean repeated = contentDisposition != null;
            contentDisposition = repeated ? contentDisposition : field.value();
            return repeated;
        } else if (field.hasName("Content-Transfer-Encoding")) {
            boolean repeated = transferEncodingSeen;
            transferEncodingSeen = true;
            return repeated;
        }
        return false;
    }

    /** The first {@code Content-Type} value, or empty. */
    String contentType() {
        return contentType == null ? "" : contentType;
    }

    /** The first {@code Content-Disposition} value, or empty. */
    String contentDisposition() {
        return contentDisposition == null ? "" : contentDisposition;
    }

    /** The text before the first boundary; kept only until it is known whether any part follows. */
    void preamble(PartReading reading) {
        this.preamble = reading;
    }

    PartReading preamble() {
        return preamble;
    }

    static int depthOf(String path) {
        return path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '.').count() + 1;
    }
}
