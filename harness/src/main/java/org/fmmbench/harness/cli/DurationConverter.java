package org.fmmbench.harness.cli;

import java.time.Duration;
import org.fmmbench.harness.profile.Durations;
import picocli.CommandLine.ITypeConverter;

/** Lets options take durations such as {@code 90s}, {@code 10m} or {@code 2h}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
