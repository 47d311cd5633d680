package org.klaster.app.web;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.reference.DemoCategories;
import org.klaster.data.reference.Region;
import org.klaster.data.reference.Regions;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;

/**
 * A workbench on a free port over an in-memory store holding a small synthetic dataset "demo"
 * (every region × the divisions of the demo category map × 2018–2024, deterministic). Tests use it
 * through HTTP only.
 */
final class TestServer implements AutoCloseable {

    final Store store;
    final Workbench wb;
    final Javalin app;

    TestServer() {
        store = Store.inMemory();
        List<ActivityRecord> rows = activity();
        store.saveActivity(Dataset.of("demo", "activity", "test generator", "0".repeat(64), rows.size(), "test-1", true,
                "synthetic test data"), rows, DemoCategories.codeToCategory(), Map.of(), false);
        wb = new Workbench(store, Reference.regions(), Reference::categoryName);
        app = WebApp.create(wb).start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Deterministic synthetic activity: region size × industry size × a specialisation factor × growth. */
    static List<ActivityRecord> activity() {
        Random rnd = new Random(20240601);
        List<String> industries = new ArrayList<>();
        for (String code : DemoCategories.codeToCategory().keySet()) {
            if (code.length() == 2) industries.add(code);
        }
        List<ActivityRecord> out = new ArrayList<>();
        for (Region r : Regions.all()) {
            for (String ind : industries) {
                if (rnd.nextDouble() < 0.15) continue; // not every industry everywhere
                double base = r.population() * (0.2 + rnd.nextDouble()) * (rnd.nextDouble() < 0.1 ? 4 : 1);
                double growth = 0.97 + rnd.nextDouble() * 0.07;
                double est = Math.max(1, Math.round(base / 40));
                for (int y = 2018; y <= 2024; y++) {
                    double e = Math.round(base * Math.pow(growth, y - 2018));
                    out.add(new ActivityRecord(r.iso(), ind, y, e, est, Double.NaN, Double.NaN));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
