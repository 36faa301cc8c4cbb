package com.company.onboarding.access;

import com.company.onboarding.config.AccessConfig.Role;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule while no token is configured (the embedded default): everyone may read, validate and
 * preview, but what needs the onboarder role is granted only to a client on the service's own
 * host (127.0.0.0/8, ::1). A service started open and then exposed on a network does not let the
 * network open pull requests. The address is the TCP peer's: {@code X-Forwarded-For} and
 * {@code Forwarded} are never read for this, since any client can send them; a proxy in front
 * should have tokens configured instead.
 */
public final class OpenAccess {

    /** How to close the service; the start-up warning and the 403 problem both say it. */
    public static final String HOW_TO_CONFIGURE_TOKENS = "configure a token with access.tokens.<name>.token-sha256"
            + " (or access.tokens.<name>.token), access.tokens.<name>.subject and access.tokens.<name>.roles=onboarder,"
            + " and send it as Authorization: Bearer <token>";

    private static final Caller REMOTE = new Caller(Caller.ANONYMOUS.subject(), Set.of(Role.reader));
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private OpenAccess() {
    }

    /** The caller an open service sees in a request: every role from loopback, reader from anywhere else. */
    static Caller caller(HttpServerRequest request) {
        return caller(isLoopback(peer(request)));
    }

    static Caller caller(boolean loopback) {
        return loopback ? Caller.ANONYMOUS : REMOTE;
    }

    /** The connection's own peer: Quarkus rewrites {@code request.remoteAddress()} from forwarding headers when configured to. */
    private static SocketAddress peer(HttpServerRequest request) {
        return request.connection() != null ? request.connection().remoteAddress() : null;
    }

    static boolean isLoopback(SocketAddress peer) {
        return peer != null && peer.isInetSocket() && isLoopback(peer.hostAddress());
    }

    /**
     * Whether an IP literal is a loopback address: 127.0.0.0/8, ::1, or 127.x written as an
     * IPv4-mapped IPv6 address. Anything that is not an IP literal is not loopback (and is never
     * looked up in DNS).
     */
    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (IPV4.matcher(literal).matches()) {
            return literal.startsWith("127.") && Arrays.stream(literal.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        if (!literal.contains(":") || !literal.chars().allMatch(OpenAccess::ipv6Char)) {
            return false;
        }
        try {
            // an IPv6 literal (with ':' Java parses it and never asks DNS); ::ffff:127.x comes back as IPv4
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean ipv6Char(int c) {
        return c == ':' || c == '.' || Character.digit(c, 16) >= 0;
    }
}
