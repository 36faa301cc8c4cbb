package com.company.onboarding.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A Java client on its defaults (HTTP/2 preferred: the first request offers an h2c upgrade, the
 * next ones would run over HTTP/2) gets the same answers on every request of a connection. With
 * HTTP/2 enabled, every request after the first failed with a 500: api.BodyLimit reads the body
 * before RESTEasy runs, and RESTEasy's pause() of an HTTP/2 stream that has ended throws.
 */
@QuarkusTest
class JavaHttpClientTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyRequestOfOneClientIsAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String entry = Files.readString(Path.of("src/test/resources/bench/payment-processor.json"), StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> profiles = client.send(HttpRequest.newBuilder(base.resolve("/profiles")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, profiles.statusCode(), "GET /profiles #" + i + ": " + profiles.body());
            HttpResponse<String> validation = client.send(HttpRequest.newBuilder(base.resolve("/services/validate"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(entry)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, validation.statusCode(), "POST /services/validate #" + i + ": " + validation.body());
        }
    }
}
