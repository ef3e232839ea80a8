package dev.ecstags.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin API's OpenAPI description (springdoc, at /v3/api-docs): every call needs the bearer admin token. */
@Configuration(proxyBeanMethods = false)
class AdminOpenApiConfiguration {

    private static final String ADMIN_TOKEN = "adminToken";

    @Bean
    OpenAPI adminApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("ecs-tag-service admin API")
                        .description("Issue and manage AccessKeys, register resources, re-seal secrets after a "
                                + "master-key rotation. Errors are RFC 9457 problem details; every 400 lists the "
                                + "broken fields in `errors`.")
                        .version(properties == null ? "dev" : properties.getVersion())
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("TAGS_ADMIN_TOKEN (any of its comma-separated tokens)")))
                .addSecurityItem(new SecurityRequirement().addList(ADMIN_TOKEN));
    }
}
