package org.klaster.app.web;

import io.javalin.Javalin;
import org.klaster.app.DemoSetup;
import org.klaster.data.store.Store;

/**
 * A workbench on a free port over an in-memory store holding the synthetic demo dataset "demo",
 * exactly as `klaster demo` creates it (and optionally {@link SovereigntyFixtures}). Tests use it through HTTP only.
 */
final class TestServer implements AutoCloseable {

    final Store store;
    final Workbench wb;
    final Javalin app;

    TestServer() {
        this(false);
    }

    /** With {@code sovereignty}, also the hand-built tables and trade of {@link SovereigntyFixtures}. */
    TestServer(boolean sovereignty) {
        this(sovereignty, null);
    }

    /** With {@code extra}, also what it stores (e.g. {@link OpportunitiesFixtures#install}) before the workbench opens. */
    TestServer(boolean sovereignty, java.util.function.Consumer<Store> extra) {
        store = Store.inMemory();
        // the real synthetic demo (activity only: the firm-level dataset is not shown by the pages)
        DemoSetup.install(store, false, phase -> { });
        if (sovereignty) SovereigntyFixtures.install(store);
        if (extra != null) extra.accept(store);
        wb = new Workbench(store, Reference.regions(), Reference::categoryName);
        app = WebApp.create(wb).start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
