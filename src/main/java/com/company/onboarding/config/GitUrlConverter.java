package com.company.onboarding.config;

import com.company.onboarding.git.GitUrl;
import org.eclipse.microprofile.config.spi.Converter;

/** Lets configuration values become {@link GitUrl}s, keeping our message when one is malformed. */
public class GitUrlConverter implements Converter<GitUrl> {

    @Override
    public GitUrl convert(String value) {
        return value == null || value.isBlank() ? null : new GitUrl(value);
    }
}
