package org.campaignledger.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.HdrHistogram.Histogram;

/**
 * B5's clients: 8 threads, each on its own kept-alive connection ({@link PlainHttp}), asking one question after
 * the other, each answer timed from the request's send to its last byte. First every question in turn for the
 * warm-up (the server's JIT compiles the read path only after tens of thousands of requests: a fresh node
 * answered 2–3× slower in its first minute), then each question alone for its measured time, and that
 * {@link Plan#rounds} times over: one round's figures say little on a shared 2-core machine, where runs of one
 * build differ up to 2×, so the bench reports the median of the rounds and their spread.
 * <p>
 * By default the bench runs it in a JVM of its own ({@link #inOwnProcess}), as clients run beside a server: in
 * the bench's JVM its allocations (every answer's bytes, up to 360 KB for a summary) and its threads share the
 * server's heap, collections and safepoints, which measures the client as much as the server.
 * {@link #measure} runs the same clients in the caller's JVM, where the bench's clients used to run, for comparison.
 */
final class LoadClient {

    static final int CLIENTS = 8;
    /** In a path, replaced per request by a random instant of the plan's {@link Plan#instantsFrom} range. */
    static final String RANDOM_INSTANT = "{random-instant}";

    /** One question: a path (maybe with {@link #RANDOM_INSTANT}) asked with one Authorization header. */
    record Question(String name, String path, String authorization) {
    }

    /**
     * @param instantsFrom with {@code instantsMicros}: the range a {@link #RANDOM_INSTANT} is drawn from
     * @param rounds       how many times every question is measured, one after the other, after one warm-up
     */
    record Plan(URI base, Duration warmUp, Duration each, int rounds, Instant instantsFrom, long instantsMicros,
                List<Question> questions) {
    }

    /** One question's answers in one round: how many, and their p50 and p99 in nanoseconds. */
    record Answers(String name, int round, long count, long p50Nanos, long p99Nanos) {
    }

    private LoadClient() {
    }

    /** In this JVM. */
    static List<Answers> measure(Plan plan) throws Exception {
        return new LoadClient().run(plan);
    }

    /** In a JVM of its own, started from this one's java and class path. */
    static List<Answers> inOwnProcess(Plan plan) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        if (isSpringBootJar(System.getProperty("java.class.path"))) {
            // the bench jar: its classes sit in BOOT-INF, reachable through Spring Boot's launcher
            command.add("-Dloader.main=" + LoadClient.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(LoadClient.class.getName());
        }
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (PrintStream plans = new PrintStream(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            write(plan, plans);
        }
        List<Answers> answers = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                String[] fields = line.split("\t");
                if (fields.length == 6 && fields[0].equals("answers")) {
                    answers.add(new Answers(fields[1], Integer.parseInt(fields[2]), Long.parseLong(fields[3]),
                            Long.parseLong(fields[4]), Long.parseLong(fields[5])));
                }
            }
        }
        if (!client.waitFor(1, TimeUnit.MINUTES) || client.exitValue() != 0
                || answers.size() != plan.questions().size() * plan.rounds()) {
            client.destroyForcibly();
            throw new IllegalStateException("the load client failed: " + String.join(" | ", lines));
        }
        return answers;
    }

    /** The child's side: a plan on standard input, one {@code answers} line per question on standard output. */
    public static void main(String[] args) throws Exception {
        Plan plan = read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        try {
            for (Answers answers : measure(plan)) {
                System.out.println(String.join("\t", "answers", answers.name(), String.valueOf(answers.round()),
                        String.valueOf(answers.count()),
                        String.valueOf(answers.p50Nanos()), String.valueOf(answers.p99Nanos())));
            }
        } catch (Exception e) {
            System.out.println("failed\t" + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private List<Answers> run(Plan plan) throws Exception {
        // not the questions of a random instant: each costs the database a second, and 8 clients taking turns
        // would spend the warm-up waiting for them while the read path the JIT must compile stays idle
        List<Question> cached = plan.questions().stream()
                .filter(question -> !question.path().contains(RANDOM_INSTANT)).toList();
        List<Question> uncached = plan.questions().stream()
                .filter(question -> question.path().contains(RANDOM_INSTANT)).toList();
        ask(plan, cached.isEmpty() ? uncached : cached, plan.warmUp(), null);
        List<Answers> all = new ArrayList<>();
        // the cached questions' rounds first: a random instant's second-long queries leave the server's old
        // generation full, and the question measured after them collects twice as often (docs/PERFORMANCE.md)
        measureRounds(plan, cached, all);
        measureRounds(plan, uncached, all);
        return all;
    }

    private void measureRounds(Plan plan, List<Question> questions, List<Answers> all) throws Exception {
        for (int round = 1; round <= plan.rounds(); round++) {
            for (Question question : questions) {
                Histogram histogram = new Histogram(60_000_000_000L, 3);
                ask(plan, List.of(question), plan.each(), histogram);
                all.add(new Answers(question.name(), round, histogram.getTotalCount(),
                        histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99)));
            }
        }
    }

    /** The 8 clients ask the questions in turn (each client starting at another one) for {@code time}. */
    private void ask(Plan plan, List<Question> questions, Duration time, Histogram histogram) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + time.toNanos();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int first = i;
                done.add(clients.submit(() -> {
                    askUntil(end, plan, questions, first, histogram);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** One client on one connection, from question {@code first} on, until {@code end} (a nanoTime). */
    private static void askUntil(long end, Plan plan, List<Question> questions, int first, Histogram histogram)
            throws IOException {
        try (PlainHttp http = new PlainHttp(plan.base())) {
            for (int n = first; System.nanoTime() < end; n++) {
                Question question = questions.get(n % questions.size());
                String path = path(plan, question);
                long start = System.nanoTime();
                PlainHttp.Answer answer = http.get(path, question.authorization());
                long took = System.nanoTime() - start;
                if (answer.status() != 200) {
                    throw new IllegalStateException(path + " answered " + answer.status() + ": "
                            + answer.errorBody());
                }
                if (histogram != null) {
                    synchronized (histogram) {
                        histogram.recordValue(took);
                    }
                }
            }
        }
    }

    private static String path(Plan plan, Question question) {
        if (!question.path().contains(RANDOM_INSTANT)) {
            return question.path();
        }
        Instant instant = plan.instantsFrom().plus(ThreadLocalRandom.current().nextLong(plan.instantsMicros() + 1),
                ChronoUnit.MICROS);
        return question.path().replace(RANDOM_INSTANT, instant.toString());
    }

    static void write(Plan plan, PrintStream out) {
        out.println(String.join("\t", "plan", plan.base().toString(), String.valueOf(plan.warmUp().toMillis()),
                String.valueOf(plan.each().toMillis()), String.valueOf(plan.rounds()), plan.instantsFrom().toString(),
                String.valueOf(plan.instantsMicros())));
        for (Question question : plan.questions()) {
            out.println(String.join("\t", "question", question.name(), question.path(), question.authorization()));
        }
        out.println("end");
    }

    static Plan read(BufferedReader in) throws IOException {
        String[] head = in.readLine().split("\t");
        List<Question> questions = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.equals("end"); line = in.readLine()) {
            String[] fields = line.split("\t");
            questions.add(new Question(fields[1], fields[2], fields[3]));
        }
        return new Plan(URI.create(head[1]), Duration.ofMillis(Long.parseLong(head[2])),
                Duration.ofMillis(Long.parseLong(head[3])), Integer.parseInt(head[4]), Instant.parse(head[5]),
                Long.parseLong(head[6]), questions);
    }

    private static boolean isSpringBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(Path.of(classPath).toFile())) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
