package org.campaignledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document's frame, and the error answers every operation can give: each is an RFC 9457
 * problem ({@code application/problem+json}), declared once as the {@code Problem} schema.
 */
@AutoConfiguration
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String BASIC = "basicAuth";
    private static final String BEARER = "bearerAuth";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI campaignLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Campaign Ledger API").version("1")
                        .description("The system of record of a digital transformation campaign: facts are "
                                + "recorded as commands (POST) and read as projections of the event log (GET). "
                                + "Every error is an RFC 9457 problem.")
                        .license(new License().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("this server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user from configuration (the demo's: department, officer, auditor, "
                                        + "viewer; password = name)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT from the configured issuer; roles and units from its claims")))
                // either way in: the role decides the rest (see each operation's 403)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSchemas(PROBLEM, problemSchema());
            openApi.setComponents(components);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean write = method == PathItem.HttpMethod.POST;
                add(operation, "400", "Invalid request: every bad field is listed under errors");
                add(operation, "401", "Not signed in, or the credentials or token are wrong or expired");
                add(operation, "403", "Your role (or, for a unit officer, your units) may not do this");
                if (path.contains("{")) {
                    add(operation, "404", "Unknown campaign, unit, participant or other resource");
                }
                if (write) {
                    add(operation, "409", "The fact conflicts with what is recorded (the rule is named in type)");
                    add(operation, "412", "If-Match names another version than the current one");
                    add(operation, "415", "The body's content type is not accepted");
                    add(operation, "422", "The fact breaks a campaign rule (dates, catalogue)");
                }
                add(operation, "503", "The database is unreachable; retry after Retry-After seconds");
            }));
        };
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.setProperties(Map.of("field", new StringSchema().description("JSON path of the bad field"),
                "message", new StringSchema().description("what is wrong with it")));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("An RFC 9457 problem detail");
        problem.setProperties(Map.of(
                "type", new StringSchema().description("stable URI reference of the problem type, /problems/{slug}"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema().description("what happened, for a person"),
                "instance", new StringSchema(),
                "rule", new StringSchema().description("the broken rule's slug, for rule violations"),
                "errors", new ArraySchema().items(fieldError).description("every invalid field")));
        return problem;
    }
}
