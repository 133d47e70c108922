package org.campaignledger.simulator.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Draws a one-line progress bar with count, rate and ETA, redrawn in place with a carriage return. */
public final class ConsoleProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;

    public ConsoleProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void onProgress(Progress progress) {
        out.print("\r" + line(progress));
        if (progress.finished()) {
            out.println();
        }
        out.flush();
    }

    String line(Progress progress) {
        int filled = (int) Math.round(progress.fraction() * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String eta = progress.finished() ? "done in " + format(progress.elapsed()) : "ETA " + format(progress.eta());
        return String.format(Locale.ROOT, "%s [%s] %3d%% %,d/%,d  %,.0f cmd/s  %s  rejected %,d  failed %,d ",
                label, bar, Math.round(progress.fraction() * 100), progress.done(), progress.total(),
                progress.ratePerSecond(), eta, progress.rejected(), progress.failed());
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
