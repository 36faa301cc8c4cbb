package com.company.onboarding.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.company.onboarding.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * Which role each operation needs is written on its resource method, and this is the table of
 * them: a new operation fails this test until it is added here with its role, so no endpoint is
 * ever open by omission (and Quarkus denies an unannotated one anyway).
 */
class ResourceRolesTest {

    private static final List<Class<?>> RESOURCES = List.of(ServiceResource.class, ProfileResource.class,
            CatalogResource.class);

    @Test
    void everyOperationNeedsTheRoleInThisTable() {
        Map<String, String> expected = new TreeMap<>();
        expected.put("listServices", Roles.READER);
        expected.put("getService", Roles.READER);
        expected.put("validateService", Roles.READER);
        expected.put("previewService", Roles.READER);
        expected.put("previewExistingService", Roles.READER);
        expected.put("onboardService", Roles.ONBOARDER);
        expected.put("listProfiles", Roles.READER);
        expected.put("getProfile", Roles.READER);
        expected.put("getCatalogRef", Roles.READER);
        expected.put("diffService", Roles.READER);
        expected.put("diffServiceAtRef", Roles.READER);
        expected.put("updateService", Roles.ONBOARDER);
        expected.put("getCatalogImpact", Roles.READER);
        Map<String, String> actual = new TreeMap<>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                actual.put(method.getAnnotation(Operation.class).operationId(),
                        roles == null ? "(none)" : String.join(",", roles.value()));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void everyResourceOfThePackageIsInTheTable() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/com/company/onboarding/api"))) {
            List<String> withPath = files.map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(name -> load("com.company.onboarding.api." + name).isAnnotationPresent(Path.class))
                    .sorted().toList();
            assertEquals(RESOURCES.stream().map(Class::getSimpleName).sorted().toList(), withPath);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
