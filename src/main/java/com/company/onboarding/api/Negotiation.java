package com.company.onboarding.api;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one rule that picks an answer's media type from {@code Accept} (RFC 9110, 12.5.1), for
 * every resource: each type a resource produces gets the weight of the most specific range that
 * matches it ({@code application/json} over {@code application/*} over {@code *}{@code /*}); a
 * weight of 0 means "not that one"; the heaviest type wins, ties go to the resource's order
 * (JSON first). No acceptable type is a 406 problem. Quarkus REST alone answers JSON to
 * {@code Accept: application/json;q=0}.
 */
public class Negotiation {

    /** What each resource method produces, read once: the annotations do not change, and this runs on every request. */
    private static final ConcurrentHashMap<Method, List<MediaType>> PRODUCIBLE = new ConcurrentHashMap<>();

    private record Range(String type, String subtype, double weight) {

        int specificity(MediaType candidate) {
            if (type.equals("*")) {
                return 1;
            }
            if (!type.equalsIgnoreCase(candidate.getType())) {
                return 0;
            }
            if (subtype.equals("*")) {
                return 2;
            }
            return subtype.equalsIgnoreCase(candidate.getSubtype()) ? 3 : 0;
        }
    }

    /**
     * The type to answer with among {@code producible} (in the resource's order), or empty when
     * the {@code Accept} values exclude every one. No {@code Accept} (or none that parses) accepts
     * anything.
     */
    public static Optional<MediaType> choose(List<String> acceptValues, List<MediaType> producible) {
        List<Range> ranges = ranges(acceptValues);
        if (ranges.isEmpty()) {
            return producible.stream().findFirst();
        }
        MediaType best = null;
        double bestWeight = 0;
        for (MediaType candidate : producible) {
            int specificity = 0;
            double weight = 0;
            for (Range range : ranges) {
                int matched = range.specificity(candidate);
                if (matched > specificity || (matched == specificity && matched > 0 && range.weight() > weight)) {
                    specificity = matched;
                    weight = range.weight();
                }
            }
            if (weight > bestWeight) {
                best = candidate;
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Runs after matching, so the resource method's {@code @Produces} is known. */
    @ServerRequestFilter
    public void acceptable(ContainerRequestContext request, ResourceInfo resource) {
        List<MediaType> producible = producible(resource);
        if (producible.isEmpty()) {
            return;
        }
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (choose(accept == null ? List.of() : accept, producible).isEmpty()) {
            throw new NotAcceptableException();
        }
    }

    private static List<MediaType> producible(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return List.of();
        }
        return PRODUCIBLE.computeIfAbsent(resource.getResourceMethod(), method -> producible(method, resource.getResourceClass()));
    }

    private static List<MediaType> producible(Method method, Class<?> resourceClass) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resourceClass.getAnnotation(Produces.class);
        }
        if (produces == null) {
            return List.of();
        }
        return Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .map(MediaType::valueOf)
                .toList();
    }

    private static List<Range> ranges(List<String> values) {
        List<Range> ranges = new ArrayList<>();
        if (values == null) {
            return ranges;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                parse(part.strip()).ifPresent(ranges::add);
            }
        }
        return ranges;
    }

    /** One media range; a malformed one is left out (as if the client had not sent it). */
    private static Optional<Range> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = text.split(";");
        String[] essence = parts[0].strip().split("/", -1);
        if (essence.length != 2 || essence[0].isBlank() || essence[1].isBlank()
                || (essence[0].equals("*") && !essence[1].equals("*"))) {
            return Optional.empty();
        }
        double weight = 1;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                try {
                    weight = Double.parseDouble(parameter[1].strip());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (!(weight >= 0 && weight <= 1)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Range(essence[0].strip(), essence[1].strip(), weight));
    }
}
