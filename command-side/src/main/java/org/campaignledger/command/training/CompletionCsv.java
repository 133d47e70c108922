package org.campaignledger.command.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.platform.web.FieldValidationException;

/**
 * Reads a course platform's completion export, row by row without holding the file in memory.
 *
 * <p>Format: UTF-8 (a byte-order mark is allowed), comma, semicolon or tab separated (guessed from
 * the header line), a header row naming at least the columns {@code participantId}, {@code course}
 * and {@code completedOn} (case, spaces and underscores ignored; {@code participant_id},
 * {@code course_code}, {@code completion_date} are accepted too); other columns are ignored. Dates are
 * {@code YYYY-MM-DD} or {@code DD/MM/YYYY}.
 */
final class CompletionCsv {

    private static final Map<String, String> COLUMN_NAMES = Map.of(
            "participantid", "participantId", "learnerid", "participantId",
            "course", "course", "coursecode", "course",
            "completedon", "completedOn", "completiondate", "completedOn", "completedat", "completedOn");
    private static final List<String> REQUIRED = List.of("participantId", "course", "completedOn");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** What became of one line: a readable row, or the reason it could not be read. */
    sealed interface Line permits Readable, Unreadable {
    }

    record Readable(CompletionRow row) implements Line {
    }

    record Unreadable(long line, String reason) implements Line {
    }

    private CompletionCsv() {
    }

    /**
     * Reads every data line, in order, into {@code sink}.
     *
     * @throws FieldValidationException if the header lacks a required column (then nothing was read)
     * @throws UnreadableFileException if the file breaks off (bad encoding, bad quoting) after line
     *                                 {@link UnreadableFileException#lastGoodLine()}
     */
    static void read(InputStream body, Consumer<Line> sink) {
        // bytes that are not UTF-8 become U+FFFD, so a line in another encoding is reported on its own
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, decoder), 64 * 1024);
        long lastLine = 1;
        try {
            skipByteOrderMark(reader);
            char delimiter = guessDelimiter(reader);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                    .setAllowMissingColumnNames(true).setIgnoreHeaderCase(true).get();
            CSVParser parser = format.parse(reader);
            Map<String, String> columns = columns(parser.getHeaderNames());
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lastLine = record.getRecordNumber() + 1;
                sink.accept(parse(record, lastLine, columns));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UnreadableFileException(lastLine,
                    "the file cannot be read after line " + lastLine + ": " + cause.getMessage());
        }
    }

    private static Line parse(CSVRecord record, long line, Map<String, String> columns) {
        if (record.values().length > 0 && String.join(",", record.values()).indexOf('\uFFFD') >= 0) {
            return new Unreadable(line, "the line is not valid UTF-8 (is the file saved in another encoding?)");
        }
        String participant = value(record, columns.get("participantId"));
        String course = value(record, columns.get("course"));
        String date = value(record, columns.get("completedOn"));
        if (participant.isEmpty() || course.isEmpty() || date.isEmpty()) {
            return new Unreadable(line, "participantId, course and completedOn are all required");
        }
        try {
            return new Readable(new CompletionRow(line, new ParticipantId(participant), new CourseCode(course),
                    date(date)));
        } catch (IllegalArgumentException e) {
            return new Unreadable(line, e.getMessage());
        } catch (DateTimeParseException e) {
            return new Unreadable(line, "completedOn '" + date + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).strip() : "";
    }

    private static LocalDate date(String text) {
        return text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
    }

    private static Map<String, String> columns(List<String> header) {
        Map<String, String> columns = new HashMap<>();
        for (String name : header) {
            String canonical = COLUMN_NAMES.get(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
            if (canonical != null) {
                columns.putIfAbsent(canonical, name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new FieldValidationException("header", "the header row must name the columns " + REQUIRED
                    + "; missing " + missing + " in " + header);
        }
        return columns;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static char guessDelimiter(BufferedReader reader) throws IOException {
        reader.mark(8192);
        char[] buffer = new char[8192];
        int read = reader.read(buffer);
        reader.reset();
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        for (int i = 0; i < Math.max(read, 0) && buffer[i] != '\n'; i++) {
            switch (buffer[i]) {
                case ',' -> commas++;
                case ';' -> semicolons++;
                case '\t' -> tabs++;
                default -> { }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** The file could not be read to its end; lines after {@code lastGoodLine} were not read. */
    static final class UnreadableFileException extends RuntimeException {

        private final long lastGoodLine;

        UnreadableFileException(long lastGoodLine, String message) {
            super(message);
            this.lastGoodLine = lastGoodLine;
        }

        long lastGoodLine() {
            return lastGoodLine;
        }
    }
}
