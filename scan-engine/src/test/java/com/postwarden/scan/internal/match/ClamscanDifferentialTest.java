package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.signature.HashAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests against the real {@code clamscan} (ClamAV 1.4, Debian package {@code clamav}): every row
 * is a signature feature with samples that must match and near-misses that must not. All signatures go into one
 * database and all samples into one {@code clamscan --allmatch} run; each row is then checked on its own: our
 * matcher (with only that row's signatures) must say what clamscan says, and both what the row expects.
 */
class ClamscanDifferentialTest {
    private static final String CLAMSCAN = "/usr/bin/clamscan";
    private static final byte[] CLAM_EXE = read(Path.of("/usr/share/clamav-testfiles/clam.exe"));
    private static final List<Row> ROWS = rows();
    private static final Map<String, Set<String>> CLAMSCAN_FOUND = new HashMap<>();

    @TempDir
    static Path work;

    /** One feature: database lines by file type, samples that match and samples that must not. */
    record Row(String id, String type, List<String> lines, List<byte[]> matching, List<byte[]> missing) {
        String signature() {
            return "Diff." + id;
        }

        @Override
        public String toString() {
            return id + " " + lines;
        }
    }

    @BeforeAll
    static void runClamscanOnEverySample() throws Exception {
        assertThat(Path.of(CLAMSCAN)).as("clamscan (Debian package clamav) is needed").isExecutable();
        Path database = Files.createDirectories(work.resolve("db"));
        Path samples = Files.createDirectories(work.resolve("samples"));
        Map<String, StringBuilder> files = new HashMap<>();
        List<String> command = new ArrayList<>(List.of(CLAMSCAN, "--no-summary", "--allmatch", "-d",
                database.toString()));
        for (Row row : ROWS) {
            for (String line : row.lines()) {
                String fileName = line.startsWith("@") ? line.substring(1, line.indexOf(' ')) : "all." + row.type();
                String text = line.startsWith("@") ? line.substring(line.indexOf(' ') + 1) : line;
                files.computeIfAbsent(fileName, f -> new StringBuilder()).append(text).append('\n');
            }
            for (int i = 0; i < row.matching().size() + row.missing().size(); i++) {
                Path sample = samples.resolve(row.id() + "-" + i);
                Files.write(sample, sample(row, i));
                command.add(sample.toString());
            }
        }
        for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
            Files.writeString(database.resolve(file.getKey()), file.getValue(), StandardCharsets.ISO_8859_1);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isIn(0, 1);
        for (String line : output.split("\n")) {
            int colon = line.lastIndexOf(": ");
            if (colon > 0 && line.endsWith(" FOUND")) {
                String file = Path.of(line.substring(0, colon)).getFileName().toString();
                String name = line.substring(colon + 2, line.length() - " FOUND".length()).replace(".UNOFFICIAL", "");
                CLAMSCAN_FOUND.computeIfAbsent(file, f -> new HashSet<>()).add(name);
            }
        }
    }

    static Stream<Row> features() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void matcherAnswersAsClamscanDoes(Row row) {
        TestDatabase database = new TestDatabase();
        for (String line : row.lines()) {
            if (line.startsWith("@")) {
                database.and(line.substring(1, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
            } else {
                database.and("all." + row.type(), line);
            }
        }
        TestDatabase.Compiled compiled = database.compile(work.resolve("ours-" + row.id()));
        for (int i = 0; i < row.matching().size() + row.missing().size(); i++) {
            boolean expected = i < row.matching().size();
            String sampleName = row.id() + "-" + i;
            boolean clamscan = CLAMSCAN_FOUND.getOrDefault(sampleName, Set.of()).contains(row.signature());
            boolean ours = row.signature().equals(compiled.detected(sample(row, i)));
            assertThat(ours).as("ours on %s", sampleName).isEqualTo(clamscan);
            assertThat(clamscan).as("clamscan on %s", sampleName).isEqualTo(expected);
        }
    }

    private static byte[] sample(Row row, int i) {
        return i < row.matching().size() ? row.matching().get(i) : row.missing().get(i - row.matching().size());
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        ndb(rows, "Plain", "0:*:41424344", List.of(bin("xxABCDyy")), List.of(bin("xxABCEyy")));
        ndb(rows, "AnyByte", "0:*:4142??4344", List.of(bin("AB.CD"), bin("AB\u00ffCD")), List.of(bin("ABCD"), bin("AB..CD")));
        ndb(rows, "HighNibble", "0:*:41424?4344", List.of(bin("ABGCD"), bin("AB@CD")), List.of(bin("ABWCD")));
        ndb(rows, "LowNibble", "0:*:4142?14344", List.of(bin("ABQCD"), bin("ABaCD")), List.of(bin("ABRCD")));
        ndb(rows, "Star", "0:*:41424344*45464748", List.of(bin("ABCDEFGH"), bin("ABCD.....EFGH")),
                List.of(bin("EFGH..ABCD"), bin("ABCEFGH")));
        ndb(rows, "FixedGap", "0:*:41424344{3}45464748", List.of(bin("ABCD...EFGH")),
                List.of(bin("ABCD....EFGH"), bin("ABCD..EFGH")));
        ndb(rows, "GapAtMost", "0:*:41424344{-2}45464748", List.of(bin("ABCDEFGH"), bin("ABCD..EFGH")),
                List.of(bin("ABCD...EFGH")));
        ndb(rows, "GapAtLeast", "0:*:41424344{2-}45464748", List.of(bin("ABCD..EFGH"), bin("ABCD.......EFGH")),
                List.of(bin("ABCD.EFGH")));
        ndb(rows, "GapRange", "0:*:41424344{2-4}45464748", List.of(bin("ABCD..EFGH"), bin("ABCD....EFGH")),
                List.of(bin("ABCD.EFGH"), bin("ABCD.....EFGH")));
        ndb(rows, "GapBeforeLiteral", "0:*:4142{1-3}43444546", List.of(bin("AB..CDEF")), List.of(bin("ABCDEF")));
        ndb(rows, "ByteAlternatives", "0:*:4142(43|44)4546", List.of(bin("ABCEF"), bin("ABDEF")), List.of(bin("ABEEF")));
        ndb(rows, "StringAlternatives", "0:*:4142(4344|5859)4748", List.of(bin("ABCDGH"), bin("ABXYGH")),
                List.of(bin("ABCYGH")));
        ndb(rows, "VariableAlternatives", "0:*:4142(43|585960)4748", List.of(bin("ABCGH"), bin("ABXY`GH")),
                List.of(bin("ABXYGH")));
        ndb(rows, "NegatedByte", "0:*:4142!(43|44)4546", List.of(bin("ABXEF")), List.of(bin("ABCEF"), bin("ABDEF")));
        ndb(rows, "NegatedString", "0:*:4142!(4344|4546)4748", List.of(bin("ABXYGH")), List.of(bin("ABCDGH")));
        ndb(rows, "AnchoredByte", "0:*:41[1-2]42434445", List.of(bin("A.BCDE"), bin("A..BCDE")),
                List.of(bin("ABCDE"), bin("A...BCDE")));
        ndb(rows, "BoundaryMarkers", "0:*:(B)61626364(B)", List.of(bin(" abcd "), bin("-abcd\""), bin("abcd ")),
                List.of(bin("xabcd "), bin(" abcdx")));
        ndb(rows, "LineMarker", "0:*:(L)61626364", List.of(bin("x\nabcd"), bin("abcd")), List.of(bin("x abcd")));
        ndb(rows, "InnerBoundary", "0:*:6162(B)6364", List.of(bin("ab cd"), bin("ab/cd")), List.of(bin("abxcd")));
        ndb(rows, "AbsoluteOffset", "0:0:41424344", List.of(bin("ABCD..")), List.of(bin(".ABCD..")));
        ndb(rows, "ShiftedOffset", "0:2,3:41424344", List.of(bin("..ABCD."), bin(".....ABCD")),
                List.of(bin(".ABCD..."), bin("......ABCD")));
        ndb(rows, "EndOffset", "0:EOF-8:41424344", List.of(bin("....ABCD"), bin("ABCD")), List.of(bin("...ABCD.")));
        String entryCode = HexFormat.of().formatHex(CLAM_EXE, 0x40, 0x48);
        ndb(rows, "EntryPoint", "1:EP+0:" + entryCode, List.of(CLAM_EXE), List.of(patched(0x38, entryCode)));
        ndb(rows, "EntryPointMinus", "1:EP-64:4d5a5000", List.of(CLAM_EXE), List.of(bin("MZP.........")));
        ndb(rows, "SectionStart", "1:S0+64:" + entryCode, List.of(CLAM_EXE), List.of(patched(0x60, entryCode)));
        ndb(rows, "LastSection", "1:SL+64:" + entryCode, List.of(CLAM_EXE), List.of(patched(0x60, entryCode)));
        ndb(rows, "EntireSection", "1:SE0:434c414d657373616765", List.of(CLAM_EXE), List.of(bin("CLAMessage")));
        ndb(rows, "PeTarget", "1:*:434c414d657373616765", List.of(CLAM_EXE), List.of(bin("xxCLAMessagexx")));
        rows.add(new Row("FunctionalityTooNew", "ndb", List.of("Diff.FunctionalityTooNew:0:*:41424344:255"),
                List.of(), List.of(bin("ABCD"))));
        rows.add(new Row("FunctionalityTooOld", "ndb", List.of("Diff.FunctionalityTooOld:0:*:41424344:1:50"),
                List.of(), List.of(bin("ABCD"))));
        rows.add(new Row("FunctionalityRange", "ndb", List.of("Diff.FunctionalityRange:0:*:41424344:51:255"),
                List.of(bin("ABCD")), List.of()));
        ldb(rows, "LogicalAnd", "Engine:51-255,Target:0;0&1;41424344;45464748", List.of(bin("EFGH..ABCD")), List.of(bin("ABCD")));
        ldb(rows, "LogicalOr", "Engine:51-255,Target:0;0|1;41424344;45464748", List.of(bin("EFGH"), bin("ABCD")), List.of(bin("ABEF")));
        ldb(rows, "LogicalMoreThan", "Engine:51-255,Target:0;0>1;41424344", List.of(bin("ABCD.ABCD")), List.of(bin("ABCD")));
        ldb(rows, "LogicalExactly", "Engine:51-255,Target:0;0=2;41424344", List.of(bin("ABCD.ABCD")),
                List.of(bin("ABCD"), bin("ABCD.ABCD.ABCD")));
        ldb(rows, "LogicalFewerThan", "Engine:51-255,Target:0;1&0<2;41424344;45464748", List.of(bin("ABCD EFGH"), bin("EFGH")),
                List.of(bin("ABCD.ABCD.EFGH")));
        ldb(rows, "LogicalNegation", "Engine:51-255,Target:0;0&1=0;41424344;45464748", List.of(bin("ABCD")), List.of(bin("ABCD EFGH")));
        ldb(rows, "LogicalBlockCount", "Engine:51-255,Target:0;(0|1|2)>2,2;41424344;45464748;494a4b4c",
                List.of(bin("ABCD EFGH ABCD"), bin("ABCD EFGH IJKL")), List.of(bin("ABCD ABCD ABCD"), bin("ABCD EFGH")));
        ldb(rows, "LogicalNested", "Engine:51-255,Target:0;(0|1)&2;41424344;45464748;494a4b4c",
                List.of(bin("EFGH IJKL")), List.of(bin("ABCD EFGH")));
        ldb(rows, "SubsignatureOffset", "Engine:51-255,Target:0;0&1;0:41424344;45464748", List.of(bin("ABCD EFGH")),
                List.of(bin(" ABCD EFGH")));
        ldb(rows, "FileSize", "Engine:51-255,Target:0,FileSize:5-10;0;41424344", List.of(bin("ABCD..")),
                List.of(bin("ABCD..........")));
        ldb(rows, "NoCase", "Engine:81-255,Target:0;0;61626364::i", List.of(bin("xABCDx"), bin("xaBcDx")),
                List.of(bin("xabcex")));
        ldb(rows, "Wide", "Engine:81-255,Target:0;0;61626364::w", List.of(bin("a\0b\0c\0d\0")), List.of(bin("abcd")));
        ldb(rows, "WideAndAscii", "Engine:81-255,Target:0;0;61626364::wa", List.of(bin("a\0b\0c\0d\0"), bin("abcd")),
                List.of(bin("a\0bcd")));
        ldb(rows, "Fullword", "Engine:81-255,Target:0;0;61626364::f", List.of(bin("x abcd."), bin("abcd")),
                List.of(bin("xabcd "), bin(" abcdx")));
        ldb(rows, "FullwordNoCase", "Engine:81-255,Target:0;0;61626364::fi", List.of(bin(" ABCD ")), List.of(bin(" ABCDE ")));
        ldb(rows, "Pcre", "Engine:81-255,Target:0;0&1;41424344;0/EF+G/", List.of(bin("ABCD EFFFG")),
                List.of(bin("ABCD EG"), bin("EFFG")));
        ldb(rows, "PcreCaseless", "Engine:81-255,Target:0;0&1;41424344;0/ef[0-9]{2}g/i", List.of(bin("ABCD EF12G")),
                List.of(bin("ABCD EF1G")));
        ldb(rows, "PcreOffset", "Engine:81-255,Target:0;0&1;41424344;2:0/CD/", List.of(bin("ABCD")),
                List.of(bin(".ABCD")));
        ldb(rows, "PcreGlobalCount", "Engine:81-255,Target:0;0&1>1;41424344;0/X[0-9]/g", List.of(bin("ABCD X1 X2")),
                List.of(bin("ABCD X1")));
        ldb(rows, "PcreTrigger", "Engine:81-255,Target:0;2;41424344;45464748;0&1/IJ/",
                List.of(bin("ABCD EFGH IJ")), List.of(bin("ABCD IJ")));
        rows.add(new Row("TextNormalized", "ndb", List.of("Diff.TextNormalized:7:*:68656c6c6f20776f726c64"),
                List.of(text("Say HELLO   World!\n"), text("hello\r\nworld\n")), List.of(text("hello_world\n"))));
        rows.add(new Row("GenericOnNormalizedText", "ndb", List.of("Diff.GenericOnNormalizedText:0:*:6162636465"),
                List.of(text("x ABCDE\n"), text("abcde\n")), List.of(text("abcdf\n"))));
        byte[] hashed = bin("a file with a known hash");
        rows.add(new Row("Md5", "hdb", List.of(hex(HashAlgorithm.MD5, hashed) + ":" + hashed.length + ":Diff.Md5"),
                List.of(hashed), List.of(bin("a file with a known hasH"))));
        byte[] hashed2 = bin("another file with a known hash");
        rows.add(new Row("Sha256", "hsb",
                List.of(hex(HashAlgorithm.SHA256, hashed2) + ":" + hashed2.length + ":Diff.Sha256"),
                List.of(hashed2), List.of(bin("another file with a known hasH"))));
        byte[] hashed3 = bin("a third file with a known hash");
        rows.add(new Row("Sha1AnySize", "hsb", List.of(hex(HashAlgorithm.SHA1, hashed3) + ":*:Diff.Sha1AnySize:73"),
                List.of(hashed3), List.of(bin("a third file with a known hasH"))));
        byte[] allowed = bin("an allowed ABCDEFG");
        rows.add(new Row("AllowListed", "ndb", List.of("Diff.AllowListed:0:*:41424344454647",
                "@allow.fp " + hex(HashAlgorithm.MD5, allowed) + ":" + allowed.length + ":Allowed.File"),
                List.of(bin("another ABCDEFG")), List.of(allowed)));
        rows.add(new Row("Ignored", "ndb", List.of("Diff.Ignored:0:*:4142434445464748", "Diff.Ignored2:0:*:4142434445464748",
                "@local.ign2 Diff.Ignored"), List.of(), List.of(bin("ABCDEFGH"))));
        return rows;
    }

    private static void ndb(List<Row> rows, String id, String rest, List<byte[]> matching, List<byte[]> missing) {
        rows.add(new Row(id, "ndb", List.of("Diff." + id + ":" + rest), matching, missing));
    }

    private static void ldb(List<Row> rows, String id, String rest, List<byte[]> matching, List<byte[]> missing) {
        rows.add(new Row(id, "ldb", List.of("Diff." + id + ";" + rest), matching, missing));
    }

    /**
     * Binary sample: the text followed by {@code 00 00 01 02}, which both engines read as binary data (a NUL in
     * front would make ClamAV see UTF-16 text and normalize it). Offsets count from the text's first byte.
     */
    private static byte[] bin(String text) {
        byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] sample = Arrays.copyOf(body, body.length + 4);
        sample[body.length + 2] = 1;
        sample[body.length + 3] = 2;
        return sample;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] patched(int at, String hex) {
        byte[] copy = CLAM_EXE.clone();
        byte[] code = HexFormat.of().parseHex(hex);
        Arrays.fill(copy, 0x40, 0x40 + code.length, (byte) 0x90);
        System.arraycopy(code, 0, copy, at, code.length);
        return copy;
    }

    private static String hex(HashAlgorithm algorithm, byte[] data) {
        return HexFormat.of().formatHex(algorithm.newDigest().digest(data));
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
