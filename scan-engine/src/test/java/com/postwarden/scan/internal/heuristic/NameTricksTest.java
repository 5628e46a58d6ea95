package com.postwarden.scan.internal.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameTricksTest {

    @ParameterizedTest
    @ValueSource(strings = {"invoice.pdf.exe", "scan.JPG.js", "photo.jpg .scr", "order.docx.exe.", "notes.txt.lnk",
        "statement.pdf.exe   "})
    void aDecoyExtensionBeforeOneThatRunsCodeIsADoubleExtension(String name) {
        assertThat(NameTricks.doubleExtension(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"archive.tar.gz", "report.final.pdf", "setup.exe", "backup.zip.001", "v1.2.exe",
        "invoice.pdf", ".exe"})
    void ordinaryNamesAreNoDoubleExtension(String name) {
        assertThat(NameTricks.doubleExtension(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice\u202Efdp.exe", "a\u202Ab.txt", "x\u2066y.pdf", "\u2069.doc"})
    void bidiControlsAreFound(String name) {
        assertThat(NameTricks.hasBidiControl(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "\u05d3\u05d5\u05d7.pdf", "\u0627\u0644\u062a\u0642\u0631\u064a\u0631.docx"})
    void namesInRightToLeftScriptsNeedNoControls(String name) {
        assertThat(NameTricks.hasBidiControl(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf          .exe", "photo.jpg.......js", "a\u3000\u3000\u3000\u3000\u3000.txt",
        "doc.pdf\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0.scr"})
    void paddingBeforeTheRealExtensionHidesIt(String name) {
        assertThat(NameTricks.paddedExtension(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q3 report - final.pdf", "data...csv", "     .txt", "notes.txt     "})
    void ordinarySpacingHidesNothing(String name) {
        assertThat(NameTricks.paddedExtension(name)).isFalse();
    }
}
