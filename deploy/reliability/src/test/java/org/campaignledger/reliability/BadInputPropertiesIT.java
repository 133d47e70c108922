package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.reliability.CommandEndpoints.Endpoint;
import org.campaignledger.reliability.CommandEndpoints.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Property-based bad input for every command endpoint (jqwik): a body the endpoint accepts, mutated into one it
 * must refuse — a field missing, an unknown field, a value of the wrong type, a huge string, control characters,
 * a date far in the past or future, a negative or overflowing number, deeply nested JSON, invalid UTF-8, a
 * truncated or not-JSON body, a very large body, a wrong content type, a path variable of junk. Every answer must
 * be a 4xx {@code application/problem+json} and the event table must not change. The application runs on a
 * private PostgreSQL cluster, so nothing else writes to its log.
 */
class BadInputPropertiesIT {

    enum Mutation {
        MISSING_FIELD, UNKNOWN_FIELD, WRONG_TYPE, HUGE_STRING, CONTROL_CHARACTERS, FAR_DATE, BAD_NUMBER,
        DEEP_NESTING, INVALID_UTF8, TRUNCATED, NOT_JSON, LARGE_BODY, WRONG_CONTENT_TYPE, JUNK_PATH_VARIABLE
    }

    record BadRequest(Endpoint endpoint, Mutation mutation, String path, String contentType, byte[] body) {

        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return mutation + " " + endpoint + " -> POST " + abbreviate(path) + " (" + contentType + ", "
                    + body.length + " bytes): " + shown;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PrivatePostgres postgres;
    private static RunningLedger ledger;
    private static JdbcTemplate jdbc;
    private static Fixtures fixtures;
    private static List<Endpoint> endpoints;
    private static List<String> participants;
    private static List<String> courses;

    @BeforeContainer
    static void start() throws Exception {
        postgres = PrivatePostgres.start();
        ledger = RunningLedger.start(postgres.jdbcUrl(), List.of());
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
        LaunchCampaignCommand launch = SampleCampaign.launch("fuzz", 3);
        String campaign = launch.campaignId().value();
        String unit = launch.units().get(0).code().value();
        fixtures = new Fixtures(campaign, unit, campaign + ":sp-1", campaign + ":p-1", "officer-1",
                launch.startDate());
        assertThat(SampleCampaign.sender(ledger.baseUrl(), Duration.ofSeconds(30))
                .send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
        String day = launch.startDate().plusDays(1).toString();
        accepted("/api/campaigns/" + campaign + "/support-points", "{\"pointId\":\"" + fixtures.point()
                + "\",\"unitCode\":\"" + unit + "\",\"location\":\"Nhà văn hoá\",\"occurredOn\":\"" + day + "\"}");
        accepted("/api/campaigns/" + campaign + "/participants", "{\"participantId\":\"" + fixtures.participant()
                + "\",\"unitCode\":\"" + unit + "\",\"role\":\"OFFICIAL\",\"occurredOn\":\"" + day + "\"}");
        accepted("/api/campaigns/" + campaign + "/units/" + unit + "/it-officers", "{\"officerId\":\""
                + fixtures.officer() + "\",\"employment\":\"STAFF\",\"occurredOn\":\"" + day + "\"}");
        endpoints = CommandEndpoints.all(fixtures);
        participants = new ArrayList<>(List.of(fixtures.participant()));
        for (int i = 2; i <= 12; i++) {
            String participant = campaign + ":p-" + i;
            accepted("/api/campaigns/" + campaign + "/participants", "{\"participantId\":\"" + participant
                    + "\",\"unitCode\":\"" + unit + "\",\"role\":\"OFFICIAL\",\"occurredOn\":\"" + day + "\"}");
            participants.add(participant);
        }
        courses = launch.courses().stream().map(course -> course.value()).toList();
    }

    @AfterContainer
    static void stop() throws Exception {
        if (ledger != null) {
            ledger.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Example
    void everyCommandEndpointOfTheApiDocumentIsFuzzed() throws Exception {
        JsonNode document = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(ledger.baseUrl()
                + "/v3/api-docs")).header("Authorization", LedgerChecks.BASIC_DEPARTMENT).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        Set<String> posts = new TreeSet<>();
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            JsonNode post = document.path("paths").path(path).path("post");
            if (!post.isMissingNode() && post.path("requestBody").path("content").has("application/json")) {
                posts.add(path);
            }
        }
        assertThat(posts).as("the command endpoints in /v3/api-docs").hasSizeGreaterThanOrEqualTo(16);
        assertThat(endpoints.stream().map(Endpoint::template).toList()).containsAll(posts);
    }

    /** The templates are right: unmutated, each body is accepted (so a refusal below is the mutation's doing). */
    @Example
    void everyUnmutatedBodyIsAccepted() throws Exception {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.template().endsWith("/close") || endpoint.template().endsWith("/release")) {
                continue; // would end the fixtures the other endpoints need
            }
            int status = send(new BadRequest(endpoint, null, endpoint.path(fixtures), "application/json",
                    JSON.writeValueAsBytes(endpoint.validBody().get()))).statusCode();
            assertThat(status).as(endpoint.toString()).isEqualTo(201);
        }
    }

    @Property(tries = 1000)
    void everyMutatedRequestIsRefusedWithAProblemAndRecordsNothing(@ForAll("badRequests") BadRequest request)
            throws Exception {
        long before = eventCount();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(request + " answered " + response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(request + " answered " + response.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("type").asText()).startsWith("/problems/");
        assertThat(eventCount()).as("events after " + request).isEqualTo(before);
    }

    /**
     * A course-completion file with good rows, bad rows (unknown participant, bad date, bad course, missing
     * fields, control characters, a line in another encoding, a huge field), duplicates, under random headers,
     * delimiters, BOMs, line endings and truncations: answered with a report in which every row is applied,
     * already recorded or rejected with its line, and exactly the applied rows reach the log; a file whose
     * header lacks a column is a 400 problem and records nothing; importing the same file again adds nothing.
     */
    @Property(tries = 60)
    void csvImportsReportEveryRowAndRecordOnlyWhatTheyReport(@ForAll("csvFiles") CsvFile file) throws Exception {
        long before = eventCount();
        HttpResponse<String> first = importCsv(file.bytes());
        long added = eventCount() - before;
        assertThat(first.statusCode()).as(file + " answered " + first.body()).isIn(200, 400);
        if (first.statusCode() == 400) {
            assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(added).isZero();
            return;
        }
        JsonNode report = JSON.readTree(first.body());
        long rows = report.path("rows").asLong();
        long applied = report.path("applied").asLong();
        long rejected = report.path("rejected").asLong();
        assertThat(applied + report.path("alreadyRecorded").asLong() + rejected).as(file + " " + report)
                .isEqualTo(rows);
        assertThat(report.path("errors").size()).as(file + " " + report).isEqualTo(rejected);
        for (JsonNode error : report.path("errors")) {
            assertThat(error.path("line").asLong()).isGreaterThan(1);
            assertThat(error.path("reason").asText()).isNotBlank();
        }
        assertThat(added).as("events recorded by " + file + ", report " + report).isEqualTo(applied);

        HttpResponse<String> again = importCsv(file.bytes());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("applied").asLong()).as("re-import of " + file).isZero();
        assertThat(eventCount() - before).isEqualTo(applied);
    }

    /** 100,000 rows in one file: counted to the last, errors listed up to the cap, only applied rows in the log. */
    @Example
    void importsAHundredThousandRowFileAndCapsItsErrorList() throws Exception {
        long before = eventCount();
        StringBuilder csv = new StringBuilder("participantId,course,completedOn\n");
        for (int i = 0; i < 100_000; i++) {
            String participant = participants.get(1 + i % (participants.size() - 1));
            String course = courses.get((i / (participants.size() - 1)) % courses.size());
            String date = i % 7 == 3 ? "2025-31-12" : fixtures.start().plusDays(1 + i % 20).toString();
            csv.append(participant).append(',').append(course).append(',').append(date).append('\n');
        }
        HttpResponse<String> response = importCsv(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body().substring(0, Math.min(500, response.body().length())))
                .isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.path("rows").asLong()).isEqualTo(100_000);
        assertThat(report.path("applied").asLong() + report.path("alreadyRecorded").asLong()
                + report.path("rejected").asLong()).isEqualTo(100_000);
        assertThat(report.path("rejected").asLong()).isGreaterThan(10_000);
        assertThat(report.path("errorsTruncated").asBoolean()).isTrue();
        assertThat(report.path("errors").size()).isEqualTo(10_000);
        assertThat(eventCount() - before).isEqualTo(report.path("applied").asLong());
    }

    record CsvFile(String description, byte[] bytes) {
        @Override
        public String toString() {
            return description + " (" + bytes.length + " bytes)";
        }
    }

    @Provide
    Arbitrary<CsvFile> csvFiles() {
        return Arbitraries.longs().map(seed -> csv(new Random(seed)));
    }

    static CsvFile csv(Random random) {
        List<String> notes = new ArrayList<>();
        char delimiter = List.of(',', ';', '\t', '|').get(random.nextInt(4));
        notes.add("delimiter " + (int) delimiter);
        String[] header = random.nextBoolean() ? new String[] {"participantId", "course", "completedOn", "name"}
                : new String[] {"participant_id", "Course Code", "completion_date", "note"};
        if (random.nextInt(10) == 0) {
            header[2] = "finished";
            notes.add("no date column");
        }
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            notes.add("BOM");
        }
        out.writeBytes((String.join(String.valueOf(delimiter), header) + newline).getBytes(StandardCharsets.UTF_8));
        List<String[]> written = new ArrayList<>();
        int rows = random.nextInt(120);
        for (int i = 0; i < rows; i++) {
            // p-1 is left to the endpoint properties (whose course completion must stay new)
            String[] row = {participants.get(1 + random.nextInt(participants.size() - 1)),
                    courses.get(random.nextInt(courses.size())),
                    fixtures.start().plusDays(random.nextInt(30)).toString(), "Nguyễn Văn A"};
            byte[] bytes = null;
            switch (random.nextInt(12)) {
                case 0 -> row[0] = "unknown-" + random.nextInt(1000);
                case 1 -> row[2] = List.of("2025-02-30", "31/31/2025", "yesterday", "", "+99999-01-01")
                        .get(random.nextInt(5));
                case 2 -> row[1] = "NOT A COURSE!";
                case 3 -> row[0] = "";
                case 4 -> row[0] = row[0] + "\u0000\u0007";
                case 5 -> {
                    row[3] = "café à São Paulo"; // saved as Latin-1 by another tool: not UTF-8
                    bytes = (String.join(String.valueOf(delimiter), row) + newline)
                            .getBytes(StandardCharsets.ISO_8859_1);
                }
                case 6 -> row[3] = "x".repeat(10_000 + random.nextInt(50_000));
                case 7 -> {
                    if (!written.isEmpty()) {
                        row = written.get(random.nextInt(written.size()));
                    }
                }
                case 8 -> row[3] = "\"an unclosed quote";
                case 9 -> row[2] = fixtures.start().plusDays(random.nextInt(30)).format(
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
                default -> { }
            }
            if (bytes == null) {
                bytes = (String.join(String.valueOf(delimiter), row) + newline).getBytes(StandardCharsets.UTF_8);
            }
            out.writeBytes(bytes);
            written.add(row);
        }
        byte[] file = out.toByteArray();
        if (random.nextInt(4) == 0 && file.length > 1) {
            file = java.util.Arrays.copyOf(file, 1 + random.nextInt(file.length - 1));
            notes.add("truncated");
        }
        return new CsvFile(rows + " rows, " + String.join(", ", notes), file);
    }

    private static HttpResponse<String> importCsv(byte[] csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/api/campaigns/"
                        + fixtures.campaign() + "/imports/course-completions"))
                .timeout(Duration.ofSeconds(300))
                .header("Content-Type", "text/csv")
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        return Combinators.combine(Arbitraries.of(endpoints), Arbitraries.of(Mutation.class), Arbitraries.longs())
                .as((endpoint, mutation, seed) -> mutate(endpoint, mutation, new Random(seed)));
    }

    static BadRequest mutate(Endpoint endpoint, Mutation mutation, Random random) {
        ObjectNode body = endpoint.validBody().get();
        String path = endpoint.path(fixtures);
        String contentType = "application/json";
        List<String> required = new ArrayList<>();
        body.fieldNames().forEachRemaining(field -> {
            if (!endpoint.optional().contains(field)) {
                required.add(field);
            }
        });
        String field = required.get(random.nextInt(required.size()));
        byte[] bytes;
        switch (mutation) {
            case MISSING_FIELD -> body.remove(field);
            case UNKNOWN_FIELD -> body.set("x" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
                    Junk.value(random));
            case WRONG_TYPE -> body.set(field, Junk.otherType(body.get(field), random));
            case HUGE_STRING -> body.put(textual(body, field, random), Junk.hugeString(random));
            case CONTROL_CHARACTERS -> {
                String target = textual(body, field, random);
                body.put(target, Junk.withControlCharacters(body.get(target).asText(), random));
            }
            case FAR_DATE -> body.put(date(body, random), Junk.farDate(random));
            case BAD_NUMBER -> {
                String target = numeric(body, random);
                body.set(target == null ? field : target, Junk.badNumber(random));
            }
            case DEEP_NESTING -> body.set(field, null);
            case JUNK_PATH_VARIABLE -> path = Junk.junkPathVariable(endpoint, path, random);
            case WRONG_CONTENT_TYPE -> contentType = List.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "text/csv").get(random.nextInt(4));
            default -> {
                // the others change the bytes below
            }
        }
        bytes = write(body);
        switch (mutation) {
            case DEEP_NESTING -> bytes = Junk.deeplyNested(bytes, field, random);
            case INVALID_UTF8 -> bytes = Junk.withInvalidUtf8(bytes, random);
            case TRUNCATED -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length - 1));
            case NOT_JSON -> bytes = Junk.notJson(random);
            case LARGE_BODY -> bytes = Junk.padded(bytes, 1_000_000 + random.nextInt(3_000_000));
            default -> {
                // done above
            }
        }
        return new BadRequest(endpoint, mutation, path, contentType, bytes);
    }

    private static String textual(ObjectNode body, String preferred, Random random) {
        if (body.get(preferred).isTextual()) {
            return preferred;
        }
        List<String> textual = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                textual.add(e.getKey());
            }
        });
        return textual.get(random.nextInt(textual.size()));
    }

    private static String date(ObjectNode body, Random random) {
        List<String> dates = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() && e.getValue().asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                dates.add(e.getKey());
            }
        });
        return dates.get(random.nextInt(dates.size()));
    }

    private static String numeric(ObjectNode body, Random random) {
        List<String> numbers = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                numbers.add(e.getKey());
            }
        });
        return numbers.isEmpty() ? null : numbers.get(random.nextInt(numbers.size()));
    }

    private static byte[] write(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(BadRequest request) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ledger.baseUrl() + request.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", request.contentType())
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void accepted(String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ledger.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
    }

    private static long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The raw material of the mutations. */
    static final class Junk {

        private Junk() {
        }

        static JsonNode value(Random random) {
            return switch (random.nextInt(5)) {
                case 0 -> JSON.getNodeFactory().textNode(randomText(random, 1 + random.nextInt(40)));
                case 1 -> JSON.getNodeFactory().numberNode(random.nextLong());
                case 2 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
                case 3 -> JSON.getNodeFactory().nullNode();
                default -> JSON.getNodeFactory().objectNode().put("nested", random.nextInt());
            };
        }

        /** A value whose JSON type differs from the valid one's (the application's mapper coerces nothing). */
        static JsonNode otherType(JsonNode valid, Random random) {
            var nodes = JSON.getNodeFactory();
            List<JsonNode> candidates = new ArrayList<>();
            if (!valid.isTextual()) {
                candidates.add(nodes.textNode(randomText(random, 1 + random.nextInt(20))));
            }
            if (!valid.isNumber()) {
                candidates.add(nodes.numberNode(random.nextInt()));
                candidates.add(nodes.numberNode(random.nextDouble() * 1e6));
            }
            if (!valid.isBoolean()) {
                candidates.add(nodes.booleanNode(random.nextBoolean()));
            }
            if (!valid.isObject()) {
                candidates.add(nodes.objectNode().put("value", valid.toString()));
            }
            if (!valid.isArray()) {
                candidates.add(nodes.arrayNode().add(valid));
            }
            candidates.add(nodes.nullNode());
            return candidates.get(random.nextInt(candidates.size()));
        }

        static String hugeString(Random random) {
            int length = 5_000 + random.nextInt(200_000);
            StringBuilder text = new StringBuilder(length);
            String alphabet = "abcxyzĐđƯươầếỹ0123456789-_ .";
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        static String withControlCharacters(String value, Random random) {
            char[] controls = {'\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F',
                    '\u007F', '\u0085', '\u009F', '\uFFFF', '\uD800'};
            StringBuilder text = new StringBuilder(value);
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                text.insert(random.nextInt(text.length() + 1), controls[random.nextInt(controls.length)]);
            }
            return text.toString();
        }

        static String farDate(Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> String.format("%04d-%02d-%02d", 1 + random.nextInt(1899), 1 + random.nextInt(12),
                        1 + random.nextInt(28));
                case 1 -> String.format("%04d-%02d-%02d", 2200 + random.nextInt(7799), 1 + random.nextInt(12),
                        1 + random.nextInt(28));
                case 2 -> "+999999999-12-31";
                case 3 -> "-999999999-01-01";
                case 4 -> "2025-02-30";
                default -> "2025-13-01";
            };
        }

        static JsonNode badNumber(Random random) {
            var nodes = JSON.getNodeFactory();
            return switch (random.nextInt(7)) {
                case 0 -> nodes.numberNode(-1 - random.nextInt(1000));
                case 1 -> nodes.numberNode(0);
                case 2 -> nodes.numberNode(2_147_483_648L + random.nextInt(1000));
                case 3 -> nodes.numberNode(new java.math.BigInteger("9223372036854775808").shiftLeft(
                        random.nextInt(64)));
                case 4 -> nodes.numberNode(new java.math.BigDecimal("1e" + (20 + random.nextInt(400))));
                case 5 -> nodes.numberNode(-2_147_483_649L);
                default -> nodes.numberNode(1.5);
            };
        }

        /** The field's value replaced by arrays or objects nested deeper than any parser should follow. */
        static byte[] deeplyNested(byte[] body, String field, Random random) {
            int depth = 1_001 + random.nextInt(100_000);
            boolean arrays = random.nextBoolean();
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            String json = new String(body, StandardCharsets.UTF_8);
            String nested = open.repeat(depth) + "1" + close.repeat(depth);
            return json.replace("\"" + field + "\":null", "\"" + field + "\":" + nested)
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** Bytes that are not UTF-8 (a lone continuation, an overlong form, a surrogate, 0xFF) inside a string. */
        static byte[] withInvalidUtf8(byte[] body, Random random) {
            byte[][] invalid = {{(byte) 0x80}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
                    {(byte) 0xE2, (byte) 0x82}};
            List<Integer> insideStrings = new ArrayList<>();
            boolean inString = false;
            for (int i = 0; i < body.length; i++) {
                if (body[i] == '"') {
                    inString = !inString;
                } else if (inString) {
                    insideStrings.add(i);
                }
            }
            int at = insideStrings.get(random.nextInt(insideStrings.size()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(body, 0, at);
            out.writeBytes(invalid[random.nextInt(invalid.length)]);
            out.write(body, at, body.length - at);
            return out.toByteArray();
        }

        static byte[] notJson(Random random) {
            byte[] bytes = new byte[1 + random.nextInt(2000)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                return ("<xml>" + randomText(random, 50) + "</xml>").getBytes(StandardCharsets.UTF_8);
            }
            // never a JSON value by chance: start with a byte no JSON text starts with
            bytes[0] = (byte) ('#');
            return bytes;
        }

        /** The valid body with a multi-megabyte field added: refused for its size (or as an unknown field). */
        static byte[] padded(byte[] body, int size) {
            String json = new String(body, StandardCharsets.UTF_8);
            return (json.substring(0, json.length() - 1) + ",\"padding\":\"" + "x".repeat(size) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        static String junkPathVariable(Endpoint endpoint, String path, Random random) {
            List<String> junk = List.of("..", "%2e%2e", "%00", "x".repeat(300), "%C3%28", "%20", "a%2Fb",
                    URLEncoder.encode(randomText(random, 20), StandardCharsets.UTF_8), "%E2%80%AE", "null",
                    "-1", "%FF");
            String template = endpoint.template();
            List<String> variables = new ArrayList<>();
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            if (variables.isEmpty()) {
                return path + "/" + junk.get(random.nextInt(junk.size()));
            }
            String variable = variables.get(random.nextInt(variables.size()));
            String chosen = junk.get(random.nextInt(junk.size()));
            String rebuilt = template;
            for (String name : variables) {
                rebuilt = rebuilt.replace("{" + name + "}", name.equals(variable) ? chosen
                        : new Endpoint("{" + name + "}", null, Set.of()).path(fixtures));
            }
            return rebuilt;
        }

        private static String randomText(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x2FFF) : 'a' + random.nextInt(26));
            }
            return text.toString();
        }
    }
}
