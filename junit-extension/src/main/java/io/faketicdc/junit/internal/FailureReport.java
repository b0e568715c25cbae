package io.faketicdc.junit.internal;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.RequestJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes a fake's request journal when its test fails, so the failure explains itself: as a
 * JUnit report entry (IDEs, build reports, {@code TestExecutionListener}s) and on standard error.
 * Also writes the fake's timeline page ({@link FakeTiCdc#timelineHtml()}) to a file and publishes
 * its path, unless the configuration parameter or system property {@value #TIMELINE} is {@code false}.
 */
public final class FailureReport {
    /** The report entry's key. */
    public static final String KEY = "fake-ticdc requests";
    /** The timeline file's report entry key. */
    public static final String TIMELINE_KEY = "fake-ticdc timeline";
    /** {@code false} turns the timeline file off. */
    public static final String TIMELINE = "fake-ticdc.timeline";

    private FailureReport() { }

    /** Publishes {@code journal.describe()} and the timeline file of {@code fake} for the test of {@code context}. */
    public static void publish(ExtensionContext context, RequestJournal journal, FakeTiCdc fake) {
        String requests = journal.describe();
        context.publishReportEntry(KEY, requests);
        String test = context.getTestClass().map(c -> c.getSimpleName() + " > ").orElse("") + context.getDisplayName();
        System.err.println(KEY + " of " + test + ":\n" + requests);
        if ("false".equalsIgnoreCase(context.getConfigurationParameter(TIMELINE).orElse("").trim())) return;
        try {
            Path file = Timeline.write(context, fake.timelineHtml());
            context.publishReportEntry(TIMELINE_KEY, file.toString());
            System.err.println(TIMELINE_KEY + " of " + test + ": " + file.toUri());
        } catch (IOException | RuntimeException e) {
            System.err.println(TIMELINE_KEY + " of " + test + " not written: " + e);
        }
    }

    /** Where the timeline file goes. */
    static final class Timeline {
        private Timeline() { }

        static Path write(ExtensionContext context, String html) throws IOException {
            Path file = directory().resolve(fileName(context));
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        }

        static Path directory() {
            Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
            if (Files.isDirectory(target)) return target.resolve("surefire-reports").resolve("fake-ticdc");
            return Path.of(System.getProperty("java.io.tmpdir"), "fake-ticdc");
        }

        /** {@code <TestClass>-<method>.html}; a repeated or parameterized test's invocation adds its number. */
        static String fileName(ExtensionContext context) {
            String name = context.getTestClass().map(Class::getName).orElse("test")
                    + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
            String id = context.getUniqueId();
            int invocation = id.lastIndexOf("-invocation:#");
            if (invocation >= 0) name += "-" + id.substring(invocation + "-invocation:#".length()).replace("]", "");
            return name.replaceAll("[^A-Za-z0-9._$-]", "_") + ".html";
        }
    }
}
