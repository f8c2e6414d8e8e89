package sde.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny data folders for tests, in the layouts of ../shared/data: SPY/QQQ raw Yahoo-style bars,
 * IWM adjusted bars in the Goro column order, VIX in Cboe format, DTB3 from FRED, FOMC dates.
 */
public final class Fixtures {
    private Fixtures() {}

    /** Weekdays from 2024-01-02, {@code n} of them. */
    public static List<LocalDate> days(int n) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 1, 2); out.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) out.add(d);
        }
        return out;
    }

    public static Path folder(Path dir, int n) {
        List<LocalDate> days = days(n);
        StringBuilder spy = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume,Dividend\n");
        StringBuilder qqq = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        StringBuilder iwm = new StringBuilder("Date,Close,High,Low,Open,Volume\n");
        StringBuilder vix = new StringBuilder("DATE,OPEN,HIGH,LOW,CLOSE\n");
        StringBuilder rate = new StringBuilder("observation_date,DTB3\n");
        for (int i = 0; i < n; i++) {
            LocalDate d = days.get(i);
            double c = 470 + i;
            spy.append(String.format("%s,%.2f,%.2f,%.2f,%.2f,%.4f,1000000,%s%n", d, c - 1, c + 2, c - 2, c, c * 0.99,
                    i == 2 ? "1.5" : "0.0"));
            qqq.append(String.format("%s,%.2f,%.2f,%.2f,%.2f,%.4f,500000%n", d, c - 71, c - 68, c - 72, c - 70, c - 70));
            iwm.append(String.format("%s,%.6f,%.6f,%.6f,%.6f,300000%n", d, 200.123456 + i, 202.123456 + i, 198.123456 + i, 199.123456 + i));
            vix.append(String.format("%02d/%02d/%d,14.0,15.0,13.0,%.2f%n", d.getMonthValue(), d.getDayOfMonth(), d.getYear(),
                    14 + i * 0.1));
            rate.append(d).append(',').append(i == 3 ? "." : "5.25").append('\n');
        }
        write(dir.resolve("SPY.csv"), spy.toString());
        write(dir.resolve("QQQ.csv"), qqq.toString());
        write(dir.resolve("IWM.csv"), iwm.toString());
        write(dir.resolve("VIX_History.csv"), vix.toString());
        write(dir.resolve("DTB3.csv"), rate.toString());
        write(dir.resolve("fomc.csv"), "date\n" + days.get(n / 2) + "\n");
        write(dir.resolve(Manifest.FILE_NAME), """
                series,kind,file,note
                SPY,bars_raw,SPY.csv,test
                QQQ,bars_raw,QQQ.csv,test
                IWM,bars_adjusted,IWM.csv,"adjusted, Goro column order"
                VIX,index,VIX_History.csv,Cboe
                RVX,index,,not available
                DTB3,rate,DTB3.csv,FRED
                FOMC,calendar,fomc.csv,
                """);
        return dir;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the {@code line}-th line (1-based) of a file. */
    public static void replaceLine(Path file, int line, String text) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            lines.set(line - 1, text);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
