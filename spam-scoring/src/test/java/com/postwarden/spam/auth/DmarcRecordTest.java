package com.postwarden.spam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcRecordTest {

    @Test
    void everyDispositionTagIsRead() {
        assertThat(DmarcRecord.parse("v=DMARC1; p=reject; sp=none; adkim=s; aspf=r; pct=25; rua=mailto:a@b.test"))
                .contains(new DmarcRecord(DmarcPolicy.REJECT, Optional.of(DmarcPolicy.NONE),
                        DmarcRecord.Alignment.STRICT, DmarcRecord.Alignment.RELAXED, 25));
    }

    @Test
    void absentTagsTakeTheirDefaults() {
        assertThat(DmarcRecord.parse("v=DMARC1;p=quarantine")).contains(new DmarcRecord(DmarcPolicy.QUARANTINE,
                Optional.empty(), DmarcRecord.Alignment.RELAXED, DmarcRecord.Alignment.RELAXED, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v=spf1 -all", "p=reject; v=DMARC1", "v=DMARC1", "v=DMARC1; p=block",
        "v=DMARC1; p=none; pct=101", "v=DMARC1; p=none; pct=-1", "v=DMARC1; p=none; adkim=x",
        "v=DMARC1; p=none; sp=maybe", "v=DMARC1; p=none; p=reject", "v=DMARC1; p=none; garbage"})
    void anythingElseIsNoRecord(String text) {
        assertThat(DmarcRecord.parse(text)).isEmpty();
    }

    @Test
    void aTooLongTextIsNotParsed() {
        assertThat(DmarcRecord.parse("v=DMARC1; p=none; x=" + "a".repeat(DmarcRecord.MAX_LENGTH))).isEmpty();
    }
}
