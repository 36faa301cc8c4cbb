package com.company.onboarding.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.access.AccessPolicy.Need;
import com.company.onboarding.config.AccessConfig;
import com.company.onboarding.config.AccessConfig.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pieces of access that need no server: which paths need a token, the header, the identities, the imports. */
class AccessRulesTest {

    private static AccessConfig config(boolean protectMetrics, boolean protectOpenapi, Map<String, AccessConfig.Token> tokens) {
        return new AccessConfig() {
            @Override
            public Map<String, Token> tokens() {
                return tokens;
            }

            @Override
            public boolean protectMetrics() {
                return protectMetrics;
            }

            @Override
            public boolean protectOpenapi() {
                return protectOpenapi;
            }
        };
    }

    private static AccessConfig.Token token(String secret, String subject, Role... roles) {
        return new AccessConfig.Token() {
            @Override
            public Optional<String> token() {
                return Optional.of(secret);
            }

            @Override
            public Optional<String> tokenSha256() {
                return Optional.empty();
            }

            @Override
            public String subject() {
                return subject;
            }

            @Override
            public List<Role> roles() {
                return List.of(roles);
            }
        };
    }

    private static AccessPolicy policy(boolean protectMetrics, boolean protectOpenapi) {
        AccessConfig config = config(protectMetrics, protectOpenapi, Map.of());
        return new AccessPolicy(new AccessTokens(config), config);
    }

    @Test
    void healthIsOpenToReadsOnlyAndEverythingElseNeedsAToken() {
        AccessPolicy policy = policy(false, false);
        assertEquals(Need.NOTHING, policy.need(HttpMethod.GET, "/q/health"));
        assertEquals(Need.NOTHING, policy.need(HttpMethod.HEAD, "/q/health/ready"));
        assertEquals(Need.NOTHING, policy.need(HttpMethod.GET, "/q/metrics"));
        assertEquals(Need.NOTHING, policy.need(HttpMethod.GET, "/q/openapi"));
        assertEquals(Need.A_TOKEN, policy.need(HttpMethod.POST, "/q/health"));
        assertEquals(Need.A_READER_TOKEN, policy.need(HttpMethod.POST, "/q/metrics"));
        // Spellings that are not the open paths ask for more, never less.
        for (String path : List.of("/q/health;x=1", "/q/healthz", "/q/health%2F", "/q", "/q/", "/services", "/profiles",
                "/no/such/path", "/")) {
            assertEquals(Need.A_TOKEN, policy.need(HttpMethod.GET, path), path);
        }
    }

    @Test
    void metricsAndOpenapiNeedAReaderTokenWhenProtected() {
        AccessPolicy policy = policy(true, true);
        assertEquals(Need.A_READER_TOKEN, policy.need(HttpMethod.GET, "/q/metrics"));
        assertEquals(Need.A_READER_TOKEN, policy.need(HttpMethod.GET, "/q/openapi"));
        assertEquals(Need.NOTHING, policy.need(HttpMethod.GET, "/q/health/live"));
    }

    @Test
    void onlyABearerHeaderCarriesAToken() {
        assertEquals(Optional.of("abc"), BearerTokenMechanism.bearer("Bearer abc"));
        assertEquals(Optional.of("abc"), BearerTokenMechanism.bearer("bearer  abc "));
        assertEquals(Optional.of(""), BearerTokenMechanism.bearer("Bearer   "), "a blank token is a wrong token");
        for (String header : Arrays.asList(null, "", "Bearer", "Bearer ", "Basic eDphYmM=", "Token abc", "Bearerabc")) {
            assertEquals(Optional.empty(), BearerTokenMechanism.bearer(header), String.valueOf(header));
        }
    }

    @Test
    void aTokenBecomesItsSubjectWithItsRolesAndAnOnboarderIsAReader() {
        AccessTokens tokens = new AccessTokens(config(false, false, Map.of(
                "ui", token("reader-secret", "backstage-catalog-ui", Role.reader),
                "scaffolder", token("onboarder-secret", "backstage-scaffolder", Role.onboarder))));
        SecurityIdentity onboarder = tokens.caller("onboarder-secret").orElseThrow().identity();
        assertEquals("backstage-scaffolder", onboarder.getPrincipal().getName());
        assertTrue(onboarder.hasRole(Roles.ONBOARDER) && onboarder.hasRole(Roles.READER));
        assertFalse(onboarder.isAnonymous());
        SecurityIdentity reader = tokens.caller("reader-secret").orElseThrow().identity();
        assertTrue(reader.hasRole(Roles.READER));
        assertFalse(reader.hasRole(Roles.ONBOARDER));
        assertEquals(Caller.of(reader), tokens.caller("reader-secret").orElseThrow());
        assertEquals(Optional.empty(), tokens.caller("reader-secret "));
    }

    @Test
    void theRoleNamesOfTheAnnotationsAreTheConfigurationsRoles() {
        assertEquals(List.of(Roles.READER, Roles.ONBOARDER), Stream.of(Role.values()).map(Role::name).toList());
    }

    /** Resources use access (its roles, the caller); access renders nothing, so it needs nothing of api. */
    @Test
    void accessImportsOnlyConfigurationOfTheProject() throws IOException {
        Pattern ours = Pattern.compile("^import (static )?com\\.company\\.onboarding\\.(\\w+)\\.", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(Path.of("src/main/java/com/company/onboarding/access"))) {
            for (Path file : files.toList()) {
                Matcher m = ours.matcher(Files.readString(file));
                while (m.find()) {
                    assertTrue(List.of("access", "config").contains(m.group(2)), file.getFileName() + " imports " + m.group());
                }
            }
        }
    }
}
