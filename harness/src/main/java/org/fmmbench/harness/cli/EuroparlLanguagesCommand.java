package org.fmmbench.harness.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.fmmbench.tasks.europarl.EuroparlCorpus;
import org.fmmbench.tasks.europarl.EuroparlLanguage;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tasks europarl-languages}: how many lines of each language the offline Europarl stand-in holds. */
@Command(name = "europarl-languages", mixinStandardHelpOptions = true,
        description = "Prints the language histogram of the Europarl lines behind the Text, Retrieval and "
                + "language-modelling stand-ins (docs/tasks.md).")
final class EuroparlLanguagesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<EuroparlCorpus.Document> docs = EuroparlCorpus.load();
        int[] counts = EuroparlCorpus.histogram(docs);
        for (int k = 0; k < counts.length; k++) {
            out.printf("%s %d%n", EuroparlLanguage.CODES.get(k), counts[k]);
        }
        long undetected = docs.stream().filter(d -> d.language() < 0).count();
        out.printf("undetected %d of %d lines%n", undetected, docs.size());
        out.flush();
        return 0;
    }
}
