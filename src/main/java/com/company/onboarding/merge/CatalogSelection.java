package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.entry.ServiceEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which metrics-catalog files an entry reads, in merge order: each catalog profile it lists
 * (once, in the listed order, files by name), then its service directory. The one place this is
 * decided: the merge reads these files, and validation checks the rules and metrics of the same ones.
 *
 * @param parts the files with the source each stands for, lowest precedence first
 */
public record CatalogSelection(List<Part> parts) {

    /** One catalog file with the source it stands for. */
    public record Part(Source source, CatalogFile file) {
    }

    public static final CatalogSelection NONE = new CatalogSelection(List.of());

    public CatalogSelection {
        parts = List.copyOf(parts);
    }

    /** The files {@code entry} reads from {@code snapshot}; none when it names no catalog (null snapshot). */
    public static CatalogSelection of(ServiceEntry entry, CatalogSnapshot snapshot) {
        if (snapshot == null) {
            return NONE;
        }
        List<Part> parts = new ArrayList<>();
        for (String profile : listedProfiles(entry)) {
            snapshot.profileFiles(profile).forEach(f -> parts.add(new Part(Source.catalogProfile(profile, snapshot, f), f)));
        }
        if (entry.name() != null) {
            snapshot.serviceFiles(entry.name())
                    .forEach(f -> parts.add(new Part(Source.catalogService(entry.name(), snapshot, f), f)));
        }
        return new CatalogSelection(parts);
    }

    /** The catalog profiles an entry lists, each once, in the listed order. */
    static Set<String> listedProfiles(ServiceEntry entry) {
        ServiceEntry.CustomMetrics custom = entry.monitoring() == null ? null : entry.monitoring().customMetrics();
        return custom == null ? Set.of() : new LinkedHashSet<>(custom.profiles());
    }

    public List<CatalogFile> files() {
        return parts.stream().map(Part::file).toList();
    }
}
