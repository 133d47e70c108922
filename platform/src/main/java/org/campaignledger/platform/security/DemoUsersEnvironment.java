package org.campaignledger.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.campaignledger.platform.PlatformDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the demo's users ({@code campaign-ledger-demo-users.properties}) when
 * {@value PlatformDefaults#DEMO_USERS}{@code =true}. Runs after the application's own configuration
 * (application.properties, the environment, the command line) is loaded, so a setting from any of them
 * counts, and adds the users last, so configured users of the same name win.
 */
public class DemoUsersEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PlatformDefaults.DEMO_USERS, Boolean.class, false)) {
            return;
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load("demo-users", new ClassPathResource("campaign-ledger-demo-users.properties"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
