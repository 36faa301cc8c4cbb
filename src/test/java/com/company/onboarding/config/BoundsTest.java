package com.company.onboarding.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each bound takes its least value and refuses what is below it, with the bound in the message. */
class BoundsTest {

    @Test
    void durationsTakeTheUsualFormatsDownToTheirBound() {
        assertEquals(Duration.ZERO, new Bounds.ZeroOrLonger().convert("0s"));
        assertEquals(Duration.ofMinutes(10), new Bounds.ZeroOrLonger().convert("10m"));
        assertEquals(Duration.ofSeconds(90), new Bounds.ZeroOrLonger().convert("PT90S"));
        assertEquals(Duration.ofMillis(100), new Bounds.TenthOfASecondOrLonger().convert("100ms"));
        assertEquals(Duration.ofSeconds(1), new Bounds.OneSecondOrLonger().convert("1s"));
    }

    @Test
    void durationsBelowTheirBoundAreRefusedNamingIt() {
        assertEquals("must be 0s or longer",
                assertThrows(IllegalArgumentException.class, () -> new Bounds.ZeroOrLonger().convert("-5s")).getMessage());
        assertEquals("must be 100ms or longer",
                assertThrows(IllegalArgumentException.class, () -> new Bounds.TenthOfASecondOrLonger().convert("99ms")).getMessage());
        assertEquals("must be 1s or longer",
                assertThrows(IllegalArgumentException.class, () -> new Bounds.OneSecondOrLonger().convert("500ms")).getMessage());
    }

    @Test
    void countsStayWithinTheirRange() {
        assertEquals(1, new Bounds.Positive().convert("1"));
        assertEquals(20, new Bounds.Attempts().convert("20"));
        for (String bad : new String[] {"0", "-1", "1.5", "x"}) {
            assertThrows(IllegalArgumentException.class, () -> new Bounds.Positive().convert(bad), bad);
        }
        assertEquals("must be a whole number 1 or more",
                assertThrows(IllegalArgumentException.class, () -> new Bounds.Positive().convert("0")).getMessage());
        assertEquals("must be a whole number from 1 to 20",
                assertThrows(IllegalArgumentException.class, () -> new Bounds.Attempts().convert("21")).getMessage());
    }

    @Test
    void namesMustSaySomethingAndRepositoriesBeOwnerSlashName() {
        assertEquals("main", new Bounds.NotBlank().convert("main"));
        assertThrows(IllegalArgumentException.class, () -> new Bounds.NotBlank().convert("  "));
        assertEquals("company/platform-next", new Bounds.OwnerAndName().convert("company/platform-next"));
        assertEquals("group/sub/platform-next", new Bounds.OwnerAndName().convert("group/sub/platform-next"), "GitLab subgroups");
        for (String bad : new String[] {"platform-next", "a//c", "a b/c", "/x", "x/", "a/../b"}) {
            assertThrows(IllegalArgumentException.class, () -> new Bounds.OwnerAndName().convert(bad), bad);
        }
    }
}
