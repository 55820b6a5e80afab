package course.prove;

import course.proof.JcstressReport;
import course.proof.LincheckReport;
import course.proof.Proofs;
import course.proof.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * Runs chapter 8's tests from the command line.
 *
 * <ul>
 *   <li>{@code ProveMain all [quick|full]} ({@code make prove}): every JCStress test and every
 *       Lincheck check, each in a child JVM; prints one verdict per test and exits with 1 when a
 *       right version showed a bad outcome or a broken one did not (0 otherwise).</li>
 *   <li>{@code ProveMain lincheck <check,check...> <scenarios> <interleavings>}: Lincheck checks,
 *       one after the other in this JVM (it must start with {@code -XX:+EnableDynamicAgentLoading});
 *       prints {@code "lincheck verdict: <check> passed|failed <ms> ms"} for each, then a
 *       failure's report, which {@link LincheckReport#parse} reads back.</li>
 * </ul>
 *
 * <pre>{@code
 * java -cp "prove/target/course-prove-1.0-SNAPSHOT.jar:prove/target/lib/*" course.prove.ProveMain all quick
 * }</pre>
 */
public final class ProveMain {
    private ProveMain() {
    }

    /** See the class comment. */
    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("all")) {
            boolean full = args.length > 1 && args[1].equals("full");
            System.exit(all(full) ? 0 : 1);
        } else if (args.length == 4 && args[0].equals("lincheck")) {
            for (String check : args[1].split(",")) {
                lincheck(check, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            }
        } else {
            System.err.println("usage: ProveMain all [quick|full] | ProveMain lincheck <check,check...> <scenarios> <interleavings>");
            System.exit(2);
        }
    }

    private static void lincheck(String check, int scenarios, int interleavings) {
        long start = System.nanoTime();
        Optional<String> failure = LincheckChecks.run(check, scenarios, interleavings);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(LincheckReport.VERDICT + check + " " + (failure.isEmpty() ? "passed" : "failed") + " " + ms + " ms");
        failure.ifPresent(report -> {
            System.out.println(report);
            System.out.println(LincheckReport.END);
        });
    }

    private static boolean all(boolean full) {
        long start = System.nanoTime();
        System.out.println("== JCStress, " + (full ? "full" : "quick") + " settings: every test of course.prove ==");
        JcstressReport report = Proofs.jcstress("course.prove", full ? Proofs.JCSTRESS_FULL : Proofs.JCSTRESS_QUICK,
                Proofs.throttled(System.out::println));
        System.out.println("== Lincheck, model checking, " + (full ? Proofs.LINCHECK_FULL : Proofs.LINCHECK_QUICK) + " scenarios per check ==");
        List<LincheckReport> checks = Proofs.lincheck(Proofs.LINCHECK_NAMES,
                full ? Proofs.LINCHECK_FULL : Proofs.LINCHECK_QUICK, line -> { }).checks();
        List<Verdict> verdicts = Proofs.verdicts(report, checks);
        System.out.println("== verdicts ==");
        verdicts.forEach(System.out::println);
        long missing = Proofs.JCSTRESS_KINDS.keySet().stream()
                .filter(name -> report.tests().stream().noneMatch(t -> t.shortName().equals(name))).count();
        boolean ok = missing == 0 && verdicts.stream().allMatch(Verdict::asExpected);
        if (missing > 0) {
            System.out.println("FAIL " + missing + " JCStress tests did not run (too few CPUs? JCStress needs one per actor)");
        }
        System.out.printf("== %s in %d s ==%n", ok ? "every test showed what it should" : "SOME TEST DID NOT",
                (System.nanoTime() - start) / 1_000_000_000);
        return ok;
    }
}
