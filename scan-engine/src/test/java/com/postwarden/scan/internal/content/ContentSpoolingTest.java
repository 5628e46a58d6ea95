package com.postwarden.scan.internal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSpoolingTest {
    @TempDir
    Path dir;

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void contentUpToTheThresholdStaysOnTheHeap() throws IOException {
        byte[] bytes = random(4096);
        try (Content content = Content.read(new ByteArrayInputStream(bytes), new Spooling(dir, 4096), 1 << 20)) {
            assertThat(content.arrayOrNull()).isNotNull();
            assertThat(content.prefix(bytes.length)).isEqualTo(bytes);
            assertThat(spoolFiles()).isZero();
        }
    }

    @Test
    void largerContentGoesToASpoolFileThatClosingDeletes() throws IOException {
        byte[] bytes = random(100_000);
        Content content = Content.read(new ByteArrayInputStream(bytes), new Spooling(dir, 4096), 1 << 20);
        assertThat(content.arrayOrNull()).as("not on the heap").isNull();
        assertThat(content.size()).isEqualTo(bytes.length);
        assertThat(content.prefix(bytes.length)).isEqualTo(bytes);
        assertThat(spoolFiles()).isOne();
        content.close();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void contentOverTheLimitLeavesNoSpoolFile() throws IOException {
        assertThatThrownBy(() -> Content.read(new ByteArrayInputStream(random(100_000)), new Spooling(dir, 4096), 50_000))
                .isInstanceOfSatisfying(ContentTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(50_000));
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aSmallFileIsReadAndALargeOneMappedInPlace() throws IOException {
        Path small = Files.write(dir.resolve("small"), random(100));
        Path large = Files.write(dir.resolve("large"), random(10_000));
        try (Content onHeap = Content.open(small, 4096); Content mapped = Content.open(large, 4096)) {
            assertThat(onHeap.arrayOrNull()).isNotNull();
            assertThat(mapped.arrayOrNull()).isNull();
            assertThat(mapped.prefix(10_000)).isEqualTo(Files.readAllBytes(large));
        }
        assertThat(large).as("a file scanned in place is not deleted").exists();
    }

    @Test
    void closingReleasesTheMappingAtOnce() throws IOException {
        assertThat(Unmapper.available()).as("sun.misc.Unsafe.invokeCleaner on this JDK").isTrue();
        Path large = Files.write(dir.resolve("mapped-then-closed"), random(1 << 20));
        Content mapped = Content.open(large, 4096);
        assertThat(mapped.byteAt(12345)).isEqualTo(Files.readAllBytes(large)[12345]);
        assertThat(mappings()).contains(large.toString());
        mapped.close();
        assertThat(mappings()).doesNotContain(large.toString());
    }

    @Test
    void aSpoolFileIsUnmappedAndDeletedOnClose() throws IOException {
        Content content = Content.read(new ByteArrayInputStream(random(100_000)), new Spooling(dir, 4096), 1 << 20);
        String spool;
        try (Stream<Path> files = Files.list(dir)) {
            spool = files.findFirst().orElseThrow().toString();
        }
        assertThat(mappings()).contains(spool);
        content.close();
        assertThat(mappings()).as("no deleted file left mapped").doesNotContain(spool);
    }

    /** This process's memory mappings (Linux). */
    private static String mappings() throws IOException {
        return Files.readString(Path.of("/proc/self/maps"));
    }
}
