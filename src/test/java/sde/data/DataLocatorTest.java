package sde.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 2 item 9: --data, else $SDE_DATA, else data/market, else ../shared/data; the first found wins. */
class DataLocatorTest {
    @TempDir Path tmp;

    private Path checkout() throws Exception {
        Path co = Files.createDirectories(tmp.resolve("work/repo"));
        Fixtures.write(tmp.resolve("work/shared/data/MANIFEST.csv"), "series,kind,file,note\n");
        return co;
    }

    @Test
    void sharedFolderBesideTheCheckoutIsTheLastResort() throws Exception {
        Path co = checkout();
        DataLocator.Resolved r = DataLocator.resolve(null, Map.of(), co, co);
        assertEquals(tmp.resolve("work/shared/data"), r.dir());
        assertEquals("found ../shared/data", r.how());
    }

    @Test
    void anImportedCopyWinsOverTheSharedFolder() throws Exception {
        Path co = checkout();
        Fixtures.write(co.resolve("data/market/MANIFEST.csv"), "series,kind,file,note\n");
        assertEquals(co.resolve("data/market"), DataLocator.resolve(null, Map.of(), co, co).dir());
    }

    @Test
    void environmentWinsOverFoundFoldersAndTheFlagWinsOverAll() throws Exception {
        Path co = checkout();
        Path env = Files.createDirectories(tmp.resolve("env"));
        Path flag = Files.createDirectories(tmp.resolve("flag"));
        assertEquals(env, DataLocator.resolve(null, Map.of("SDE_DATA", env.toString()), co, co).dir());
        assertEquals(flag, DataLocator.resolve(flag, Map.of("SDE_DATA", env.toString()), co, co).dir());
    }

    @Test
    void anExplicitFolderThatDoesNotExistIsAnError() throws Exception {
        Path co = checkout();
        DataException e = assertThrows(DataException.class,
                () -> DataLocator.resolve(null, Map.of("SDE_DATA", "nope"), co, co));
        assertTrue(e.getMessage().contains("data folder given by $SDE_DATA does not exist"), e.getMessage());
    }

    @Test
    void nothingFoundSaysWhatToDo() throws Exception {
        Path lonely = Files.createDirectories(tmp.resolve("lonely/repo"));
        DataException e = assertThrows(DataException.class, () -> DataLocator.resolve(null, Map.of(), lonely, lonely));
        assertTrue(e.getMessage().contains("pass --data DIR, set $SDE_DATA"), e.getMessage());
    }
}
