package com.company.onboarding.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every request body on the event loop, up to {@code quarkus.http.limits.max-body-size},
 * before any resource runs; the resources take it from the routing context.
 *
 * <p>Why not leave it to Quarkus: its limit answers a bare 413 (no problem document), for a
 * chunked body only after a worker thread has blocked reading it, and then logs the resource's
 * failure to write an answer as an error with a stack trace. Here a body declared too large is
 * refused before a byte of it is read, a chunked one as soon as it passes the limit, both with a
 * {@code request.too-large} problem; and no worker thread ever waits on a slow client.
 *
 * <p>The whole body must arrive within {@code quarkus.http.read-timeout} (a 408 problem otherwise),
 * so a client that stops sending holds a connection for that long, and never a thread.
 *
 * <p>After a 413 the rest of the body is still read and dropped for at most
 * {@value #LINGER_MILLIS} ms, then the connection is closed: a client that writes its whole body
 * before it reads (most do) gets the answer rather than a reset connection.
 */
@ApplicationScoped
public class BodyLimit {

    static final long LINGER_MILLIS = 5_000;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;
    /** The whole body must arrive within this; a client that stops half-way gets a 408. */
    @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s")
    Duration readTimeout;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        // Right after Quarkus security's authorization filter (route order -priority): a body the
        // caller may not send is not worth reading. Before everything else.
        router.route().order(-SecurityHandlerPriorities.AUTHORIZATION + 1).handler(this::read);
    }

    private void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request);
        boolean mayHaveBody = declared > 0 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (request.version() == HttpVersion.HTTP_2 && declared < 0);
        if (request.isEnded() || !mayHaveBody) {
            context.next();
            return;
        }
        long limit = maxBodySize.asLongValue();
        if (declared > limit) {
            refuse(context, limit);
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT)) && request.version() != HttpVersion.HTTP_1_0) {
            context.response().writeContinue();
        }
        Buffer body = Buffer.buffer((int) Math.max(0, declared));
        boolean[] refused = {false};
        long deadline = context.vertx().setTimer(Math.max(1, readTimeout.toMillis()), id -> {
            if (!refused[0]) {
                refused[0] = true;
                HttpConnection connection = request.connection();
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                VertxProblems.send(context, json, Problem.of(408, "Request timeout", "request.timeout",
                        "the request body did not arrive within " + readTimeout.toSeconds() + " s"))
                        .onComplete(done -> connection.close());
            }
        });
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > limit) {
                refused[0] = true;
                context.vertx().cancelTimer(deadline);
                refuse(context, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(deadline);
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        // A client that resets the connection mid-body has nobody left to answer.
        request.exceptionHandler(e -> { });
        request.resume();
    }

    private void refuse(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        Future<Void> sent = VertxProblems.send(context, json, Problem.of(413, "Content too large", "request.too-large",
                "the request body is larger than " + limit + " bytes, the most this service reads"));
        if (request.isEnded()) {
            sent.onComplete(done -> connection.close());
            return;
        }
        long linger = context.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
        request.handler(dropped -> { });
        request.endHandler(end -> {
            context.vertx().cancelTimer(linger);
            sent.onComplete(done -> connection.close());
        });
        request.exceptionHandler(e -> { });
        request.resume();
    }

    /** The Content-Length header's value, or -1 when there is none (the codec has refused malformed ones). */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
