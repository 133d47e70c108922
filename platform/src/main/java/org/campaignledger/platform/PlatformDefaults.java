package org.campaignledger.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Adds {@code platform-defaults.properties}, then every module's
 * {@code campaign-ledger-defaults/*.properties} (e.g. the query side's processor settings), as the
 * lowest-precedence property sources of every application that uses the platform. So a module's
 * settings travel with its jar: the command side, the query side and the all-in-one launcher all get
 * them, and each application can still override any of them. The demo's users are added by
 * {@link org.campaignledger.platform.security.DemoUsersEnvironment}, once the application's own
 * configuration is known.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    /** Adds the demo's well-known users (department, officer, auditor, viewer; password = name). */
    public static final String DEMO_USERS = "campaign-ledger.security.demo-users";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon reads this one as a system property before Spring is up
        System.setProperty("disable-axoniq-console-message", "true");
        try {
            PropertiesPropertySourceLoader loader = new PropertiesPropertySourceLoader();
            loader.load("platform-defaults", new ClassPathResource("platform-defaults.properties"))
                    .forEach(environment.getPropertySources()::addLast);
            Resource[] modules = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:campaign-ledger-defaults/*.properties");
            Arrays.sort(modules, Comparator.comparing(Resource::getFilename));
            for (Resource module : modules) {
                loader.load("module-defaults:" + module.getFilename(), module)
                        .forEach(environment.getPropertySources()::addLast);
            }

        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
