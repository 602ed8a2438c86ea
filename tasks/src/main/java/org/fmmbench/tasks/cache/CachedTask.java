package org.fmmbench.tasks.cache;

import java.util.EnumMap;
import java.util.Map;
import org.fmmbench.tasks.Split;
import org.fmmbench.tasks.SplitName;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskInfo;

/** A task whose three splits are token caches; closing it unmaps them. */
public final class CachedTask implements Task {
    private final TaskInfo info;
    private final Map<SplitName, CachedSplit> splits;
    private final java.util.Collection<TokenCache> caches;
    private final int contentLength;

    public CachedTask(TaskInfo info, Map<SplitName, TokenCache> caches, Map<SplitName, Integer> caps,
            int contentLength, int idOffset) {
        this.info = info;
        this.caches = java.util.List.copyOf(caches.values());
        this.contentLength = Math.min(contentLength, info.seqLength());
        this.splits = new EnumMap<>(SplitName.class);
        for (Map.Entry<SplitName, TokenCache> e : caches.entrySet()) {
            splits.put(e.getKey(), new CachedSplit(e.getValue(), caps.getOrDefault(e.getKey(), 0), contentLength, idOffset));
        }
    }

    /** A task whose splits are already built over {@code caches}, which closing the task closes. */
    public CachedTask(TaskInfo info, Map<SplitName, CachedSplit> splits, java.util.Collection<TokenCache> caches) {
        this.info = info;
        this.splits = new EnumMap<>(splits);
        this.caches = java.util.List.copyOf(caches);
        this.contentLength = info.seqLength();
    }

    @Override
    public int contentLength() {
        return contentLength;
    }

    @Override
    public TaskInfo info() {
        return info;
    }

    @Override
    public Split split(SplitName which) {
        return splits.get(which);
    }

    @Override
    public void close() {
        caches.forEach(TokenCache::close);
    }
}
