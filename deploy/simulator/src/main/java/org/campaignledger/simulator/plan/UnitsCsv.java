package org.campaignledger.simulator.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.unit.UnitCode;

/**
 * Reads units from a CSV file shaped like {@code shared/data/hanoi-units-2025.csv}: a header row with
 * at least {@code code,name,kind}; {@code population,lon,lat} are used when present and not empty.
 */
public final class UnitsCsv {

    /** Hanoi's 126 communes and wards of 1 July 2025, shipped with the simulator (see the .md next to it). */
    public static final String HANOI_RESOURCE = "hanoi-units-2025.csv";

    private UnitsCsv() {
    }

    public static List<UnitDefinition> hanoi() {
        InputStream in = UnitsCsv.class.getResourceAsStream(HANOI_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Resource " + HANOI_RESOURCE + " is missing from the simulator jar");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<UnitDefinition> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read units from " + file, e);
        }
    }

    public static List<UnitDefinition> read(Reader reader) throws IOException {
        List<UnitDefinition> units = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord row : format.parse(reader)) {
            units.add(new UnitDefinition(new UnitCode(row.get("code").trim()), row.get("name").trim(),
                    UnitKind.valueOf(row.get("kind").trim().toUpperCase(Locale.ROOT)),
                    optional(row, "population") == null ? null : Long.valueOf(optional(row, "population")),
                    optional(row, "lon") == null ? null : Double.valueOf(optional(row, "lon")),
                    optional(row, "lat") == null ? null : Double.valueOf(optional(row, "lat"))));
        }
        return List.copyOf(units);
    }

    private static String optional(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }
}
