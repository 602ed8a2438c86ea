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
    private final Map<SplitName, TokenCache> caches;

    public CachedTask(TaskInfo info, Map<SplitName, TokenCache> caches, Map<SplitName, Integer> caps,
            int contentLength, int idOffset) {
        this.info = info;
        this.caches = new EnumMap<>(caches);
        this.splits = new EnumMap<>(SplitName.class);
        for (Map.Entry<SplitName, TokenCache> e : caches.entrySet()) {
            splits.put(e.getKey(), new CachedSplit(e.getValue(), caps.getOrDefault(e.getKey(), 0), contentLength, idOffset));
        }
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
        caches.values().forEach(TokenCache::close);
    }
}
