package com.company.onboarding.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile read the way the builder reads it, for checks that cannot build the image: parser
 * directives and comments dropped, {@code \} continuations joined, one {@link Stage} per FROM.
 * Only the syntax our Dockerfiles use is understood; anything else fails loudly.
 */
record Dockerfile(List<Stage> stages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One instruction: its keyword (upper case), its {@code --flags}, and the rest of the line. */
    record Instruction(String keyword, Map<String, String> flags, String arguments, int line) {

        /** Exec form ({@code ["a", "b"]}) as its words, shell form as {@code sh -c <text>}. */
        List<String> command() {
            if (arguments.startsWith("[")) {
                return jsonArray(arguments, line);
            }
            return List.of("/bin/sh", "-c", arguments);
        }
    }

    /** A COPY: where from ({@code null} for the build context), its sources and destination. */
    record Copy(String from, List<String> sources, String destination, Map<String, String> flags, int line) {
    }

    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }

        List<Copy> copies() {
            List<Copy> copies = new ArrayList<>();
            for (Instruction copy : all("COPY")) {
                List<String> words = copy.arguments().startsWith("[")
                        ? jsonArray(copy.arguments(), copy.line()) : List.of(copy.arguments().trim().split("\\s+"));
                if (words.size() < 2) {
                    throw new IllegalArgumentException("line " + copy.line() + ": COPY needs a source and a destination");
                }
                copies.add(new Copy(copy.flags().get("from"), List.copyOf(words.subList(0, words.size() - 1)),
                        words.get(words.size() - 1), copy.flags(), copy.line()));
            }
            return copies;
        }

        /** ENV values in effect at the end of the stage. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (Instruction instruction : all("ENV")) {
                List<String> words = words(instruction.arguments());
                if (!words.isEmpty() && !words.get(0).contains("=")) {
                    env.put(words.get(0), String.join(" ", words.subList(1, words.size()))); // legacy ENV K V
                    continue;
                }
                for (String word : words) {
                    int eq = word.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("line " + instruction.line() + ": not NAME=value: " + word);
                    }
                    env.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
            return env;
        }

        Optional<String> workdir() {
            return last("WORKDIR").map(i -> i.arguments().trim());
        }
    }

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        String[] lines = text.split("\r?\n", -1);
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("#")) {
                continue; // a comment, a parser directive, or a comment inside a continuation
            }
            if (logical.length() == 0) {
                if (line.isBlank()) {
                    continue;
                }
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            Instruction instruction = instruction(logical.toString().strip(), start);
            logical.setLength(0);
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().trim().split("\\s+");
                String name = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                if (words.length != 1 && name == null) {
                    throw new IllegalArgumentException("line " + start + ": FROM <image> [AS <name>]");
                }
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current == null) {
                throw new IllegalArgumentException("line " + start + ": " + instruction.keyword() + " before FROM");
            } else {
                current.add(instruction);
            }
        }
        if (logical.length() > 0) {
            throw new IllegalArgumentException("the file ends inside a continued line");
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no FROM");
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage runtime() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage named " + name));
    }

    private static Instruction instruction(String text, int line) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        Map<String, String> flags = new LinkedHashMap<>();
        // HEALTHCHECK's options precede CMD; COPY's and FROM's precede their arguments.
        while (rest.startsWith("--")) {
            int end = rest.indexOf(' ');
            String flag = end < 0 ? rest : rest.substring(0, end);
            int eq = flag.indexOf('=');
            flags.put(eq < 0 ? flag.substring(2) : flag.substring(2, eq), eq < 0 ? "" : flag.substring(eq + 1));
            rest = end < 0 ? "" : rest.substring(end + 1).strip();
        }
        if (keyword.equals("HEALTHCHECK") && !rest.equals("NONE")) {
            if (!rest.startsWith("CMD ")) {
                throw new IllegalArgumentException("line " + line + ": HEALTHCHECK [options] CMD ...");
            }
            rest = rest.substring(4).strip();
        }
        return new Instruction(keyword, Map.copyOf(flags), rest, line);
    }

    private static List<String> jsonArray(String text, int line) {
        try {
            JsonNode array = JSON.readTree(text);
            List<String> words = new ArrayList<>();
            array.forEach(word -> {
                if (!word.isTextual()) {
                    throw new IllegalArgumentException("line " + line + ": exec form holds strings only");
                }
                words.add(word.asText());
            });
            return List.copyOf(words);
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + line + ": not a JSON array: " + text, e);
        }
    }

    /** Splits on blanks outside double quotes, dropping the quotes (ENV's syntax). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
