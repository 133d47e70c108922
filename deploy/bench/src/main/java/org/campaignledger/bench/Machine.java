package org.campaignledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the figures were measured on: they mean nothing without it. */
final class Machine {

    private static final List<String> SETTINGS = List.of("synchronous_commit", "fsync", "wal_sync_method",
            "full_page_writes", "commit_delay", "shared_buffers", "work_mem", "max_wal_size", "checkpoint_timeout",
            "wal_level", "max_connections", "autovacuum", "jit");

    private Machine() {
    }

    static Map<String, Object> describe(JdbcTemplate jdbc) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryTotal", meminfo("MemTotal"));
        machine.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576);
        machine.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        machine.put("postgres", jdbc.queryForObject("select version()", String.class));
        Map<String, String> settings = new LinkedHashMap<>();
        SETTINGS.forEach(name -> settings.put(name, jdbc.queryForObject("show " + name, String.class)));
        machine.put("postgresSettings", settings);
        return machine;
    }

    static long rssBytes() {
        return status("VmRSS");
    }

    /** The kernel's high-water mark of this process's resident set. */
    static long peakRssBytes() {
        return status("VmHWM");
    }

    private static long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String meminfo(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
