package dev.ecstags.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's SDK programs are these files, quoted whole between their markers; this test runs them against the
 * service and checks that the README still quotes them word for word, so the README cannot show code that fails.
 */
class ReadmeExamplesTest extends ServiceTest {

    private static final Path README = Path.of("README.md");
    private static final Path EXAMPLES = Path.of("src/test/java/dev/ecstags/examples");

    @Test
    void theLegacySdkProgramTagsListsAndUntags() throws Exception {
        assertRuns(LegacySdkExample::main);
    }

    @Test
    void theTeaSdkProgramTagsListsAndUntags() throws Exception {
        assertRuns(TeaSdkExample::main);
    }

    @Test
    void theReadmeQuotesBothProgramsWordForWord() throws Exception {
        String readme = Files.readString(README);
        assertThat(readme).contains(quoted("LegacySdkExample.java", "legacy-sdk"));
        assertThat(readme).contains(quoted("TeaSdkExample.java", "tea-sdk"));
    }

    private void assertRuns(Program program) throws Exception {
        IssuedAccessKey key = newNormalKey();
        String account = key.accountId();
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, account, true)));

        String printed = printedBy(program, "127.0.0.1:" + port, key.accessKeyId(), key.accessKeySecret(),
                "cn-hangzhou", instance);

        assertThat(printed).contains(instance + " env=demo", "untagged " + instance);
        assertThat(jdbc.sql("select count(*) from tag where account_id = ?").param(account).query(Integer.class)
                .single()).as("untagged again").isZero();
    }

    /** The file's text between its README markers, as the README shows it in a java block. */
    private static String quoted(String file, String marker) throws Exception {
        String source = Files.readString(EXAMPLES.resolve(file));
        int start = source.indexOf("// README:" + marker + "\n") + ("// README:" + marker + "\n").length();
        int end = source.indexOf("// README:end");
        return "```java\n" + source.substring(start, end) + "```";
    }

    private static synchronized String printedBy(Program program, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program.main(args);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Program {
        void main(String[] args) throws Exception;
    }
}
