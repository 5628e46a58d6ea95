package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@value #NAME}: an OOXML package that makes Office fetch content from elsewhere when it opens: a relationship
 * ({@code _rels/*.rels}, e.g. {@code word/_rels/settings.xml.rels}) with {@code TargetMode="External"} of type
 * {@code attachedTemplate} (template injection; any target), or of type {@code oleObject}, {@code frame} or
 * {@code subDocument} whose target is remote ({@code http(s):}, {@code file:}, {@code mhtml:}, UNC
 * {@code \\host\share}). External hyperlinks and images are ordinary and not reported.
 */
public final class RemoteTemplateHeuristic extends OneDetection {
    public static final String NAME = "Heuristic.Office.RemoteTemplate";
    /** Default level: relationship parts read per package; a document has a few dozen. */
    static final int MAX_RELATIONSHIP_PARTS = 256;
    private static final List<String> REMOTE_PREFIXES = List.of("http:", "https:", "file:", "mhtml:", "\\\\", "//");
    private static final Set<String> REMOTE_TYPES = Set.of("oleobject", "frame", "subdocument");

    /** Template injection is an attack, but company templates on internal shares are linked the same way. */
    public RemoteTemplateHeuristic() {
        super(NAME, Level.SUSPICIOUS);
    }

    @Override
    boolean foundIn(ScannedObject object) {
        if (object.type() != FileType.ZIP) {
            return false;
        }
        Optional<OoxmlPackage> opened = OoxmlPackage.open(object.content());
        if (opened.isEmpty()) {
            return false;
        }
        try (OoxmlPackage ooxml = opened.get()) {
            int read = 0;
            for (String name : ooxml.names()) {
                if (read < MAX_RELATIONSHIP_PARTS && name.toLowerCase(Locale.ROOT).endsWith(".rels")) {
                    read++;
                    if (fetchesRemotely(ooxml, name)) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged package: nothing more to find
        }
        return false;
    }

    private static boolean fetchesRemotely(OoxmlPackage ooxml, String part) {
        Optional<InputStream> in = ooxml.open(part, XmlParts.MAX_PART_BYTES);
        if (in.isEmpty()) {
            return false;
        }
        try (InputStream stream = in.get()) {
            XMLStreamReader xml = XmlParts.reader(stream);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())
                        && remote(XmlParts.attribute(xml, "Type"), XmlParts.attribute(xml, "Target"),
                                XmlParts.attribute(xml, "TargetMode"))) {
                    return true;
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // damaged or cut at the cap: judged on the relationships read so far
        }
        return false;
    }

    static boolean remote(String type, String target, String mode) {
        if (type == null || target == null || !"External".equalsIgnoreCase(mode)) {
            return false;
        }
        String kind = type.substring(type.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if ("attachedtemplate".equals(kind)) {
            return true;
        }
        String where = target.strip().toLowerCase(Locale.ROOT);
        return REMOTE_TYPES.contains(kind) && REMOTE_PREFIXES.stream().anyMatch(where::startsWith);
    }
}
