package com.company.onboarding.platform;

import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.StrictTree.InvalidTree;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.profile.ProfileParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

/**
 * platform-next's base branch at one commit, parsed. A file that does not parse does not
 * hide the other: its accessor throws the {@link UpstreamInvalid} that names the problem.
 */
public final class PlatformSnapshot {

    private static final Logger LOG = Logger.getLogger(PlatformSnapshot.class);

    /** Reads one file of platform-next (at a commit, or in a working tree); empty when it does not exist. */
    @FunctionalInterface
    public interface Files {
        Optional<byte[]> read(String path);
    }

    private final ObjectId commit;
    private final Instant readAt;
    private final Map<String, MonitoringProfile> profiles;
    private final UpstreamInvalid profilesError;
    private final ServicesFile services;
    private final UpstreamInvalid servicesError;

    PlatformSnapshot(ObjectId commit, Instant readAt, Map<String, MonitoringProfile> profiles, UpstreamInvalid profilesError,
            ServicesFile services, UpstreamInvalid servicesError) {
        this.commit = commit;
        this.readAt = readAt;
        this.profiles = profiles;
        this.profilesError = profilesError;
        this.services = services;
        this.servicesError = servicesError;
    }

    public ObjectId commit() {
        return commit;
    }

    public String commitId() {
        return commit.name();
    }

    public Instant readAt() {
        return readAt;
    }

    public Map<String, MonitoringProfile> profiles() {
        if (profilesError != null) {
            throw profilesError;
        }
        return profiles;
    }

    public ServicesFile services() {
        if (servicesError != null) {
            throw servicesError;
        }
        return services;
    }

    /**
     * Parses the profiles file and the services file as {@code files} gives them. {@code where}
     * ends the message of a missing file ("on main", "in /work/platform-next").
     */
    public static PlatformSnapshot read(ObjectId commit, Instant readAt, String profilesPath, String servicesPath,
            Files files, String where) {
        Map<String, MonitoringProfile> profiles = null;
        UpstreamInvalid profilesError = null;
        try {
            profiles = parse(file(files, profilesPath, where), profilesPath, ProfileParser::parse);
        } catch (UpstreamInvalid e) {
            profilesError = e;
        }
        ServicesFile services = null;
        UpstreamInvalid servicesError = null;
        try {
            byte[] bytes = file(files, servicesPath, where);
            services = parse(bytes, servicesPath, root -> ServicesFile.parse(bytes, root));
        } catch (UpstreamInvalid e) {
            servicesError = e;
        }
        return new PlatformSnapshot(commit, readAt, profiles, profilesError, services, servicesError);
    }

    private static <T> T parse(byte[] bytes, String path, Function<JsonNode, T> parser) {
        try {
            return parser.apply(YamlTrees.read(bytes, ParseLimits.DEFAULT));
        } catch (DocumentException e) {
            throw invalid(path, e.describe());
        } catch (InvalidTree e) {
            throw invalid(path, e.getMessage());
        }
    }

    private static byte[] file(Files files, String path, String where) {
        return files.read(path).orElseThrow(() -> invalid(path, "the file does not exist " + where));
    }

    private static UpstreamInvalid invalid(String path, String problem) {
        LOG.warnf("platform-next %s cannot be read: %s", path, problem);
        return new UpstreamInvalid("platform-next.invalid", "platform-next " + path + ": " + problem);
    }
}
