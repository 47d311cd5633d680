package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, probe 1 (cache flood), the pages' side: a page's links keep the parameters the workbench reads
 * and drop the rest, so {@code &x=N} neither shows in a page nor makes a new cached page; and every
 * parameter a page or the API reads is listed in {@link Req#KNOWN} (a name missing there would be dropped
 * from the links of the first page that draws them). Before, links repeated the whole query string,
 * {@code x} included, and the cache kept one page per query string.
 */
@Tag("load")
class KnownParametersTest {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    @Test
    void linksDropUnknownParametersAndEveryReadNameIsKnown() throws Exception {
        try (TestServer server = new TestServer(true, OpportunitiesFixtures::install)) {
            Deque<String> queue = new ArrayDeque<>(List.of("/?zz=1", "/mapping/regions/RU-SAM?year=2019&base_year=2023&zz=1",
                    "/mapping?metric=lq&zz=1", "/sovereignty/multipliers?dataset=four-io&zz=1",
                    "/sovereignty/extraction?dataset=demo-io&region=RU-SAM&method=cilq&delta=0.2&activity=demo&year=2023&zz=1",
                    "/sovereignty/shock?dataset=four-io&a_type=demand&a_sector=C26&a_rate=-0.2&b_type=input-cut&b_sector=C26&b_rate=0.3&zz=1",
                    "/sovereignty/dependency?dataset=small-trade&outside=friendly&product=8542&zz=1",
                    "/opportunities/product-space?dataset=hand-exports&zz=1", "/opportunities/region?region=RU-SAM&zz=1",
                    "/api/v1/mapping?year=2024&zz=1", "/api/v1/sovereignty/shock?dataset=four-io&type=demand&rates=C26=-0.1&zz=1",
                    "/api/v1/sovereignty/regional-table?dataset=demo-io&region=RU-SAM&activity=demo&method=slq&delta=0.1&year=2022&zz=1",
                    "/api/v1/sovereignty/dependency?dataset=small-trade&years=2021-2023&zz=1",
                    "/api/v1/opportunities/regions/RU-SAM?zz=1", "/api/v1/opportunities/complexity?dataset=hand-exports&zz=1"));
            Set<String> seen = new LinkedHashSet<>();
            while (!queue.isEmpty() && seen.size() < 120) {
                String path = queue.poll();
                if (!seen.add(path)) continue;
                HttpResponse<String> r = server.get(path);
                assertThat(r.statusCode()).as(path).isIn(200, 400, 404, 422);
                assertThat(r.body()).as(path).doesNotContain("zz=");
                Matcher m = HREF.matcher(r.body());
                while (m.find()) {
                    String link = m.group(1).replace("&amp;", "&");
                    // the registry and cooperation need a signed-in account: RegistryCrawlTest walks them signed in
                    if (link.startsWith("/static") || link.startsWith("/webjars") || link.contains("export.")
                            || link.startsWith("/registry") || link.startsWith("/cooperation")) continue;
                    queue.add(link);
                }
            }
            assertThat(seen.size()).as("pages crawled").isGreaterThan(60);
            assertThat(Req.unlisted()).as("parameters read but not in Req.KNOWN").isEmpty();
        }
    }
}
