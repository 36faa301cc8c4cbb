package com.company.onboarding.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.company.onboarding.api.Problem;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.validation.Entries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service with no token configured, listening on every interface, called through a real
 * non-loopback address of this machine (eth0's, say): reads, validations and previews are open,
 * {@code POST /services} is a 403 problem that says how to configure tokens, also when the request
 * claims to come from loopback in {@code X-Forwarded-For} or {@code Forwarded}, and even though
 * Quarkus is told here to take the client address from those headers. From 127.0.0.1 onboarding
 * goes through as before. Skipped on a machine whose only address is loopback (the address
 * decision itself is {@link OpenAccessTest}'s).
 */
@QuarkusTest
@TestProfile(OpenAccessHttpTest.EveryInterface.class)
class OpenAccessHttpTest {

    public static class EveryInterface implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0",
                    // What an operator behind a proxy might set; the access rule must read the socket anyway.
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.allow-forwarded", "true");
        }
    }

    @Inject
    OnboardingConfig config;

    private String remote;

    @BeforeEach
    void findANonLoopbackAddress() {
        Optional<InetAddress> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to call the service through");
        remote = "http://" + address.get().getHostAddress();
    }

    private RequestSpecification fromTheNetwork() {
        return given().baseUri(remote).port(RestAssured.port);
    }

    private static RequestSpecification fromLoopback() {
        return given().baseUri("http://127.0.0.1").port(RestAssured.port);
    }

    private static String onboarding(String name) {
        return "{\"entry\": " + Entries.paymentProcessor(e -> Entries.set(e, "/name", name)) + "}";
    }

    @Test
    void readsValidationsAndPreviewsAreOpenToTheNetwork() {
        fromTheNetwork().get("/profiles").then().statusCode(200);
        fromTheNetwork().get("/services").then().statusCode(200);
        String entry = Entries.paymentProcessor().toString();
        fromTheNetwork().contentType("application/json").body(entry).post("/services/validate").then()
                .statusCode(200).body("valid", equalTo(true));
        fromTheNetwork().contentType("application/json").body(entry).post("/services/preview").then().statusCode(200);
    }

    @Test
    void onboardingFromTheNetworkIsA403SayingHowToConfigureTokensAndChangesNothing() throws Exception {
        fromTheNetwork().contentType("application/json").body(onboarding("from-the-network")).post("/services").then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("access.open-loopback-only"))
                .body("type", equalTo("urn:monitoring-onboarding:problem:access.open-loopback-only"))
                .body("detail", containsString("access.tokens.<name>.token-sha256"))
                .body("detail", containsString("access.tokens.<name>.roles=onboarder"));
        // The matrix-parameter spelling reaches the same method, so the same rule.
        fromTheNetwork().contentType("application/json").body(onboarding("from-the-network")).urlEncodingEnabled(false)
                .post("/services;x=1").then()
                .statusCode(403)
                .body("code", equalTo("access.open-loopback-only"));
        try (BareRepo platform = BareRepo.open(config.dataDir().resolve("repos/platform-next.git"))) {
            assertNull(platform.head("onboard/from-the-network"), "nothing was pushed");
        }
    }

    @Test
    void forwardingHeadersThatClaimLoopbackAreNotBelieved() {
        for (String[] header : new String[][] {{"X-Forwarded-For", "127.0.0.1"}, {"X-Forwarded-For", "::1"},
                {"Forwarded", "for=127.0.0.1"}, {"X-Real-IP", "127.0.0.1"}}) {
            fromTheNetwork().header(header[0], header[1]).contentType("application/json").body("{}").post("/services").then()
                    .statusCode(403)
                    .body("code", equalTo("access.open-loopback-only"));
        }
    }

    @Test
    void fromLoopbackOnboardingIsAcceptedAsBefore() {
        // 422: past access, the (empty) entry itself is what is wrong
        fromLoopback().contentType("application/json").body("{}").post("/services").then().statusCode(422);
        fromLoopback().contentType("application/json").body(onboarding("from-loopback")).post("/services").then()
                .statusCode(201)
                .body("branch", equalTo("onboard/from-loopback"));
    }

    /** An address of an interface that is up and not loopback, e.g. eth0's. */
    static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
