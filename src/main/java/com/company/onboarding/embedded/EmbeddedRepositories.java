package com.company.onboarding.embedded;

import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jboss.logging.Logger;

/**
 * Seeds the embedded default (docs/spec.md#the-embedded-default): real bare repositories under the data directory,
 * built from sample content shipped in the jar, so the service runs its whole job with no
 * configuration. A repository that already has a commit is never touched: restarts reuse it
 * and whatever was pushed to it since.
 */
public final class EmbeddedRepositories {

    private static final Logger LOG = Logger.getLogger(EmbeddedRepositories.class);
    private static final String ROOT = "embedded/";

    private EmbeddedRepositories() {
    }

    /**
     * Makes sure the bare repository {@code name} exists at {@code directory} with the sample
     * content, and returns its directory.
     */
    public static Path ensure(String name, Path directory) {
        JsonNode spec = manifest().path("repositories").path(name);
        if (spec.isMissingNode()) {
            throw new IllegalArgumentException("no embedded repository named " + name);
        }
        try {
            Files.createDirectories(directory);
            try (Repository repository = FileRepositoryBuilder.create(directory.toFile())) {
                if (Files.exists(directory.resolve("objects"))) {
                    if (!repository.getRefDatabase().getRefs().isEmpty()) {
                        LOG.debugf("embedded %s already has commits, reusing it", name);
                        return directory;
                    }
                } else {
                    try (var entries = Files.list(directory)) {
                        if (entries.findAny().isPresent()) {
                            throw new IllegalStateException(directory + " exists and is not a git repository;"
                                    + " move it away or point onboarding.data-dir elsewhere");
                        }
                    }
                    repository.create(true);
                }
                seed(name, spec, repository);
                LOG.infof("created the embedded %s repository at %s", name, directory.toAbsolutePath());
                return directory;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded " + name + " repository at " + directory, e);
        }
    }

    private static void seed(String name, JsonNode spec, Repository repository) throws IOException {
        String branch = Constants.R_HEADS + spec.path("branch").asText("main");
        PersonIdent template = parseIdent(spec.path("author").asText());
        Map<String, ObjectId> tree = new TreeMap<>();
        ObjectId parent = null;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            for (JsonNode commit : spec.path("commits")) {
                for (JsonNode file : commit.path("files")) {
                    String path = file.asText();
                    tree.put(path, inserter.insert(Constants.OBJ_BLOB, resource(ROOT + name + "/" + path)));
                }
                PersonIdent who = new PersonIdent(template.getName(), template.getEmailAddress(),
                        Instant.parse(commit.path("date").asText()), TimeZone.getTimeZone("UTC").toZoneId());
                CommitBuilder builder = new CommitBuilder();
                builder.setTreeId(writeTree(tree, inserter));
                if (parent != null) {
                    builder.setParentId(parent);
                }
                builder.setAuthor(who);
                builder.setCommitter(who);
                builder.setMessage(commit.path("message").asText() + "\n");
                parent = inserter.insert(builder);
                inserter.flush();
                if (commit.hasNonNull("tag")) {
                    update(repository, Constants.R_TAGS + commit.path("tag").asText(), parent);
                }
            }
        }
        update(repository, branch, parent);
        RefUpdate head = repository.updateRef(Constants.HEAD);
        head.link(branch);
    }

    private static ObjectId writeTree(Map<String, ObjectId> files, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        files.forEach((path, blob) -> {
            DirCacheEntry entry = new DirCacheEntry(path);
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blob);
            builder.add(entry);
        });
        builder.finish();
        return index.writeTree(inserter);
    }

    private static void update(Repository repository, String ref, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setNewObjectId(id);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
            throw new IOException("cannot create " + ref + ": " + result);
        }
    }

    private static PersonIdent parseIdent(String text) {
        int lt = text.indexOf('<');
        return new PersonIdent(text.substring(0, lt).strip(), text.substring(lt + 1, text.indexOf('>')));
    }

    private static JsonNode manifest() {
        try {
            return YamlTrees.read(resource(ROOT + "manifest.yaml"), ParseLimits.DEFAULT);
        } catch (DocumentException e) {
            throw new IllegalStateException("the embedded manifest is invalid: " + e.describe());
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = EmbeddedRepositories.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing embedded resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
