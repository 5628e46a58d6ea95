package com.postwarden.cli.spam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.postwarden.cli.SpamEngines;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamEngine;
import com.postwarden.spam.SpamResult;
import com.postwarden.spam.Symbol;
import com.postwarden.spam.bayes.InMemoryTokenStore;
import com.postwarden.spam.bayes.TokenStore;
import com.postwarden.spam.rules.RuleSet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code postwarden spam score}: scores message files (directories recursively) as the gateway would, without
 * network checks unless DNS is configured. Exit 0 when none is spam, 1 when some is, 2 on errors.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score message files (.eml; directories recursively) as the gateway would.")
public final class SpamScoreCommand extends SpamSubcommand {
    static final int EXIT_HAM = 0;
    static final int EXIT_SPAM = 1;
    /** Files larger than this are not read: nobody scores a 64 MB file as one message. */
    static final long MAX_FILE_BYTES = 64L << 20;

    @Option(names = "--json", description = "Print one JSON object per message instead of text.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Message files or directories.")
    List<Path> paths = List.of();

    public SpamScoreCommand() {
        this(System.out, System.err);
    }

    SpamScoreCommand(PrintStream out, PrintStream err) {
        super("score", out, err);
    }

    @Override
    int run(GatewayConfig gateway) {
        RuleSet rules;
        try {
            rules = SpamEngines.rules(gateway.spam());
        } catch (IOException e) {
            error("cannot load the spam rules: " + e.getMessage());
            return EXIT_ERROR;
        }
        TokenDatabase database = null;
        TokenStore tokens;
        try {
            database = TokenDatabase.open(gateway);
            tokens = database.tokens();
        } catch (IllegalStateException e) {
            error("the classifier is left out: " + e.getMessage());
            tokens = new InMemoryTokenStore();
        }
        try {
            SpamEngine engine = SpamEngines.build(gateway.spam(), rules, tokens, gateway.smtp().hostname());
            int spam = 0;
            int errors = 0;
            for (Path path : paths) {
                for (Path file : files(path)) {
                    try {
                        spam += score(engine, file) ? 1 : 0;
                    } catch (IOException | UncheckedIOException e) {
                        error(file + ": " + e.getMessage());
                        errors++;
                    }
                }
            }
            out.flush();
            if (errors > 0) {
                return EXIT_ERROR;
            }
            return spam > 0 ? EXIT_SPAM : EXIT_HAM;
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private boolean score(SpamEngine engine, Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes, not read");
        }
        byte[] raw = Files.readAllBytes(file);
        long start = System.nanoTime();
        SpamResult result = engine.score(raw, Envelope.NONE).result();
        double ms = (System.nanoTime() - start) / 1e6;
        out.println(json ? json(file, result, ms) : text(file, result));
        return result.isSpam();
    }

    private static String text(Path file, SpamResult result) {
        StringBuilder line = new StringBuilder();
        line.append(file).append(": ").append(result.isSpam() ? "SPAM" : "HAM")
                .append(String.format(Locale.ROOT, " score=%.1f required=%.1f tests=", result.score(), result.required()));
        List<Symbol> symbols = result.symbols();
        for (int i = 0; i < symbols.size(); i++) {
            line.append(i == 0 ? "" : ",").append(symbols.get(i).name())
                    .append(String.format(Locale.ROOT, "=%.1f", symbols.get(i).score()));
        }
        return line.toString();
    }

    private static String json(Path file, SpamResult result, double ms) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("file", file.toString());
            json.writeNumberField("score", round(result.score()));
            json.writeNumberField("required", result.required());
            json.writeBooleanField("spam", result.isSpam());
            json.writeObjectFieldStart("symbols");
            for (Symbol symbol : result.symbols()) {
                json.writeNumberField(symbol.name(), round(symbol.score()));
            }
            json.writeEndObject();
            json.writeNumberField("ms", round(ms));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The file itself, or every regular file under a directory, in name order. */
    private List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            error(path + ": " + e.getMessage());
            return List.of();
        }
    }
}
