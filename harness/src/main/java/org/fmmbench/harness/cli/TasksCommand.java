package org.fmmbench.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Lists the tasks, their data sources and whether their data is present.")
final class TasksCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("tasks listing needs the tasks module's TaskRegistry (branch tasks)");
    }
}
