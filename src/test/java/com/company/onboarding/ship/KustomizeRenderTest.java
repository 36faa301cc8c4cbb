package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.config.MetricsCatalogConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base and the example overlay, rendered without kubectl ({@link Kustomize}) and
 * checked against what the service is: its port, health endpoints, configuration keys, the
 * directories it writes, and the hosts it needs.
 */
class KustomizeRenderTest {

    static final Path DEPLOY = DockerImageTest.ROOT.resolve("deploy");
    static final String NAME = "monitoring-onboarding-api";

    static List<ObjectNode> render(String kustomization) {
        return Kustomize.build(DEPLOY.resolve(kustomization));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void everyObjectHasApiVersionKindAndNameAndTheAppLabel(String kustomization) {
        List<ObjectNode> objects = render(kustomization);
        Set<String> kinds = new TreeSet<>();
        for (ObjectNode object : objects) {
            assertFalse(object.path("apiVersion").asText().isBlank(), object.toString());
            assertFalse(object.path("metadata").path("name").asText().isBlank(), object.toString());
            assertEquals(NAME, object.path("metadata").path("labels").path("app.kubernetes.io/name").asText(), object.toString());
            kinds.add(object.path("kind").asText());
        }
        assertEquals(Set.of("ConfigMap", "Deployment", "NetworkPolicy", "Service", "ServiceAccount"), kinds);
        assertEquals(kinds.size(), objects.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void probesUseTheHealthEndpointsOnTheContainerPortWhichTheServiceTargets(String kustomization) {
        List<ObjectNode> objects = render(kustomization);
        JsonNode container = container(objects);
        assertEquals(1, container.path("ports").size());
        JsonNode port = container.path("ports").get(0);
        assertEquals(DockerImageTest.httpPort(), port.path("containerPort").asInt());

        assertEquals("/q/health/live", probe(container, "livenessProbe", port));
        assertEquals("/q/health/ready", probe(container, "readinessProbe", port));
        assertEquals("/q/health/live", probe(container, "startupProbe", port));

        JsonNode service = Kustomize.find(objects, "Service", NAME).path("spec");
        assertEquals("ClusterIP", service.path("type").asText());
        assertEquals(80, service.path("ports").get(0).path("port").asInt());
        assertEquals(port.path("containerPort").asInt(), resolvePort(service.path("ports").get(0).path("targetPort"), port));
        JsonNode deployment = Kustomize.find(objects, "Deployment", NAME).path("spec");
        assertEquals(deployment.path("selector").path("matchLabels"), service.path("selector"));
        assertEquals(deployment.path("selector").path("matchLabels"),
                Kustomize.find(objects, "NetworkPolicy", NAME).path("spec").path("podSelector").path("matchLabels"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void everyEnvironmentVariableSetsAConfigurationKeyTheServiceReads(String kustomization) {
        ConfigKeys keys = ConfigKeys.ofService();
        List<ObjectNode> objects = render(kustomization);
        Map<String, String> env = environment(objects);
        assertTrue(env.size() > 5, env.toString());
        Kustomize.find(objects, "ConfigMap", NAME).path("data").forEach(value ->
                assertTrue(value.isTextual(), "ConfigMap values must be strings (quote numbers): " + value));
        env.forEach((name, value) -> {
            assertTrue(keys.keyOf(name).isPresent(), name + " names no configuration key; known: " + keys.keys());
            // An empty value counts as unset in MicroProfile Config and would hide the key's default.
            assertFalse(value.isBlank(), name + " is empty");
        });
    }

    @Test
    void configKeysAreNamedAsSmallRyeNamesThem() {
        ConfigKeys keys = ConfigKeys.ofService();
        assertTrue(keys.keys().containsAll(List.of("platform-next.url", "platform-next.refresh-interval",
                "metrics-catalog.fetch-url", "pull-request.token", "onboarding.data-dir", "onboarding.archetypes.*",
                "access.tokens.*.token-sha256")), keys.keys().toString());
        assertEquals("platform-next.refresh-interval", keys.propertyOf("PLATFORM_NEXT_REFRESH_INTERVAL").orElseThrow());
        assertEquals("access.tokens.backstage.roles", keys.propertyOf("ACCESS_TOKENS_BACKSTAGE_ROLES").orElseThrow());
        assertTrue(keys.keyOf("PLATFORM_NEXT_URI").isEmpty());
        assertTrue(keys.keyOf("QUARKUS_HTTP_PORT").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void theTokenComesFromASecretThatIsNeverRendered(String kustomization) {
        List<ObjectNode> objects = render(kustomization);
        JsonNode container = container(objects);
        List<JsonNode> fromSecrets = new ArrayList<>();
        container.path("env").forEach(e -> {
            if (e.path("valueFrom").has("secretKeyRef")) {
                fromSecrets.add(e);
            }
        });
        assertEquals(1, fromSecrets.size(), container.path("env").toString());
        assertEquals("PULL_REQUEST_TOKEN", fromSecrets.get(0).path("name").asText());
        assertEquals("PULL_REQUEST_TOKEN", fromSecrets.get(0).path("valueFrom").path("secretKeyRef").path("key").asText());
        assertTrue(objects.stream().noneMatch(o -> o.path("kind").asText().equals("Secret")));
        ConfigKeys keys = ConfigKeys.ofService();
        Set<String> secrets = Set.of("pull-request.token", "platform-next.git-password", "metrics-catalog.git-password",
                "access.tokens.*.token");
        Kustomize.find(objects, "ConfigMap", NAME).path("data").fieldNames().forEachRemaining(name ->
                assertFalse(keys.keyOf(name).map(secrets::contains).orElse(false), name + " is a secret: not in a ConfigMap"));
    }

    @Test
    void theExampleSecretIsInNoKustomization() throws IOException {
        Path example = DEPLOY.resolve("overlays/example/secret.example.yaml");
        assertEquals("Secret", Kustomize.read(example).path("kind").asText());
        assertEquals(Kustomize.find(render("overlays/example"), "Deployment", NAME).path("metadata").path("namespace"),
                Kustomize.read(example).path("metadata").path("namespace"));
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                ObjectNode fields = Kustomize.read(kustomization);
                List<JsonNode> listed = new ArrayList<>();
                fields.path("resources").forEach(listed::add);
                fields.path("patches").forEach(p -> listed.add(p.path("path")));
                for (JsonNode path : listed) {
                    assertFalse(kustomization.getParent().resolve(path.asText()).normalize().equals(example), kustomization.toString());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void rootIsReadOnlyAndEveryDirectoryTheServiceWritesIsAWritableVolume(String kustomization) {
        List<ObjectNode> objects = render(kustomization);
        JsonNode container = container(objects);
        JsonNode pod = Kustomize.find(objects, "Deployment", NAME).path("spec").path("template").path("spec");
        assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());

        Map<String, String> env = environment(objects);
        Dockerfile.Stage image = Dockerfile.read(DockerImageTest.DOCKERFILE).runtime();
        String dataDir = env.getOrDefault("ONBOARDING_DATA_DIR", image.env().get("ONBOARDING_DATA_DIR"));
        String xdgConfig = env.getOrDefault("XDG_CONFIG_HOME", image.env().get("XDG_CONFIG_HOME"));
        for (String written : List.of(dataDir, "/tmp", xdgConfig)) {
            JsonNode mount = mountHolding(container, written);
            assertFalse(mount.path("readOnly").asBoolean(), written);
            JsonNode volume = volume(pod, mount.path("name").asText());
            assertTrue(volume.has("emptyDir") || volume.has("persistentVolumeClaim") || volume.has("ephemeral"),
                    written + " is on " + volume);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void podRunsAsTheImagesUnprivilegedUserWithNoCapabilities(String kustomization) {
        List<ObjectNode> objects = render(kustomization);
        JsonNode pod = Kustomize.find(objects, "Deployment", NAME).path("spec").path("template").path("spec");
        JsonNode container = container(objects);
        JsonNode podSecurity = pod.path("securityContext");
        assertTrue(podSecurity.path("runAsNonRoot").asBoolean());
        String imageUser = Dockerfile.read(DockerImageTest.DOCKERFILE).runtime().last("USER").orElseThrow()
                .arguments().split(":")[0];
        assertEquals(imageUser, podSecurity.path("runAsUser").asText());
        assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText());
        JsonNode security = container.path("securityContext");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString());
        assertFalse(security.path("capabilities").has("add"));
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));

        JsonNode resources = container.path("resources");
        assertTrue(resources.path("requests").has("cpu") && resources.path("requests").has("memory"), resources.toString());
        assertTrue(resources.path("limits").has("memory"), resources.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void networkPolicyLetsInOnlyOnTheHttpPortAndOutOnlyToDnsAndHttps(String kustomization) {
        JsonNode policy = Kustomize.find(render(kustomization), "NetworkPolicy", NAME).path("spec");
        assertEquals("[\"Ingress\",\"Egress\"]", policy.path("policyTypes").toString());
        assertTrue(policy.path("ingress").size() > 0);
        for (JsonNode rule : policy.path("ingress")) {
            assertTrue(rule.path("from").size() > 0, "every ingress rule names its callers: " + rule);
            assertEquals(List.of(DockerImageTest.httpPort()), ports(rule));
        }
        assertEquals(2, policy.path("egress").size(), policy.path("egress").toString());
        for (JsonNode rule : policy.path("egress")) {
            assertTrue(rule.path("to").size() > 0, "no egress rule may allow every destination: " + rule);
            List<Integer> ports = ports(rule);
            for (JsonNode to : rule.path("to")) {
                if (to.has("ipBlock")) {
                    String cidr = to.path("ipBlock").path("cidr").asText();
                    assertFalse(cidr.endsWith("/0"), cidr);
                    assertEquals(List.of(443), ports, "to an address block: HTTPS only");
                } else {
                    assertEquals("kube-dns", to.path("podSelector").path("matchLabels").path("k8s-app").asText(), to.toString());
                    assertEquals(List.of(53, 53), ports, "to the cluster's resolver: DNS only");
                }
            }
        }
    }

    @Test
    void exampleOverlayPointsAtRealRepositoriesWithTwoReplicas() {
        List<ObjectNode> base = render("base");
        List<ObjectNode> overlay = render("overlays/example");
        Map<String, String> env = environment(overlay);
        assertTrue(env.get("PLATFORM_NEXT_URL").startsWith("https://"), env.toString());
        assertEquals("github", env.get("PULL_REQUEST_PROVIDER"));
        assertTrue(env.containsKey("METRICS_CATALOG_FETCH_URL")
                        || !MetricsCatalogConfig.DEFAULT_URL.equals(env.get("METRICS_CATALOG_URL")),
                "the catalog's default URL without a fetch URL means the embedded sample catalog");
        assertTrue(env.containsKey("PULL_REQUEST_API_URL") && env.containsKey("PULL_REQUEST_REPOSITORY"));
        assertTrue(env.containsKey("ACCESS_TOKENS_BACKSTAGE_TOKEN_SHA256"), "the overlay closes the service");
        assertEquals(environment(base).get("ONBOARDING_DATA_DIR"), env.get("ONBOARDING_DATA_DIR"), "base keys are kept");
        assertFalse(environment(base).containsKey("PLATFORM_NEXT_URL"), "the base runs the embedded default");

        JsonNode deployment = Kustomize.find(overlay, "Deployment", NAME);
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        assertEquals(1, Kustomize.find(base, "Deployment", NAME).path("spec").path("replicas").asInt());
        assertEquals("registry.example.com/platform/monitoring-onboarding-api:1.0.0", container(overlay).path("image").asText());
        assertTrue(overlay.stream().allMatch(o -> o.path("metadata").path("namespace").asText().equals("monitoring-onboarding")));
        String egress = Kustomize.find(overlay, "NetworkPolicy", NAME).path("spec").path("egress").toString();
        assertFalse(egress.contains("192.0.2.0/24"), "the overlay replaces the placeholder ranges: " + egress);
    }

    @Test
    void rendererRefusesWhatItDoesNotRender(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                configMapGenerator:
                  - name: x
                """);
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches:
                  - path: patch.yaml
                """.replace("../base", DEPLOY.resolve("base").toString()));
        Files.writeString(dir.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: monitoring-onboarding-api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: other
                """);
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
    }

    static JsonNode container(List<ObjectNode> objects) {
        JsonNode containers = Kustomize.find(objects, "Deployment", NAME).path("spec").path("template").path("spec")
                .path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    /** What the container's environment holds: the ConfigMap it loads, then its own variables. */
    static Map<String, String> environment(List<ObjectNode> objects) {
        JsonNode container = container(objects);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText();
            Kustomize.find(objects, "ConfigMap", name).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            env.put(variable.path("name").asText(), variable.has("value") ? variable.path("value").asText() : "<from secret>");
        }
        return env;
    }

    private static String probe(JsonNode container, String probe, JsonNode port) {
        JsonNode http = container.path(probe).path("httpGet");
        assertEquals(port.path("containerPort").asInt(), resolvePort(http.path("port"), port), probe);
        return http.path("path").asText();
    }

    private static int resolvePort(JsonNode reference, JsonNode port) {
        if (reference.isInt()) {
            return reference.asInt();
        }
        assertEquals(port.path("name").asText(), reference.asText(), "a named port must be the container's");
        return port.path("containerPort").asInt();
    }

    private static JsonNode mountHolding(JsonNode container, String directory) {
        JsonNode best = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            String path = mount.path("mountPath").asText();
            if ((directory.equals(path) || directory.startsWith(path + "/"))
                    && (best == null || path.length() > best.path("mountPath").asText().length())) {
                best = mount;
            }
        }
        assertTrue(best != null, directory + " is on the read-only root: mount a volume there");
        return best;
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static List<Integer> ports(JsonNode rule) {
        List<Integer> ports = new ArrayList<>();
        rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        return ports;
    }
}
