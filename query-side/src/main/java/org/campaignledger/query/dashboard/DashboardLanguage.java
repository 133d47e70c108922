package org.campaignledger.query.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The dashboard speaks Vietnamese and English. The language is the one picked with the switch
 * ({@code ?lang=en}, kept in a cookie), else the first of the browser's languages that the dashboard
 * speaks, else {@code campaign-ledger.dashboard.default-language} (Vietnamese, Hanoi's). Labels live in
 * {@code i18n/dashboard*.properties}, UTF-8; the base bundle is the Vietnamese one.
 */
@Configuration(proxyBeanMethods = false)
class DashboardLanguage implements WebMvcConfigurer {

    static final List<String> SPOKEN = List.of("vi", "en");
    static final String COOKIE = "ledger-lang";

    @Bean
    LocaleResolver localeResolver(@Value("${campaign-ledger.dashboard.default-language:vi}") String fallback) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> browserLanguage(request, Locale.forLanguageTag(fallback)));
        return resolver;
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/dashboard");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // never the server's own locale: a missing English label must not turn up in Vietnamese or the reverse
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                // only the languages the dashboard speaks; anything else forgets the choice
                return SPOKEN.contains(value) ? Locale.forLanguageTag(value) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/dashboard/**");
    }

    static Locale browserLanguage(HttpServletRequest request, Locale fallback) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                if (SPOKEN.contains(locale.getLanguage())) {
                    return Locale.forLanguageTag(locale.getLanguage());
                }
            }
        }
        return fallback;
    }
}
