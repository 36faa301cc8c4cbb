package com.company.onboarding.git;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/** Reads a commit's tree without a work tree. */
public final class GitTrees {

    private GitTrees() {
    }

    /**
     * The regular files below {@code directories} (all files when empty) at {@code commit}: path
     * to blob id, sorted by path. Symlinks and submodules are skipped, so a repository cannot
     * make us read outside itself.
     */
    public static SortedMap<String, ObjectId> regularFiles(Repository repository, AnyObjectId commit,
            List<String> directories) throws IOException {
        SortedMap<String, ObjectId> files = new TreeMap<>();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk revWalk = new RevWalk(reader);
                TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(revWalk.parseCommit(commit).getTree());
            walk.setRecursive(true);
            if (!directories.isEmpty()) {
                walk.setFilter(PathFilterGroup.create(directories.stream().map(PathFilter::create).toList()));
            }
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    files.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
        return files;
    }
}
