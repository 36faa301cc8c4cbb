package com.company.onboarding.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
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
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A real bare git repository for tests, written without a work tree: commits replace or add
 * files on a branch, tags point at commits. What the service reads from it goes through
 * real git transports ({@code file://} or smart HTTP).
 */
public final class BareRepo implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@company.com",
            Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final Path directory;
    private final Repository repository;
    private int commits;

    private BareRepo(Path directory, Repository repository) {
        this.directory = directory;
        this.repository = repository;
    }

    public static BareRepo create(Path directory) {
        try {
            Files.createDirectories(directory);
            Repository repository = FileRepositoryBuilder.create(directory.toFile());
            repository.create(true);
            RefUpdate head = repository.updateRef(Constants.HEAD);
            head.link(Constants.R_HEADS + "main");
            return new BareRepo(directory, repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BareRepo open(Path directory) {
        try {
            return new BareRepo(directory, FileRepositoryBuilder.create(directory.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public String url() {
        return directory.toUri().toString();
    }

    public Repository repository() {
        return repository;
    }

    /** Commits {@code files} on top of the branch's tree (a null content deletes the file); returns the commit id. */
    public String commit(String branch, String message, Map<String, String> files) {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            Map<String, ObjectId> tree = new TreeMap<>();
            if (ref != null) {
                tree.putAll(treeOf(ref.getObjectId()));
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (file.getValue() == null) {
                    tree.remove(file.getKey());
                } else {
                    tree.put(file.getKey(), inserter.insert(Constants.OBJ_BLOB,
                            file.getValue().getBytes(StandardCharsets.UTF_8)));
                }
            }
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            tree.forEach((path, blob) -> {
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                builder.add(entry);
            });
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (ref != null) {
                commit.setParentId(ref.getObjectId());
            }
            PersonIdent who = new PersonIdent(AUTHOR, AUTHOR.getWhenAsInstant().plusSeconds(++commits), ZoneOffset.UTC);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            setRef(Constants.R_HEADS + branch, id);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lightweight tag, or an annotated one (a tag object pointing at the commit). */
    public void tag(String name, String commit, boolean annotated) {
        try {
            ObjectId target = ObjectId.fromString(commit);
            if (!annotated) {
                setRef(Constants.R_TAGS + name, target);
                return;
            }
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                TagBuilder tag = new TagBuilder();
                tag.setTag(name);
                tag.setObjectId(target, Constants.OBJ_COMMIT);
                tag.setTagger(AUTHOR);
                tag.setMessage("release " + name + "\n");
                ObjectId id = inserter.insert(tag);
                inserter.flush();
                setRef(Constants.R_TAGS + name, id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setRef(String name, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(name);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot update " + name + ": " + result);
        }
    }

    /** The commit a branch points to, or null. */
    public String head(String branch) {
        try {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            return ref == null ? null : ref.getObjectId().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content at a branch, or null. */
    public String read(String branch, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            if (ref == null) {
                return null;
            }
            RevCommit commit = walk.parseCommit(ref.getObjectId());
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                return tree == null ? null
                        : new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, ObjectId> treeOf(ObjectId commitId) throws IOException {
        Map<String, ObjectId> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(commitId).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), tree.getObjectId(0));
            }
        }
        return files;
    }

    @Override
    public void close() {
        repository.close();
    }
}
