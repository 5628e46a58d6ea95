package com.postwarden.scan.internal.heuristic.office;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for OOXML parts with DTDs and external entities off (a part is attacker-controlled XML). Parts are
 * read as a stream through the package's cap, so a huge part costs time up to the cap, never memory.
 */
final class XmlParts {
    /** Inflated bytes of one XML part read at most; past it the part ends early and is judged on what was read. */
    static final long MAX_PART_BYTES = 16L << 20;
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    });

    private XmlParts() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(in);
    }

    /** The value of the attribute with local name {@code name} on the current element, whatever its prefix. */
    static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (name.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }
}
