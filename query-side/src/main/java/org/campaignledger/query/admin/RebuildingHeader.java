package org.campaignledger.query.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Marks every read answered while a projection is being rebuilt: {@code X-Projection-Rebuilding} lists the
 * projections whose figures are incomplete, so a dashboard can say so instead of showing a dip.
 */
@Configuration(proxyBeanMethods = false)
class RebuildingHeader implements WebMvcConfigurer {

    static final String HEADER = "X-Projection-Rebuilding";

    private final ProjectionAdmin admin;

    RebuildingHeader(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                List<String> rebuilding = admin.rebuilding();
                if (!rebuilding.isEmpty()) {
                    response.setHeader(HEADER, String.join(",", rebuilding));
                }
                return true;
            }
        }).addPathPatterns("/api/campaigns/**");
    }
}
