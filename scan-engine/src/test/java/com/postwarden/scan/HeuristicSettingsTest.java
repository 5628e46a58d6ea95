package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.heuristic.Heuristics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeuristicSettingsTest {

    @ParameterizedTest
    @CsvSource({
        "Heuristic.Name.DoubleExtension, MALICIOUS",
        "Heuristic.Name.Bidi, MALICIOUS",
        "Heuristic.Archive.EncryptedExecutable, MALICIOUS",
        "Heuristic.Name.HiddenExtension, SUSPICIOUS",
        "Heuristic.Executable.PE, SUSPICIOUS",
        "Heuristic.Type.Mismatch, SUSPICIOUS",
        "Heuristic.Archive.NestedExecutable, SUSPICIOUS",
        "Heuristic.Archive.Bomb, SUSPICIOUS",
    })
    void defaultsAreTheDocumentedLevels(String name, Level level) {
        assertThat(HeuristicSettings.defaults().level(name)).isEqualTo(level);
    }

    @Test
    void everyKnownNameIsAHeuristicDetection() {
        assertThat(HeuristicSettings.knownNames()).isNotEmpty().allMatch(name -> name.startsWith("Heuristic."));
    }

    @Test
    void withChangesOneDetectionAndLeavesTheOriginalAlone() {
        HeuristicSettings defaults = HeuristicSettings.defaults();
        HeuristicSettings changed = defaults.with("Heuristic.Name.Bidi", Level.SUSPICIOUS);
        assertThat(changed.level("Heuristic.Name.Bidi")).isEqualTo(Level.SUSPICIOUS);
        assertThat(defaults.level("Heuristic.Name.Bidi")).isEqualTo(Level.MALICIOUS);
        assertThat(changed).isNotEqualTo(defaults);
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> HeuristicSettings.defaults().with("Heuristic.Name.Typo", Level.OFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown heuristic 'Heuristic.Name.Typo'")
                .hasMessageContaining("Heuristic.Name.Bidi");
    }

    @Test
    void allOffTurnsEveryDetectionOff() {
        assertThat(HeuristicSettings.allOff().allDetectionsOff()).isTrue();
        assertThat(HeuristicSettings.defaults().allDetectionsOff()).isFalse();
    }

    @Test
    void withEveryDetectionOffNoHeuristicRuns() {
        assertThat(new HeuristicChecks(HeuristicSettings.allOff(), Heuristics.standard()).examinesObjects()).isFalse();
        assertThat(new HeuristicChecks(HeuristicSettings.defaults(), Heuristics.standard()).examinesObjects()).isTrue();
    }

    @Test
    void aHeuristicRunsWhenOneOfItsDetectionsIsOn() {
        HeuristicSettings onlyBidi = HeuristicSettings.allOff().with("Heuristic.Name.Bidi", Level.SUSPICIOUS);
        assertThat(new HeuristicChecks(onlyBidi, Heuristics.standard()).examinesObjects()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"off, OFF", "Suspicious, SUSPICIOUS", " MALICIOUS , MALICIOUS"})
    void levelsAreReadFromConfigurationText(String text, Level level) {
        assertThat(Level.of(text)).isEqualTo(level);
    }

    @Test
    void anUnknownLevelIsRejected() {
        assertThatThrownBy(() -> Level.of("loud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("off, suspicious or malicious");
    }
}
