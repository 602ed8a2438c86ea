package org.fmmbench.harness.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.AttentionSettings;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.variants.VariantChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "variants", mixinStandardHelpOptions = true,
        description = {"Lists the attention variants on the class path with their parameters.",
                "A spec is name or name:key=value,key=value, e.g. band:k=5."})
final class VariantsCommand implements Callable<Integer> {
    @Option(names = "--check", paramLabel = "SPEC", description = "Check a variant (built-in or plug-in) before "
            + "training it: finite outputs and gradients, no leak from future positions when causal, padded keys "
            + "ignored. One line per check; exit 1 when one fails.")
    String check;

    @Option(names = "--n", paramLabel = "N", defaultValue = "32",
            description = "Sequence length of the checks (default: ${DEFAULT-VALUE}; above the variant's band).")
    int n;

    @Override
    public Integer call() {
        if (check != null) {
            return check();
        }
        Map<String, AttentionProvider> providers = VariantRegistry.load().providers();
        if (providers.isEmpty()) {
            System.out.println("No attention variants found on the class path.");
            return 1;
        }
        for (AttentionProvider p : providers.values()) {
            System.out.println(p.name() + " - " + p.summary());
            for (Map.Entry<String, String> param : p.parameters().entrySet()) {
                System.out.println("    " + param.getKey() + ": " + param.getValue());
            }
        }
        return 0;
    }

    private int check() {
        VariantRegistry registry = VariantRegistry.load();
        VariantSpec spec = BadInputException.ifRejected(() -> {
            VariantSpec parsed = VariantSpec.parse(check);
            registry.create(parsed, AttentionSettings.nonCausal(2, 8)); // rejects unknown names and parameters now
            return parsed;
        });
        BadInputException.requireAtLeast("--n", n, 4);
        List<VariantChecks.Check> checks = new VariantChecks(registry, n).run(spec);
        checks.forEach(System.out::println);
        return checks.stream().anyMatch(c -> c.outcome() == VariantChecks.Outcome.FAIL) ? 1 : 0;
    }
}
