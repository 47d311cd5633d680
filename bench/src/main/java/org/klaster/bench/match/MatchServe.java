package org.klaster.bench.match;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.klaster.app.DemoSetup;
import org.klaster.app.Klaster;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.data.store.Store;
import org.klaster.registry.Registry;

/**
 * The server side of {@code bench/match/wrk.sh}: a DuckDB file with the synthetic demo (its IO table and trade give
 * the IO link and the dependency) and {@link MatchBench}'s registry of ORGS organisations imported into its platform
 * store, an account with an API token for wrk, and the request paths wrk cycles through — then {@code klaster serve} on
 * that file, as a user starts it (response cache, overload queue and all).
 *
 * <p>usage: MatchServe DIR PORT [ORGS [REQUESTS]] — writes DIR/bench.duckdb, DIR/token, DIR/paths.txt.
 */
public final class MatchServe {

    private MatchServe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String port = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        Path db = dir.resolve("bench.duckdb");
        PrintStream out = System.out;
        Registry r = MatchBench.registry(n, 20_250_613L);
        try (Store store = Store.open(db)) {
            long t = System.nanoTime();
            if (!DemoSetup.installed(store)) DemoSetup.install(store, false, phase -> { });
            out.printf(Locale.ROOT, "demo datasets: %.1f s%n", (System.nanoTime() - t) / 1e9);
            try (PlatformStore ps = PlatformStore.on(store)) {
                if (ps.organisations().size() < n) {
                    t = System.nanoTime();
                    ps.importRegistry(Actor.cli(), r);
                    out.printf(Locale.ROOT, "registry import: %d organisations, %d offers, %.1f s%n", r.organisations().size(),
                            r.offers().size(), (System.nanoTime() - t) / 1e9);
                }
                if (ps.account("bench").isEmpty()) {
                    ps.addAccount(Actor.cli(), "bench", "bench", Role.MINISTRY_ANALYST, Passwords.hash(Tokens.newId().toCharArray()),
                            null, Set.of());
                }
                String token = Tokens.newApiToken();
                ps.addToken(Actor.cli(), ps.account("bench").orElseThrow().id(), "wrk", Tokens.sha256(token));
                Files.writeString(dir.resolve("token"), token, StandardCharsets.UTF_8);
                // what a request pays to learn whether the registry changed (Workbench#matcher)
                for (int i = 0; i < 1000; i++) ps.changeCount();
                t = System.nanoTime();
                for (int i = 0; i < 1000; i++) ps.changeCount();
                out.printf(Locale.ROOT, "changeCount: %.3f ms a call (%d audit entries)%n", (System.nanoTime() - t) / 1e9,
                        ps.changeCount());
            }
        }
        // the requests: MatchBench's needs — a phrase with a modifier, a code half of the time, an asker
        SplittableRandom rnd = new SplittableRandom(7);
        List<String> paths = new ArrayList<>();
        for (int q = 0; q < requests; q++) {
            String[] p = MatchBench.PHRASES[rnd.nextInt(MatchBench.PHRASES.length)];
            String text = "Ищем поставщика: " + p[0].toLowerCase(Locale.ROOT) + ", "
                    + MatchBench.MODIFIERS_RU[rnd.nextInt(MatchBench.MODIFIERS_RU.length)];
            String asker = r.organisations().get(rnd.nextInt(n)).inn();
            paths.add("/api/v1/cooperation/match?need=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                    + (rnd.nextBoolean() ? "&codes=" + p[1] : "") + "&inn=" + asker);
        }
        Files.write(dir.resolve("paths.txt"), paths, StandardCharsets.UTF_8);
        out.println("serving");
        out.flush();
        System.exit(Klaster.run(new String[] {"serve", "--db", db.toString(), "--port", port}, System.out, System.err, false));
    }
}
