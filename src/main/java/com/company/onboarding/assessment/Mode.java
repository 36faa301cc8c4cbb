package com.company.onboarding.assessment;

/** Whether an entry is proposed (it must not exist on the base branch yet) or already there, or a change to one. */
public enum Mode {
    /** A new entry: {@code service.exists} applies. */
    PROPOSED,
    /** An entry on the base branch, or a proposed replacement of one. */
    EXISTING
}
