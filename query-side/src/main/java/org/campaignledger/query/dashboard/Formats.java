package org.campaignledger.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.campaignledger.platform.serialization.LedgerJson;

/**
 * Numbers and dates as the reader's language writes them ({@code 1.234,5} in Vietnamese, {@code 1,234.5}
 * in English), instants in the campaign's time zone. One per request; the templates reach it as {@code fmt}.
 */
public final class Formats {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = LedgerJson.eventMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final Locale locale;
    private final ZoneId zone;

    Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    Formats inZone(String timeZone) {
        return timeZone == null ? this : new Formats(locale, ZoneId.of(timeZone));
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public String getZone() {
        return zone.getId();
    }

    public String number(Object value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value instanceof BigDecimal decimal ? decimal : ((Number) value).doubleValue());
    }

    public String percent(Object value) {
        return value == null ? "–" : number(value) + " %";
    }

    /** A metric's value: percentages with their sign. */
    public String metric(DashboardMetric metric, BigDecimal value) {
        return metric.percent() ? percent(value) : number(value);
    }

    /** A change, always signed: {@code +3}, {@code −1,5}, {@code 0}. */
    public String delta(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        String text = number(value.abs());
        return value.signum() > 0 ? "+" + text : value.signum() < 0 ? "−" + text : text;
    }

    public String date(LocalDate date) {
        return date == null ? "–" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "–" : instant.atZone(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale));
    }

    public String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** The part after the last dot of a class name: {@code ITOfficerAssignedEvent}. */
    public String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }
}
