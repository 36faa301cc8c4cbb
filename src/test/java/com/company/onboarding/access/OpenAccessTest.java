package com.company.onboarding.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.config.AccessConfig.Role;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The address decision of an open service: only the service's own host may do what needs the onboarder role. */
class OpenAccessTest {

    @Test
    void loopbackIsAllOf127SlashEightAndColonColonOne() {
        for (String address : List.of("127.0.0.1", "127.0.1.1", "127.255.255.254", "127.000.000.001", "::1",
                "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:ffff:7f00:1")) {
            assertTrue(OpenAccess.isLoopback(address), address);
        }
    }

    @Test
    void everyOtherAddressIsNot() {
        for (String address : List.of("192.0.2.2", "10.0.0.1", "172.17.0.1", "128.0.0.1", "126.255.255.255", "0.0.0.0",
                "::", "fe80::1", "fe80::1%eth0", "::ffff:10.0.0.1", "::127.0.0.1", "2001:db8::1", "127.0.0.256",
                "127.0.0", "127.0.0.1.5")) {
            assertFalse(OpenAccess.isLoopback(address), address);
        }
    }

    @Test
    void whatIsNotAnIpLiteralIsNotLoopbackAndIsNeverLookedUp() {
        // "localhost" would resolve to loopback, and a name would be asked of DNS: neither may happen.
        for (String address : List.of("localhost", "127.0.0.1.nip.io", "cafe", "", " 127.0.0.1", "127.0.0.1 ", "::1 ",
                "[::1", "::g", "unix:/tmp/socket")) {
            assertFalse(OpenAccess.isLoopback(address), address);
        }
        assertFalse(OpenAccess.isLoopback((String) null));
    }

    @Test
    void theSocketPeerDecidesAndADomainSocketIsNotLoopback() {
        assertTrue(OpenAccess.isLoopback(SocketAddress.inetSocketAddress(40_000, "127.0.0.1")));
        assertFalse(OpenAccess.isLoopback(SocketAddress.inetSocketAddress(40_000, "192.0.2.2")));
        assertFalse(OpenAccess.isLoopback(SocketAddress.domainSocketAddress("/tmp/onboarding.sock")));
        assertFalse(OpenAccess.isLoopback((SocketAddress) null));
    }

    @Test
    void anOpenServiceGivesLoopbackEveryRoleAndOthersReaderOnly() {
        Caller local = OpenAccess.caller(true);
        Caller remote = OpenAccess.caller(false);
        assertEquals(Set.of(Role.reader, Role.onboarder), local.roles());
        assertEquals(Set.of(Role.reader), remote.roles());
        assertEquals("anonymous", remote.subject(), "the commit trailer names no address");
        assertTrue(local.identity().hasRole(Roles.ONBOARDER));
        assertFalse(remote.identity().hasRole(Roles.ONBOARDER));
        assertTrue(remote.identity().hasRole(Roles.READER));
    }

    @Test
    void theProblemNamesTheKeysThatCloseTheService() {
        for (String key : List.of("access.tokens.<name>.token-sha256", "access.tokens.<name>.subject",
                "access.tokens.<name>.roles=onboarder", "Authorization: Bearer")) {
            assertTrue(OpenAccess.HOW_TO_CONFIGURE_TOKENS.contains(key), key);
        }
    }
}
