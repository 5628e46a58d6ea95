package com.postwarden.scan;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Exactly {@link #BYTES} bytes of mixed objects, the same on every run: text (words, lines, some markup), code-like
 * binary (frequent zero, 0xff and opcode bytes) and incompressible random data, in objects of 2 KiB to 1 MiB.
 * Fixed size, so that a benchmark per pass over it can report time per byte.
 */
final class MixedCorpus {
    /** 8 MiB. */
    static final int BYTES = 8 << 20;
    private static final String[] WORDS = {"the", "of", "and", "mail", "message", "attachment", "invoice",
        "please", "find", "account", "<div>", "</p>", "http://example.org/", "password", "update", "click", "here",
        "Dear", "customer", "regards", "Content-Type:", "text/html;", "charset=utf-8", "1234", "2026", "\n"};
    private static final int[] OPCODES = {0x00, 0x00, 0x00, 0x00, 0xff, 0x8b, 0x89, 0x48, 0xe8, 0xc3, 0x55, 0x83,
        0x0f, 0x74, 0x75, 0xeb, 0x01, 0x04, 0x10, 0x20};

    /** One object and the type the engine would give it. */
    record Sample(Content content, FileType type) {
    }

    private MixedCorpus() {
    }

    static List<Sample> build() {
        Random random = new Random(42);
        List<Sample> samples = new ArrayList<>();
        int left = BYTES;
        while (left > 0) {
            int size = Math.min(left, (int) Math.exp(Math.log(2048) + random.nextDouble() * Math.log(512)));
            byte[] bytes = switch (samples.size() % 5) {
                case 0, 1 -> text(random, size);
                case 2, 3 -> code(random, size);
                default -> noise(random, size);
            };
            Content content = Content.of(bytes);
            samples.add(new Sample(content, FileTypes.detect(content)));
            left -= size;
        }
        return samples;
    }

    private static byte[] text(Random random, int size) {
        StringBuilder text = new StringBuilder(size + 32);
        while (text.length() < size) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ". " : " ");
        }
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }

    private static byte[] code(Random random, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : OPCODES[random.nextInt(OPCODES.length)]);
        }
        return bytes;
    }

    private static byte[] noise(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
