package com.company.onboarding.preview;

import com.company.onboarding.assessment.Assessment;
import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.platform.ServiceCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Previews the merged Dynatrace config of an entry, proposed or already on platform-next.
 * Validation runs first and its merge is the preview: an invalid entry is a 422 with the same
 * findings {@code /services/validate} reports, never a partial config. Output is deterministic,
 * so a rendering is kept per fingerprint, target filter and format.
 */
@ApplicationScoped
public class PreviewService {

    /** The two forms of a preview (docs/spec.md#http-api). */
    public enum Format {
        JSON("application/json"), YAML("application/yaml;charset=utf-8");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** A preview ready to send. */
    public record Rendered(byte[] body, String mediaType) {
    }

    private final AssessmentService assessments;
    private final OnboardingConfig config;
    private final ObjectMapper json;
    private final Cache renderings;

    PreviewService(AssessmentService assessments, OnboardingConfig config, ObjectMapper json,
            @CacheName("previews") Cache renderings) {
        this.assessments = assessments;
        this.config = config;
        this.json = json;
        this.renderings = renderings;
    }

    public Rendered proposed(JsonNode body, TargetFilter filter, Format format) {
        return render(assessments.proposed(body), filter, format);
    }

    public Rendered existing(String name, TargetFilter filter, Format format) {
        return render(assessments.existing(name).orElseThrow(() -> ServiceCatalog.notFound(name)), filter, format);
    }

    /** The structured preview of an assessed entry, for callers inside the service. */
    public Preview preview(Assessment assessment, TargetFilter filter) {
        checkFilter(filter);
        MergeResult result = assessment.requireValid().merge();
        List<Finding> warnings = assessment.warnings();
        if (result.targets().isEmpty()) {
            return new Preview(result.service(), List.of(), warnings, result.message(), result);
        }
        MergeResult selected = filter.isEmpty() ? result : result.select(filter.environment, filter.track, filter.region);
        if (selected.targets().isEmpty()) {
            throw new NotFound("preview.target.not-found", "no target of " + result.service() + " matches " + filter
                    + "; its targets are " + result.targets().stream()
                    .map(t -> t.target().environment() + "/" + t.target().track() + "/" + t.target().region()).toList());
        }
        return new Preview(selected.service(), selected.targets().stream().map(Preview.TargetPreview::of).toList(),
                warnings, null, selected);
    }

    private Rendered render(Assessment assessment, TargetFilter filter, Format format) {
        if (assessment.fingerprint() == null) {
            return bytes(preview(assessment, filter), format);
        }
        String key = assessment.fingerprint() + " " + filter + " " + format;
        return renderings.get(key, k -> bytes(preview(assessment, filter), format)).await().indefinitely();
    }

    private Rendered bytes(Preview preview, Format format) {
        try {
            byte[] body = format == Format.YAML ? preview.yaml().getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(preview);
            return new Rendered(body, format.mediaType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a preview could not be written as JSON", e);
        }
    }

    /** A filter naming a value the service does not know is a client mistake, told as such. */
    private void checkFilter(TargetFilter filter) {
        known("environment", filter.environment, config.environments());
        known("track", filter.track, config.tracks());
        known("region", filter.region, config.regions());
    }

    private static void known(String what, String value, List<String> values) {
        if (value != null && !values.contains(value)) {
            throw new BadRequest("preview.filter.invalid", what + " must be one of " + values);
        }
    }
}
