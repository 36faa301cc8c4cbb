package com.company.onboarding.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff (Myers' O((N+M)D) algorithm, after trimming the common head and tail) and its
 * unified form, as {@code diff -u} writes it: three lines of context, hunks headed
 * {@code @@ -l,s +l,s @@}. Deterministic: the same two texts give the same bytes. Lines are
 * compared exactly; a text without a final newline gets git's {@code \ No newline at end of file}.
 */
public final class LineDiff {

    /** Lines of context around each change, as {@code diff -u}. */
    public static final int CONTEXT = 3;
    /** Past this many edit-graph cells the middle is given as all removed, all added: still a correct diff. */
    private static final long MAX_TRACE = 8_000_000;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    /** One step of an edit script. */
    enum Op { KEEP, DELETE, INSERT }

    private LineDiff() {
    }

    /**
     * The unified diff of {@code before} and {@code after}; empty when they are equal. A null
     * text is an absent file: its header names {@code /dev/null}.
     */
    public static String unified(String beforeName, String afterName, String before, String after) {
        if (before != null && before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> script = script(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before == null ? "/dev/null" : beforeName).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : afterName).append('\n');
        hunks(script, a, b, out);
        return out.toString();
    }

    /** The lines of a text, without their line breaks; a last line without one is marked. */
    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start) + "\n" + NO_NEWLINE);
        }
        return lines;
    }

    /** The shortest edit script turning {@code a} into {@code b}: deletions before insertions at each place. */
    static List<Op> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Op> script = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < head; i++) {
            script.add(Op.KEEP);
        }
        script.addAll(middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail)));
        for (int i = 0; i < tail; i++) {
            script.add(Op.KEEP);
        }
        return script;
    }

    /** Myers' greedy forward search, keeping each round's frontier to walk the path back. */
    private static List<Op> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Op> script = new ArrayList<>(n + m);
        if (n == 0 || m == 0) {
            addAll(script, Op.DELETE, n);
            addAll(script, Op.INSERT, m);
            return script;
        }
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        long cells = 0;
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            cells += 2L * d + 1;
            if (cells > MAX_TRACE) {
                addAll(script, Op.DELETE, n);
                addAll(script, Op.INSERT, m);
                return script;
            }
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        // Walk back from (n, m): each round d came from round d - 1 by one deletion or insertion plus a snake.
        List<Op> reversed = new ArrayList<>(n + m);
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] previous = trace.get(d); // the frontier as round d started, i.e. after round d - 1
            int base = d + 1; // index of k = 0 in that copy (it spans k = -d - 1 .. d + 1)
            int k = x - y;
            boolean down = k == -d || (k != d && previous[base + k - 1] < previous[base + k + 1]);
            int priorK = down ? k + 1 : k - 1;
            int priorX = previous[base + priorK];
            int priorY = priorX - priorK;
            int startX = down ? priorX : priorX + 1;
            while (x > startX) {
                reversed.add(Op.KEEP);
                x--;
                y--;
            }
            reversed.add(down ? Op.INSERT : Op.DELETE);
            x = priorX;
            y = priorY;
        }
        while (x > 0) {
            reversed.add(Op.KEEP);
            x--;
            y--;
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            script.add(reversed.get(i));
        }
        return deletionsFirst(script);
    }

    /** Within each run of changes, deletions before insertions, as diff tools print them. */
    private static List<Op> deletionsFirst(List<Op> script) {
        List<Op> ordered = new ArrayList<>(script.size());
        int i = 0;
        while (i < script.size()) {
            if (script.get(i) == Op.KEEP) {
                ordered.add(Op.KEEP);
                i++;
                continue;
            }
            int deletions = 0;
            int insertions = 0;
            while (i < script.size() && script.get(i) != Op.KEEP) {
                if (script.get(i++) == Op.DELETE) {
                    deletions++;
                } else {
                    insertions++;
                }
            }
            addAll(ordered, Op.DELETE, deletions);
            addAll(ordered, Op.INSERT, insertions);
        }
        return ordered;
    }

    private static void addAll(List<Op> script, Op op, int count) {
        for (int i = 0; i < count; i++) {
            script.add(op);
        }
    }

    private static void hunks(List<Op> script, List<String> a, List<String> b, StringBuilder out) {
        // Positions in the script of the lines each hunk shows, grouping changes closer than 2 * CONTEXT.
        int i = 0;
        int[] aLine = new int[script.size() + 1];
        int[] bLine = new int[script.size() + 1];
        for (int s = 0; s < script.size(); s++) {
            aLine[s + 1] = aLine[s] + (script.get(s) == Op.INSERT ? 0 : 1);
            bLine[s + 1] = bLine[s] + (script.get(s) == Op.DELETE ? 0 : 1);
        }
        while (i < script.size()) {
            while (i < script.size() && script.get(i) == Op.KEEP) {
                i++;
            }
            if (i == script.size()) {
                break;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            while (true) {
                while (end < script.size() && script.get(end) != Op.KEEP) {
                    end++;
                }
                int keep = end;
                while (keep < script.size() && script.get(keep) == Op.KEEP) {
                    keep++;
                }
                if (keep < script.size() && keep - end <= 2 * CONTEXT) {
                    end = keep;
                    continue;
                }
                end = Math.min(script.size(), end + CONTEXT);
                break;
            }
            int aStart = aLine[start];
            int aCount = aLine[end] - aStart;
            int bStart = bLine[start];
            int bCount = bLine[end] - bStart;
            out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
            for (int s = start; s < end; s++) {
                switch (script.get(s)) {
                    case KEEP -> out.append(' ').append(a.get(aLine[s])).append('\n');
                    case DELETE -> out.append('-').append(a.get(aLine[s])).append('\n');
                    case INSERT -> out.append('+').append(b.get(bLine[s])).append('\n');
                }
            }
            i = end;
        }
    }

    /** {@code diff -u}'s range: the first line (1-based) and count, the count left out when it is 1. */
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }
}
