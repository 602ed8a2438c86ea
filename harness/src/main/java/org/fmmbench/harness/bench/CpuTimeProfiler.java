package org.fmmbench.harness.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation of each iteration by one CPU clock, as one secondary result in ms/op. Each clock is a
 * subclass, because JMH adds a profiler by its class.
 */
abstract class CpuTimeProfiler implements InternalProfiler {
    private final String resultName;
    private final String description;
    private Reading start;

    /** A clock's CPU ns so far and the operations it counted (0 for a clock that counts none). */
    record Reading(long nanos, long operations) {
    }

    CpuTimeProfiler(String resultName, String description) {
        this.resultName = resultName;
        this.description = description;
    }

    /** The clock now. */
    abstract Reading read();

    /**
     * The operations of the iteration that divide its CPU time, given the {@code counted} ones of the clock; no
     * result when 0.
     */
    long operations(long counted, IterationResult result) {
        return counted;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = read();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        Reading end = read();
        long ops = operations(end.operations() - start.operations(), result);
        return ops == 0 ? List.of()
                : List.of(new ScalarResult(resultName, (end.nanos() - start.nanos()) / 1e6 / ops, "ms/op",
                        AggregationPolicy.AVG));
    }
}
