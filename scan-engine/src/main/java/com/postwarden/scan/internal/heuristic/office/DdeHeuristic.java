package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@value #NAME}: a document that asks Office to start a program through Dynamic Data Exchange: a {@code DDE} or
 * {@code DDEAUTO} field ({@link DdeFields}) in the body, headers, footers, footnotes or endnotes of a Word package,
 * in an RTF document or in the text of a Word 97 document; or an Excel package whose external links are DDE links
 * ({@code ddeLink} with a {@code ddeService}, such as {@code cmd}).
 */
public final class DdeHeuristic extends OneDetection {
    public static final String NAME = "Heuristic.Office.DDE";
    /** Default level: bytes of a Word 97 {@code WordDocument} stream searched; the text of a long report fits many times over. */
    static final long MAX_WORD_TEXT_BYTES = 64L << 20;
    /** Parts read per package. */
    static final int MAX_PARTS = 256;
    private static final Pattern WORD_STORY = Pattern.compile(
            "word/(document|header\\d*|footer\\d*|footnotes|endnotes|glossary/document)\\.xml");
    private static final Pattern EXTERNAL_LINK = Pattern.compile("xl/externalLinks/[^/]+\\.xml");

    /** A DDE field in a mailed document exists to start a command. */
    public DdeHeuristic() {
        super(NAME, Level.MALICIOUS);
    }

    @Override
    boolean foundIn(ScannedObject object) {
        return switch (object.type()) {
            case ZIP -> inPackage(object);
            case RTF -> DdeFields.inRtf(object.content().buffer());
            case OLE2 -> inWord97(object);
            default -> false;
        };
    }

    private static boolean inPackage(ScannedObject object) {
        Optional<OoxmlPackage> opened = OoxmlPackage.open(object.content());
        if (opened.isEmpty()) {
            return false;
        }
        try (OoxmlPackage ooxml = opened.get()) {
            int read = 0;
            for (String name : ooxml.names()) {
                boolean story = WORD_STORY.matcher(name).matches();
                boolean link = EXTERNAL_LINK.matcher(name).matches();
                if ((story || link) && read++ < MAX_PARTS) {
                    Optional<InputStream> in = ooxml.open(name, XmlParts.MAX_PART_BYTES);
                    if (in.isPresent()) {
                        try (InputStream part = in.get()) {
                            if (story ? DdeFields.inWordprocessingMl(part) : ddeLink(part)) {
                                return true;
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged package: nothing more to find
        }
        return false;
    }

    private static boolean ddeLink(InputStream part) {
        try {
            XMLStreamReader xml = XmlParts.reader(part);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "ddeLink".equals(xml.getLocalName())) {
                    return true;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // damaged or cut at the cap
        }
        return false;
    }

    private static boolean inWord97(ScannedObject object) {
        return CompoundFile.rootStreamPasses(object.content(), "WordDocument",
                text -> DdeFields.inWordText(text, MAX_WORD_TEXT_BYTES));
    }
}
