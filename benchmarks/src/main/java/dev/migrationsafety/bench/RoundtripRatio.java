package dev.migrationsafety.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@link RoundtripBenchmark}'s comparison in pairs: {@code psqlLimit} and a round trip mode run alternately, so that
 * both halves of a pair see the same load on the machine, and the ratio of each pair is printed with the median of
 * all. JMH runs one benchmark after the other, and where the machine's own speed drifts by a quarter within minutes
 * (shared virtual machines), separate averages say less about the ratio than pairs do.
 *
 * <p>{@code benchmarks/ratio [pairs] [chain|step] [migrations] [prefix]}, defaults 15, chain, 260, 0. With a prefix,
 * the round trip starts after the first {@code prefix} migrations ({@code startAfter}), and psql applies their ups
 * before the window's up, down and up. Two pairs more run first as warm-up and are not counted.
 */
public final class RoundtripRatio {
    private RoundtripRatio() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String mode = args.length > 1 ? args[1] : "chain";
        RoundtripBenchmark bench = new RoundtripBenchmark();
        bench.migrations = args.length > 2 ? Integer.parseInt(args[2]) : 260;
        bench.prefix = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        bench.generate();
        Callable<?> roundtrip = mode.equals("step") ? bench::step : bench::chain;
        List<Double> ratios = new ArrayList<>();
        long[] psqlTimes = new long[pairs];
        long[] modeTimes = new long[pairs];
        for (int i = -2; i < pairs; i++) {
            long psql = time(bench::psqlLimit);
            long ours = time(roundtrip);
            if (i >= 0) {
                psqlTimes[i] = psql;
                modeTimes[i] = ours;
                ratios.add((double) ours / psql);
                System.out.printf(
                        "pair %2d: psqlLimit %5d ms, %s %5d ms, ratio %.2f%n",
                        i + 1, psql, mode, ours, (double) ours / psql);
            }
        }
        ratios.sort(null);
        Arrays.sort(psqlTimes);
        Arrays.sort(modeTimes);
        System.out.printf(
                "%d migrations (%d before the window), %d pairs: median psqlLimit %d ms, median %s %d ms, median ratio"
                        + " %.2f (%.2f-%.2f)%n",
                bench.migrations,
                bench.prefix,
                pairs,
                psqlTimes[pairs / 2],
                mode,
                modeTimes[pairs / 2],
                ratios.get(pairs / 2),
                ratios.get(0),
                ratios.get(pairs - 1));
    }

    private static long time(Callable<?> run) throws Exception {
        long t = System.nanoTime();
        run.call();
        return (System.nanoTime() - t) / 1_000_000;
    }
}
