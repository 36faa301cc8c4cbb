package com.company.onboarding.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line diff: shortest scripts that rebuild the new text, and diff -u's unified format. */
class LineDiffTest {

    @Test
    void aChangedLineIsOneHunkWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";
        assertEquals("""
                --- a/x
                +++ b/x
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                """, LineDiff.unified("a/x", "b/x", before, after));
    }

    @Test
    void changesFarApartAreTwoHunksAndCloseOnesOne() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add("l" + i);
        }
        String before = String.join("\n", lines) + "\n";
        String far = before.replace("l2\n", "L2\n").replace("l18\n", "L18\n");
        String close = before.replace("l2\n", "L2\n").replace("l8\n", "L8\n");
        String farDiff = LineDiff.unified("a", "b", before, far);
        assertEquals(2, farDiff.lines().filter(l -> l.startsWith("@@")).count(), farDiff);
        assertTrue(farDiff.contains("@@ -1,5 +1,5 @@\n") && farDiff.contains("@@ -15,6 +15,6 @@\n"), farDiff);
        String closeDiff = LineDiff.unified("a", "b", before, close);
        assertEquals(List.of("@@ -1,11 +1,11 @@"), closeDiff.lines().filter(l -> l.startsWith("@@")).toList());
    }

    @Test
    void anAddedFileAndARemovedFileNameDevNull() {
        assertEquals("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n", LineDiff.unified(null, "b/x", null, "a\nb\n"));
        assertEquals("--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n", LineDiff.unified("a/x", null, "a\n", null));
        assertEquals("", LineDiff.unified("a/x", "b/x", "same\n", "same\n"));
    }

    @Test
    void aMissingFinalNewlineIsMarkedAsGitDoes() {
        assertEquals("--- a\n+++ b\n@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n",
                LineDiff.unified("a", "b", "x\n", "x"));
    }

    @Test
    void deletionsComeBeforeInsertionsAndTheScriptIsShortest() {
        assertEquals(List.of(LineDiff.Op.KEEP, LineDiff.Op.DELETE, LineDiff.Op.INSERT, LineDiff.Op.KEEP),
                LineDiff.script(List.of("a", "b", "c"), List.of("a", "x", "c")));
        // One insertion in the middle of a long text is one edit, not a rewrite.
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            a.add("line " + (i % 7));
        }
        List<String> b = new ArrayList<>(a);
        b.add(250, "new");
        List<LineDiff.Op> script = LineDiff.script(a, b);
        assertEquals(1, script.stream().filter(op -> op != LineDiff.Op.KEEP).count());
    }

    @Test
    void everyScriptRebuildsTheNewTextFromTheOld() {
        Random random = new Random(20251201);
        for (int round = 0; round < 300; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<LineDiff.Op> script = LineDiff.script(a, b);
            List<String> rebuilt = new ArrayList<>();
            int i = 0;
            int j = 0;
            int edits = 0;
            for (LineDiff.Op op : script) {
                switch (op) {
                    case KEEP -> {
                        assertEquals(a.get(i), b.get(j), "kept lines are equal");
                        rebuilt.add(a.get(i++));
                        j++;
                    }
                    case DELETE -> {
                        i++;
                        edits++;
                    }
                    case INSERT -> {
                        rebuilt.add(b.get(j++));
                        edits++;
                    }
                }
            }
            assertEquals(a.size(), i);
            assertEquals(b, rebuilt);
            assertEquals(a.size() + b.size() - 2 * lcs(a, b), edits, "shortest: as many edits as the LCS leaves");
        }
    }

    private static List<String> randomLines(Random random) {
        List<String> lines = new ArrayList<>();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                table[i][j] = a.get(i).equals(b.get(j)) ? table[i + 1][j + 1] + 1
                        : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        return table[0][0];
    }
}
