package com.company.onboarding.preview;

import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.platform.ServiceCatalog;
import com.company.onboarding.validation.Assessment;
import com.company.onboarding.validation.ValidationService;
import com.company.onboarding.config.OnboardingConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Previews the merged Dynatrace config of an entry, proposed or already on platform-next.
 * Validation runs first and its merge is the preview: an invalid entry is a 422 with the same
 * findings {@code /services/validate} reports, never a partial config.
 */
@ApplicationScoped
public class PreviewService {

    @Inject
    ValidationService validation;
    @Inject
    ServiceCatalog services;
    @Inject
    OnboardingConfig config;

    public Preview proposed(JsonNode body, TargetFilter filter) {
        return preview(validation.assessProposed(body), filter);
    }

    public Preview existing(String name, TargetFilter filter) {
        return preview(validation.assessExisting(services.get(name)), filter);
    }

    private Preview preview(Assessment assessment, TargetFilter filter) {
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
