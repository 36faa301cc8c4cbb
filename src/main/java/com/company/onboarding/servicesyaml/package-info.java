/**
 * Editing {@code services.yaml} without losing a byte of what is already there: comments,
 * quoting, blank lines and line endings stay, because the file is edited as text and the result
 * is parsed back and compared with what was meant before anyone sees it (docs/services-yaml-editing.md).
 *
 * <p>The API: {@link com.company.onboarding.servicesyaml.ServicesYamlEditor#append} adds an entry
 * and returns a {@link com.company.onboarding.servicesyaml.ServicesEdit}, or refuses a file it
 * cannot change safely ({@link com.company.onboarding.servicesyaml.UnsafeEditException});
 * {@link com.company.onboarding.servicesyaml.ServicesEntries} says whether a file already holds a
 * service, or exactly a given entry. Everything else here is how.
 */
package com.company.onboarding.servicesyaml;
