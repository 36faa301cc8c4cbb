package com.company.onboarding.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything logged while it is open, at every level, raw: the message, its parameters and the
 * stack trace of its exception. A superset of what any formatter would print, so a secret absent
 * from it was absent from the log.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> records = Collections.synchronizedList(new ArrayList<>());
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("com.company.onboarding");
    private final Level oursBefore = ours.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " "
                    + record.getMessage());
            if (record.getParameters() != null) {
                text.append(' ').append(Arrays.toString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            records.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public String text() {
        synchronized (records) {
            return String.join("\n", records);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        ours.setLevel(oursBefore);
    }
}
