package com.company.onboarding.git;

import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What a remote advertises: each ref with the commit it points to (annotated tags peeled),
 * and the branch its {@code HEAD} names, when it says.
 */
public record RemoteRefs(Map<String, ObjectId> refs, Optional<String> defaultBranch) {

    public RemoteRefs {
        refs = Map.copyOf(refs);
    }

    public Optional<ObjectId> get(String refName) {
        return Optional.ofNullable(refs.get(refName));
    }
}
