package com.company.onboarding.ship;

import com.company.onboarding.config.PlatformNextConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys the service reads: every property of every {@code @ConfigMapping}
 * interface in the main code, named as SmallRye names them (kebab case, {@code *} for a map key).
 * Deployment files name them as environment variables, which this maps back.
 */
record ConfigKeys(SortedSet<String> keys) {

    static ConfigKeys ofService() {
        SortedSet<String> keys = new TreeSet<>();
        for (Class<?> mapping : mappings()) {
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), keys);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no @ConfigMapping interface found in the main classes");
        }
        return new ConfigKeys(keys);
    }

    /** The key an environment variable sets (SmallRye: upper case, every other character {@code _}). */
    Optional<String> keyOf(String environmentVariable) {
        return keys.stream().filter(key -> envPattern(key).matcher(environmentVariable).matches()).findFirst();
    }

    /** The variable's key with the map key that the variable names filled in. */
    Optional<String> propertyOf(String environmentVariable) {
        return keyOf(environmentVariable).map(key -> {
            if (!key.contains("*")) {
                return key;
            }
            var matcher = envPattern(key).matcher(environmentVariable);
            matcher.matches();
            return key.replace("*", matcher.group(1).toLowerCase(Locale.ROOT));
        });
    }

    private static Pattern envPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '*') {
                regex.append("([A-Z0-9_]+?)");
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(Character.toUpperCase(c));
            } else {
                regex.append('_');
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static void collect(Class<?> group, String prefix, SortedSet<String> keys) {
        for (Method method : group.getMethods()) {
            if (!Modifier.isAbstract(method.getModifiers()) || method.getParameterCount() != 0) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Type type = unwrapOptional(method.getGenericReturnType());
            if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
                Type value = map.getActualTypeArguments()[1];
                if (isGroup(value)) {
                    collect((Class<?>) value, name + ".*", keys);
                } else {
                    keys.add(name + ".*");
                }
            } else if (isGroup(type)) {
                collect((Class<?>) type, name, keys);
            } else {
                keys.add(name);
            }
        }
    }

    private static Type unwrapOptional(Type type) {
        if (type instanceof ParameterizedType optional && optional.getRawType() == Optional.class) {
            return optional.getActualTypeArguments()[0];
        }
        return type;
    }

    /** A nested mapping: one of our interfaces, not a value type such as {@code List} or {@code Duration}. */
    private static boolean isGroup(Type type) {
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("com.company.");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Stream<Class<?>> mappingsStream(Path classes) throws IOException {
        ClassLoader loader = ConfigKeys.class.getClassLoader();
        return Files.walk(classes)
                .filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$$"))
                .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                .sorted()
                .<Class<?>>map(name -> {
                    try {
                        return Class.forName(name, false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new IllegalStateException("cannot load " + name, e);
                    }
                })
                .filter(c -> c.isInterface() && c.isAnnotationPresent(ConfigMapping.class));
    }

    private static java.util.List<Class<?>> mappings() {
        try {
            Path classes = Path.of(PlatformNextConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Class<?>> found = mappingsStream(classes)) {
                return found.toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
