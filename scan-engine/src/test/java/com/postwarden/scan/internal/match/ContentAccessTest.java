package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.signature.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pass reads heap and memory-mapped content alike, in chunks, without losing matches at chunk edges. */
class ContentAccessTest {
    private static final byte[] NEEDLE = "0123456789needle".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "literal starting {0} bytes before a chunk edge")
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 15})
    void literalsAcrossChunkEdgesMatchInMappedContent(int before) throws Exception {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Needle:0:*:" + HexFormat.of().formatHex(NEEDLE));
        byte[] data = new byte[3 * ObjectScanner.CHUNK];
        System.arraycopy(NEEDLE, 0, data, 2 * ObjectScanner.CHUNK - before, NEEDLE.length);
        Path file = Files.write(dir.resolve("big.bin"), data);

        try (Content mapped = Content.map(file)) {
            assertThat(mapped.arrayOrNull()).isNull();
            assertThat(db.matcher().match(mapped, FileType.BINARY)).isEqualTo(new MatchResult.Detected("Needle"));
        }
        assertThat(db.match(data, FileType.BINARY)).isEqualTo(new MatchResult.Detected("Needle"));
    }

    @Test
    void digestsOfMappedContentCoverEveryChunk() throws Exception {
        byte[] data = new byte[ObjectScanner.CHUNK * 2 + 123];
        new java.util.Random(3).nextBytes(data);
        String md5 = HexFormat.of().formatHex(HashAlgorithm.MD5.newDigest().digest(data));
        TestDatabase.Compiled db = TestDatabase.with("a.hdb", md5 + ":" + data.length + ":Big.Md5").compile(dir.resolve("db"));
        Path file = Files.write(dir.resolve("big.bin"), data);

        try (Content mapped = Content.map(file)) {
            assertThat(db.matcher().match(mapped, FileType.BINARY)).isEqualTo(new MatchResult.Detected("Big.Md5"));
        }
    }

    @Test
    void theEmptyObjectMatchesNothing() {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Any:0:*:41424344");

        assertThat(db.matcher().match(Content.empty(), FileType.BINARY)).isEqualTo(MatchResult.NoMatch.INSTANCE);
    }

    @Test
    void oneMatcherServesConcurrentScans() throws Exception {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Needle:0:*:" + HexFormat.of().formatHex(NEEDLE));
        byte[] hit = ("xx" + new String(NEEDLE, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        byte[] miss = "nothing to see".getBytes(StandardCharsets.US_ASCII);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean expectHit = i % 2 == 0;
                results.add(pool.submit(() -> (db.match(expectHit ? hit : miss, FileType.BINARY)
                        instanceof MatchResult.Detected) == expectHit));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
