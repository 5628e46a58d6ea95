package com.postwarden.smtp.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.apache.james.mime4j.parser.ContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;

/**
 * Receives Mime4J's parse events, keeps track of where in the MIME tree they happen, enforces the depth and part
 * limits, and hands each leaf's decoded content to the {@link ModelBuilder}. One per parse; not thread-safe.
 */
final class MimeEventHandler implements ContentHandler {
    /** The only transfer encodings a multipart may have (RFC 2045 section 6.4). */
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");

    private final ModelBuilder model;
    private final DefectLog defects;
    private final Deque<EntityFrame> frames = new ArrayDeque<>();
    private int entities;

    MimeEventHandler(ModelBuilder model) {
        this.model = model;
        this.defects = model.defects();
    }

    @Override
    public void startMessage() throws ParseStopped {
        enter(frames.isEmpty() ? EntityFrame.message() : frames.peek().encapsulatedMessage());
    }

    @Override
    public void endMessage() {
        leave();
    }

    @Override
    public void startBodyPart() throws ParseStopped {
        enter(frames.peek().nextChild());
    }

    @Override
    public void endBodyPart() {
        leave();
    }

    @Override
    public void startHeader() {
        // fields arrive one by one
    }

    @Override
    public void field(Field rawField) {
        EntityFrame frame = frames.peek();
        HeaderField field = HeaderText.read(rawField, defects);
        if (frame.field(field)) {
            defects.record(MimeDefect.Type.DUPLICATE_CONTENT_FIELD, field.name() + " appears more than once");
        }
        if (frames.size() == 1) {
            model.header(field);
        }
    }

    @Override
    public void endHeader() {
        // nothing to do until the body starts
    }

    /** Mime4J reads a multipart's body as is: an encoded one shows no parts, only text (see endMultipart). */
    @Override
    public void startMultipart(BodyDescriptor body) {
        String encoding = body.getTransferEncoding();
        if (!IDENTITY_ENCODINGS.contains(encoding)) {
            defects.record(MimeDefect.Type.ENCODED_MULTIPART, "a multipart in " + encoding + " encoding");
        }
    }

    @Override
    public void preamble(InputStream in) throws IOException {
        frames.peek().preamble(model.read(PartHeaders.UNSTRUCTURED_TEXT, in));
    }

    @Override
    public void epilogue(InputStream in) {
        // mail clients do not show it; Mime4J skips it
    }

    /** A multipart without parts: its boundary never appears, so whatever it holds is read as text. */
    @Override
    public void endMultipart() {
        EntityFrame frame = frames.peek();
        if (frame.children() == 0) {
            defects.record(MimeDefect.Type.BOUNDARY_NOT_FOUND, "a multipart without any part");
            PartReading preamble = frame.preamble();
            if (preamble != null && preamble.digest().size() > 0) {
                model.add(frame.childPath(1), preamble);
            }
        }
        frame.preamble(null);
    }

    @Override
    public void body(BodyDescriptor body, InputStream raw) throws IOException {
        EntityFrame frame = frames.peek();
        defects.at(frame.contentPath());
        PartHeaders headers = PartHeaders.of(frame, body, defects);
        InputStream decoded = TransferDecoding.decode(body.getTransferEncoding(), raw, defects);
        model.add(frame.contentPath(), model.read(headers, decoded));
        defects.at(frame.path());
    }

    @Override
    public void raw(InputStream in) {
        // raw mode is not used
    }

    private void enter(EntityFrame frame) throws ParseStopped {
        MimeLimits limits = model.limits();
        if (!frames.isEmpty() && ++entities > limits.maxParts()) {
            throw stop(frame, MimeLimits.Limit.PARTS, "part limit of " + limits.maxParts() + " reached");
        }
        if (frame.contentDepth() > limits.maxDepth()) {
            throw stop(frame, MimeLimits.Limit.DEPTH, "MIME depth limit of " + limits.maxDepth() + " reached");
        }
        frames.push(frame);
        defects.at(frame.path());
    }

    private ParseStopped stop(EntityFrame frame, MimeLimits.Limit limit, String detail) {
        model.limitReached(frame.path(), limit, detail);
        return new ParseStopped(detail);
    }

    private void leave() {
        frames.pop();
        defects.at(frames.isEmpty() ? "" : frames.peek().path());
    }
}
