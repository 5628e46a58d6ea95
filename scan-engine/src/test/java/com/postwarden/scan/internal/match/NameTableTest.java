package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void namesComeBackAsTheyWentIn() {
        List<String> names = List.of("Win.Trojan.Agent-1", "", "Ünïcødé.Nåme", "x".repeat(5000), "Last");
        NameTable.Builder builder = new NameTable.Builder(names.size());
        names.forEach(builder::add);

        NameTable table = builder.build();

        assertThat(table.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(table.get(i)).isEqualTo(names.get(i));
        }
    }
}
