package com.company.onboarding.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Writes a commit that changes one file of its parent's tree, straight into a bare repository's
 * object store (an in-core index, no work tree, no ref moved): every other path keeps its blob
 * and mode, so the commit's diff is that file alone. The commit is unreachable until pushed.
 */
public final class FileCommit {

    private FileCommit() {
    }

    /** The new commit's id; {@code author} is also the committer. */
    public static ObjectId write(Repository repository, RevCommit parent, String path, byte[] content,
            PersonIdent author, String message) {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    // A new file, or one that was not a regular file, becomes a regular one; an executable stays so.
                    if (entry.getFileMode() != FileMode.EXECUTABLE_FILE) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                    }
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(parent);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a commit into " + repository.getDirectory(), e);
        }
    }
}
