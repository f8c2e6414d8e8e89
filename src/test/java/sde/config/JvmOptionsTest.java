package sde.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark JVM flags are listed twice (pom for surefire, conf/jvm.options for jobs/sde): keep them equal. */
class JvmOptionsTest {
    @Test
    void pomAndLauncherUseTheSameFlags() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int a = pom.indexOf("<sde.jvm.opens>") + "<sde.jvm.opens>".length();
        List<String> fromPom = Arrays.asList(pom.substring(a, pom.indexOf("</sde.jvm.opens>")).trim().split("\\s+"));
        List<String> fromFile = Files.readAllLines(Path.of("conf/jvm.options")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(fromFile, fromPom);
        for (String needed : List.of("java.lang", "java.lang.invoke", "java.nio", "java.util", "sun.nio.ch")) {
            assertTrue(fromFile.contains("--add-opens=java.base/" + needed + "=ALL-UNNAMED"), needed);
        }
    }
}
