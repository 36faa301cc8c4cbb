package com.company.onboarding.api;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Two media-type rules applied to every request and answer, before any resource runs:
 * <ul>
 * <li>YAML's deprecated aliases ({@link RequestBodies#YAML_ALIASES}: {@code application/x-yaml},
 *     {@code text/yaml}, {@code text/x-yaml}) mean {@code application/yaml}, in {@code Content-Type}
 *     and in {@code Accept}, so every resource that reads or writes YAML takes them alike;</li>
 * <li>every JSON or YAML answer (problems, previews, {@code /q/health}, {@code /q/openapi}) is
 *     UTF-8 and says so the same way: {@code <type>;charset=UTF-8}. Other types keep their own
 *     ({@code /q/metrics} already names UTF-8).</li>
 * </ul>
 */
@ApplicationScoped
public class MediaTypeHeaders {

    private static final String CHARSET = "charset=UTF-8";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        MultiMap headers = context.request().headers();
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, withoutAliases(contentType));
        }
        List<String> accept = headers.getAll(HttpHeaders.ACCEPT);
        if (!accept.isEmpty()) {
            headers.remove(HttpHeaders.ACCEPT);
            accept.forEach(value -> headers.add(HttpHeaders.ACCEPT, withoutAliases(value)));
        }
        context.addHeadersEndHandler(ignored -> {
            String answered = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (answered != null) {
                context.response().headers().set(HttpHeaders.CONTENT_TYPE, withCharset(answered));
            }
        });
        context.next();
    }

    /** Each comma-separated media type (or range) whose essence is a YAML alias, as {@code application/yaml}. */
    static String withoutAliases(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (String part : value.split(",", -1)) {
            if (out.length() > 0) {
                out.append(',');
            }
            int semicolon = part.indexOf(';');
            String essence = (semicolon < 0 ? part : part.substring(0, semicolon)).strip();
            boolean alias = false;
            for (String yamlAlias : RequestBodies.YAML_ALIASES) {
                alias |= yamlAlias.equalsIgnoreCase(essence);
            }
            out.append(alias ? RequestBodies.YAML + (semicolon < 0 ? "" : part.substring(semicolon)) : part);
        }
        return out.toString();
    }

    /** A JSON or YAML type as {@code <essence>[;<other parameters>];charset=UTF-8}; any other type as it is. */
    static String withCharset(String contentType) {
        String[] parts = contentType.split(";");
        String essence = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean ours = essence.equals("application/json") || essence.endsWith("+json")
                || essence.equals(RequestBodies.YAML) || essence.endsWith("+yaml");
        if (!ours) {
            return contentType;
        }
        StringBuilder out = new StringBuilder(essence);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (!parameter.isEmpty() && !parameter.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                out.append(';').append(parameter);
            }
        }
        return out.append(';').append(CHARSET).toString();
    }
}
