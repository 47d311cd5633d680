package org.klaster.app.web;

import org.klaster.app.Progress;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.klaster.app.DemoSetup;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Reference;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.DemoAccounts;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import java.time.Clock;
import java.util.List;
import org.klaster.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code klaster serve}: the web workbench on http://localhost:8080. On first run (a database without
 * datasets) it creates the synthetic demo with {@code klaster demo}, so a fresh clone shows something.
 * Accounts live in the platform store ({@code --db}: the same DuckDB file, or PostgreSQL). On loopback with the
 * demo it makes one account per role with new random passwords ({@link DemoAccounts}); on any other address, or
 * behind a proxy, it disables those and refuses to start (exit 2) until an administrator exists.
 *
 * <p>The {@code klaster} launcher runs it with {@code -Xmx2g -XX:+ExitOnOutOfMemoryError} (measured in
 * docs/benchmarks.md, "Hardening under load"): every cache is bounded (the response cache by bytes, 1/16
 * of the heap), so an OutOfMemoryError means a bound was missed; a JVM after one may have lost a Jetty
 * thread and keep the port open without answering (issue 10, probe 1), so exiting — and being restarted
 * by a supervisor — is the better failure: committed datasets survive in DuckDB's log, an upload under
 * way is dropped whole. Overload is shed before that ({@link Overload}: 503 with {@code Retry-After}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web workbench (maps, profiles, uploads, JSON API with OpenAPI/Swagger UI).",
                "Creates the synthetic demo database on first run when the database holds no dataset."})
public final class ServeCommand implements Callable<Integer>, Klaster.LanguageAware {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--db", paramLabel = "FILE|URL", description = {"The embedded database (default: ~/.klaster/klaster.duckdb),"
            + " or postgresql://USER:PASSWORD@HOST:PORT/DB for the platform tables (accounts, registry, audit trail) of a shared"
            + " server; the datasets then stay in --datasets."})
    String db;

    @Option(names = "--datasets", paramLabel = "FILE", description = "The DuckDB file of the datasets when --db is a PostgreSQL URL"
            + " (default: ~/.klaster/klaster.duckdb).")
    Path datasets;

    @Option(names = "--lang", paramLabel = "en|ru", defaultValue = "en", description = "Language of the console messages (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--no-demo", description = "Do not create the demo dataset when the database is empty.")
    boolean noDemo;

    @Option(names = "--allowed-host", paramLabel = "NAME", description = {
            "Another host name the server answers to, as NAME (any port) or NAME:PORT; repeatable. By default it answers only"
                    + " to localhost, 127.0.0.1, [::1] and --host on its port (requests for other names, e.g. DNS rebinding, get 421)."})
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--behind-proxy", description = {"Trust X-Forwarded-Proto/-Host/-Port and Forwarded from a reverse proxy"
            + " (TLS ends there): HTTPS requests then get HSTS and Secure cookies. Keep --host on 127.0.0.1. See docs/security.md."})
    boolean behindProxy;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public Lang lang() {
        return lang == null ? Lang.en : lang;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        Security.Config security = new Security.Config(host, allowedHosts, behindProxy); // refuses a malformed name (exit 2)
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Messages msg = Messages.of(lang());
        boolean postgres = db != null && PlatformStore.isPostgresUrl(db);
        if (datasets != null && !postgres) throw UserException.badParameter("datasets", Messages.text("serve.datasetsWithoutUrl"));
        Path file = postgres ? (datasets != null ? datasets : Store.defaultPath()) : db != null ? Path.of(db) : Store.defaultPath();
        // a shared server (another address than loopback, or behind a proxy) needs an administrator, and never has
        // the demo's accounts; a database that does not exist yet has no administrator: refused before it is created
        boolean local = WebApp.loopbackOnly(security);
        if (!local && !postgres && !java.nio.file.Files.exists(file)) throw noAdministrator();
        Store store = Store.open(file);
        PlatformStore platform;
        try {
            platform = postgres ? PlatformStore.postgres(db) : PlatformStore.on(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        if (!local) {
            DemoAccounts.close(platform, Actor.cli());
            if (!platform.hasAdministrator()) {
                platform.close();
                store.close();
                throw noAdministrator();
            }
        }
        if (store.datasets().isEmpty() && !noDemo) {
            err.println("klaster serve: the database " + file + " holds no dataset; creating the synthetic demo (as `klaster demo` does)…");
            DemoSetup.install(store, true, Progress.phases(err, false));
        } else if (!noDemo && DemoSetup.outdated(store)) {
            // a demo made by an earlier Klaster lacks datasets newer pages need (demo-io, demo-trade, …)
            err.println("klaster serve: the synthetic demo in " + file + " is from an earlier version; refreshing it"
                    + " (your own datasets are kept)…");
            DemoSetup.install(store, true, Progress.phases(err, false));
        }
        if (local && !noDemo && platform.clusters().isEmpty()) {
            // the Registry section's SYNTHETIC demo registry, on this machine only and into an empty registry (before
            // the demo accounts: the demo cluster manager and participant act for its first cluster)
            err.println("klaster serve: the registry holds no cluster; adding the SYNTHETIC demo registry (klaster demo registry)…");
            platform.importRegistry(Actor.cli(), org.klaster.data.demo.DemoRegistry.generate());
        }
        Accounts accounts = new Accounts(platform, Clock.systemUTC());
        if (local && store.dataset(DemoSetup.ACTIVITY).map(org.klaster.data.store.Dataset::synthetic).orElse(false)) {
            // the demo on this machine: one account per role, new random passwords at every start
            accounts.setDemo(DemoAccounts.open(platform, Actor.cli()));
            out.println(msg.get("serve.demoAccounts"));
            for (DemoAccounts.Demo d : accounts.demo()) {
                out.println("  " + d.login() + "  (" + msg.get("role." + d.role().label()) + ")  " + d.password());
            }
        }
        Workbench wb = new Workbench(store, Reference.regions()).usePlatform(platform);
        // load the default activity and its latest mapping now, so the first page is as fast as the rest
        wb.defaultOf(org.klaster.data.store.DatasetKind.Content.ACTIVITY).ifPresent(d -> {
            var in = wb.activity(d);
            org.klaster.app.analysis.MappingAnalysis.view(in, org.klaster.app.analysis.MappingAnalysis.years(in, null,
                    in.years().first() < in.years().last() ? in.years().first() : null), wb);
        });
        Javalin app = WebApp.create(wb, security, accounts);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, List.of(platform, store), stopped), "klaster-serve-shutdown"));
        app.start(host, port);
        String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
        out.println("Klaster workbench: http://" + shown + ":" + app.port() + "/  (API: /api/v1, docs: /api/docs; Ctrl+C stops)");
        out.flush();
        stopped.await();
        return Klaster.OK;
    }

    private UserException noAdministrator() {
        return UserException.badParameter("host", Messages.text("serve.noAdministrator", host));
    }

    /** Seconds SIGTERM or Ctrl+C waits for requests under way before the server stops anyway. */
    static final int STOP_SECONDS = 5;

    /**
     * Stops the server on SIGTERM or Ctrl+C within seconds, even under load: Jetty is given
     * {@value #STOP_SECONDS} s to finish the requests under way, then the database is closed. When the stop
     * does not finish in time (a request that does not end) the JVM is halted without closing the
     * database: DuckDB's write-ahead log keeps every committed dataset and drops an unfinished write, as
     * after kill -9.
     */
    static void stop(Javalin app, List<AutoCloseable> stores, CountDownLatch stopped) {
        Thread jetty = new Thread(app::stop, "klaster-serve-stop");
        jetty.setDaemon(true);
        jetty.start();
        try {
            jetty.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (jetty.isAlive()) {
            System.err.println("klaster serve: requests did not finish within " + STOP_SECONDS + " s; stopping now.");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        for (AutoCloseable c : stores) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("klaster serve: " + e.getMessage());
            }
        }
        stopped.countDown();
    }
}
