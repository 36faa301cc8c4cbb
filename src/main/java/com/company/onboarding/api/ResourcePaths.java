package com.company.onboarding.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path templates of the resources (this package's classes) and the methods each takes, read
 * once from their annotations: for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6),
 * and for the {@code uri} tags of the HTTP metrics ({@link BoundedUriTags}).
 *
 * <p>Quarkus REST answers a wrong method with a 405 that has no {@code Allow}; it does answer
 * {@code HEAD} for every {@code GET} and {@code OPTIONS} everywhere, so those are listed too.
 */
@ApplicationScoped
public class ResourcePaths {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private record Template(String template, Pattern path, String method) {
    }

    /** The resources' methods, and their templates alone for {@link #templates()}. */
    private record Scan(List<Template> methods, Set<String> templates) {
    }

    private final BeanManager beans;
    private volatile Scan scan;

    ResourcePaths(BeanManager beans) {
        this.beans = beans;
    }

    /** Every path template as written in the annotations, e.g. {@code /metrics-catalog/refs/{ref: .+}}. */
    public Set<String> templates() {
        return read().templates();
    }

    /** The {@code Allow} value for {@code path} (relative to the root, decoded): e.g. {@code GET, HEAD, OPTIONS}. */
    public String allow(String path) {
        String plain = path.replaceAll(";[^/]*", "");
        if (!plain.startsWith("/")) {
            plain = "/" + plain;
        }
        while (plain.length() > 1 && plain.endsWith("/")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        Set<String> methods = new TreeSet<>();
        for (Template template : read().methods()) {
            if (template.path().matcher(plain).matches()) {
                methods.add(template.method());
                if (template.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
                methods.add(HttpMethod.OPTIONS);
            }
        }
        return String.join(", ", methods);
    }

    /**
     * Read on first use, not at start-up: parsing the resources' annotations (each with its
     * OpenAPI annotations, every type a new proxy class) took 80 ms of a cold JVM's start.
     */
    private Scan read() {
        Scan read = scan;
        if (read == null) {
            synchronized (this) {
                read = scan;
                if (read == null) {
                    read = scan = scan(beans);
                }
            }
        }
        return read;
    }

    private static Scan scan(BeanManager beans) {
        List<Template> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            // The resources are ours, in this package: no framework bean's annotations to read.
            if (!bean.getBeanClass().getPackageName().equals(ResourcePaths.class.getPackageName())) {
                continue;
            }
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(root.value(), sub == null ? "" : sub.value());
                    found.add(new Template(template, pattern(template), http));
                }
            }
        }
        Set<String> templates = new TreeSet<>();
        found.forEach(t -> templates.add(t.template()));
        return new Scan(List.copyOf(found), Collections.unmodifiableSet(templates));
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A JAX-RS path template as a pattern: {@code {name}} is one segment, {@code {name: regex}} its regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).strip()).append(')');
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
