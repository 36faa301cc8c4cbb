package com.company.onboarding.servicesyaml;

/**
 * Where a rendered {@code services.yaml} item puts its characters, read from the file it goes
 * into so the new item looks like its neighbours.
 *
 * @param itemIndent     column of the item's {@code -} (that of the existing items)
 * @param itemKeyOffset  columns from an item's {@code -} to its keys: 2 for {@code - name: x}
 * @param step           how much deeper a nested mapping's keys are than its parent key
 * @param sequenceIndent how much deeper a nested list's {@code -} is than its key: 0 writes
 *                       lists "indentless", as Kubernetes manifests often do
 * @param eol            the file's line ending, {@code \n} or {@code \r\n}
 */
record YamlLayout(int itemIndent, int itemKeyOffset, int step, int sequenceIndent, String eol) {

    /** Two-space indentation, items under a top-level {@code services:} key, LF line endings. */
    static final YamlLayout DEFAULT = new YamlLayout(2, 2, 2, 2, "\n");

    public YamlLayout {
        if (itemIndent < 0 || itemKeyOffset < 2 || step < 1 || sequenceIndent < 0) {
            throw new IllegalArgumentException("impossible YAML layout");
        }
        if (!eol.equals("\n") && !eol.equals("\r\n")) {
            throw new IllegalArgumentException("line endings are LF or CRLF");
        }
    }
}
