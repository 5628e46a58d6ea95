package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.signature.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashMatchingTest {
    private static final byte[] SAMPLE = "a sample with a known hash".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private static String hex(HashAlgorithm algorithm, byte[] data) {
        return HexFormat.of().formatHex(algorithm.newDigest().digest(data));
    }

    @Test
    void hashSignaturesOfEachAlgorithmMatchByDigestAndSize() {
        TestDatabase.Compiled db = TestDatabase.with("a.hdb", hex(HashAlgorithm.MD5, SAMPLE) + ":" + SAMPLE.length + ":Md5")
                .and("b.hsb", hex(HashAlgorithm.SHA1, SAMPLE) + ":" + (SAMPLE.length + 1) + ":Sha1.Other.Size",
                        hex(HashAlgorithm.SHA256, SAMPLE) + ":" + SAMPLE.length + ":Sha256")
                .compile(dir);

        assertThat(db.match(SAMPLE, FileType.TEXT)).isEqualTo(new MatchResult.Detected("Md5"));
        assertThat(db.match("another sample".getBytes(StandardCharsets.US_ASCII), FileType.TEXT))
                .isEqualTo(MatchResult.NoMatch.INSTANCE);
    }

    @Test
    void anySizeSignaturesMatchWhateverTheSize() {
        TestDatabase.Compiled db = TestDatabase.with("a.hsb", hex(HashAlgorithm.SHA256, SAMPLE) + ":*:Any:73").compile(dir);

        assertThat(db.match(SAMPLE, FileType.TEXT)).isEqualTo(new MatchResult.Detected("Any"));
    }

    @Test
    void digestsAreComputedOnlyForSizesSomeSignatureHas() {
        TestDatabase.Compiled db = TestDatabase.with("a.hdb", "00112233445566778899aabbccddeeff:100:Sized")
                .and("b.hsb", "00112233445566778899aabbccddeeff00112233:*:AnySha1:73").compile(dir);
        HashLookup hashes = db.matcher().hashes;

        assertThat(hashes.needs(HashAlgorithm.MD5, 100)).isTrue();
        assertThat(hashes.needs(HashAlgorithm.MD5, 101)).isFalse();
        assertThat(hashes.needs(HashAlgorithm.SHA1, 101)).isTrue();
        assertThat(hashes.needs(HashAlgorithm.SHA256, 100)).isFalse();
    }

    @Test
    void anAllowListedObjectIsAllowedEvenWhenASignatureMatches() {
        TestDatabase.Compiled db = TestDatabase.with("a.ndb", "Body:0:*:6b6e6f776e")
                .and("b.hdb", hex(HashAlgorithm.MD5, SAMPLE) + ":" + SAMPLE.length + ":Md5")
                .and("c.fp", hex(HashAlgorithm.MD5, SAMPLE) + ":" + SAMPLE.length + ":Known.Good")
                .compile(dir);

        assertThat(db.match(SAMPLE, FileType.BINARY)).isEqualTo(new MatchResult.Allowed("Known.Good"));
    }

    @Test
    void shaAllowListsWork() {
        TestDatabase.Compiled db = TestDatabase.with("a.ndb", "Body:0:*:6b6e6f776e")
                .and("c.sfp", hex(HashAlgorithm.SHA256, SAMPLE) + ":" + SAMPLE.length + ":Known.Good.Sha")
                .compile(dir);

        assertThat(db.match(SAMPLE, FileType.BINARY)).isEqualTo(new MatchResult.Allowed("Known.Good.Sha"));
        assertThat(db.match("known but not listed".getBytes(StandardCharsets.US_ASCII), FileType.BINARY))
                .isEqualTo(new MatchResult.Detected("Body"));
    }

    @Test
    void ignoreListsDropHashSignaturesByName() {
        TestDatabase.Compiled db = TestDatabase.with("a.hdb", hex(HashAlgorithm.MD5, SAMPLE) + ":" + SAMPLE.length + ":Dropped",
                        hex(HashAlgorithm.MD5, SAMPLE) + ":" + SAMPLE.length + ":Kept")
                .and("local.ign2", "Dropped").compile(dir);

        assertThat(db.match(SAMPLE, FileType.BINARY)).isEqualTo(new MatchResult.Detected("Kept"));
    }

    @Test
    void ignoreListsNamingALineMd5DropOnlyThatLine() {
        String line = hex(HashAlgorithm.MD5, SAMPLE) + ":" + SAMPLE.length + ":Versioned";
        TestDatabase.Compiled db = TestDatabase.with("a.hdb", line)
                .and("local.ign2", "Versioned:" + hex(HashAlgorithm.MD5, line.getBytes(StandardCharsets.US_ASCII)))
                .compile(dir);

        assertThat(db.match(SAMPLE, FileType.BINARY)).isEqualTo(MatchResult.NoMatch.INSTANCE);
    }
}
