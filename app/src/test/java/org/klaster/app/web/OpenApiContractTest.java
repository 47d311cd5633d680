package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the API's contract, so live answers are validated against it: for every
 * documented path one or more real requests on the demo and the hand-built fixtures, each body checked
 * against the schema the document gives for its status (JSON Schema 2020-12, as OpenAPI 3.1 uses). The
 * row schemas are generated from the analyses, the envelopes are written by hand: a field added to
 * either side without the other fails here.
 */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(true, OpportunitiesFixtures::install);
        doc = server.json("/api/v1/openapi.json");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Example requests per documented path: {status, url}. */
    private static Map<String, String[][]> examples() throws Exception {
        String category = server.json("/api/v1/categories").get("categories").get(0).get("category").asText();
        String industry = server.json("/api/v1/opportunities/regions/RU-SAM").get("rows").get(0).get("industry").asText();
        Map<String, String[][]> e = new LinkedHashMap<>();
        String p = Api.PREFIX;
        e.put(p + "/datasets", new String[][] {{"200", "/datasets"}, {"200", "/datasets?lang=ru"}});
        e.put(p + "/datasets/{id}", new String[][] {{"200", "/datasets/demo"}, {"200", "/datasets/demo-io"}, {"404", "/datasets/nope"}});
        e.put(p + "/regions", new String[][] {{"200", "/regions"}});
        e.put(p + "/categories", new String[][] {{"200", "/categories"}, {"200", "/categories?lang=ru&year=2020"}});
        e.put(p + "/mapping", new String[][] {{"200", "/mapping?year=2024"}, {"200", "/mapping?region=RU-SAM&base_year=2020"},
                {"400", "/mapping?year=abc"}, {"404", "/mapping?dataset=nope"}});
        e.put(p + "/mapping/map", new String[][] {{"200", "/mapping/map?metric=lq&category=" + category},
                {"200", "/mapping/map"}, {"400", "/mapping/map?metric=lq"}});
        e.put(p + "/mapping/regions/{iso}", new String[][] {{"200", "/mapping/regions/RU-SAM"}, {"404", "/mapping/regions/RU-XXX"}});
        e.put(p + "/mapping/categories/{code}", new String[][] {{"200", "/mapping/categories/" + category}});
        e.put(p + "/sovereignty/multipliers", new String[][] {{"200", "/sovereignty/multipliers?dataset=mb-io"},
                {"200", "/sovereignty/multipliers?dataset=demo-io&lang=ru"}, {"422", "/sovereignty/multipliers?dataset=bad-io"},
                {"400", "/sovereignty/multipliers?dataset=demo"}, {"200", "/sovereignty/multipliers?dataset=demo-io&region=RU-SAM"},
                {"200", "/sovereignty/multipliers?dataset=demo-io&region=RU-TA&method=slq&lang=ru"},
                {"404", "/sovereignty/multipliers?dataset=demo-io&region=RU-XXX"},
                {"400", "/sovereignty/multipliers?dataset=mb-io&region=RU-SAM"}});
        e.put(p + "/sovereignty/shock", new String[][] {{"200", "/sovereignty/shock?dataset=mb-io&type=demand&rates=S1=-0.1"},
                {"200", "/sovereignty/shock?dataset=mb-io&type=input-cut&rates=S2=0.5"}, {"400", "/sovereignty/shock?dataset=mb-io"},
                {"200", "/sovereignty/shock?dataset=demo-io&region=RU-SAM&delta=0.1&type=demand&rates=29=-0.1"}});
        e.put(p + "/cooperation/skills-gaps", new String[][] {{"200", "/cooperation/skills-gaps?region=RU-SAM&available=0.2"},
                {"200", "/cooperation/skills-gaps?region=RU-TA&top=3&lang=ru"}, {"400", "/cooperation/skills-gaps"},
                {"400", "/cooperation/skills-gaps?region=RU-SAM&available=2"}, {"422", "/cooperation/skills-gaps?region=RU-XXX"}});
        e.put(p + "/sovereignty/extraction", new String[][] {{"200", "/sovereignty/extraction?dataset=four-io"},
                {"200", "/sovereignty/extraction?dataset=demo-io&region=RU-SAM&method=cilq"},
                {"400", "/sovereignty/extraction?dataset=demo-io&region=RU-SAM&delta=2"}});
        e.put(p + "/sovereignty/regional-table", new String[][] {{"200", "/sovereignty/regional-table?dataset=demo-io&region=RU-SAM"},
                {"200", "/sovereignty/regional-table?dataset=demo-io&region=RU-MOW&method=slq&year=2020&lang=ru"},
                {"400", "/sovereignty/regional-table?dataset=demo-io"}, {"404", "/sovereignty/regional-table?dataset=demo-io&region=RU-XXX"},
                {"404", "/sovereignty/regional-table?dataset=demo-io&region=RU-SAM&activity=nope"}});
        e.put(p + "/sovereignty/leakage", new String[][] {{"200", "/sovereignty/leakage?dataset=demo-io&region=RU-SAM"},
                {"200", "/sovereignty/leakage?dataset=demo-io&region=RU-SAM&buyers=29,30&lang=ru"},
                {"400", "/sovereignty/leakage?dataset=demo-io"}, {"400", "/sovereignty/leakage?dataset=demo-io&region=RU-SAM&buyers=99.9"},
                {"404", "/sovereignty/leakage?dataset=demo-io&region=RU-SAM&cluster=nope"}});
        e.put(p + "/sovereignty/localise", new String[][] {{"200", "/sovereignty/localise?dataset=demo-io&region=RU-SAM&buyers=29&share=30%25"},
                {"200", "/sovereignty/localise?dataset=demo-io&region=RU-TA&from=both&share=0.5&method=slq"},
                {"400", "/sovereignty/localise?dataset=demo-io&region=RU-SAM&share=150%25"},
                {"400", "/sovereignty/localise?dataset=demo-io&region=RU-SAM&from=everywhere"}});
        e.put(p + "/sovereignty/suppliers", new String[][] {{"200", "/sovereignty/suppliers?dataset=demo-io&region=RU-SAM&buyers=29"},
                {"200", "/sovereignty/suppliers?dataset=demo-io&region=RU-SAM&inputs=2&top=3&neighbours=1&lang=ru"},
                {"400", "/sovereignty/suppliers?dataset=demo-io&region=RU-SAM&top=0"}});
        e.put(p + "/finance/loan", new String[][] {{"200", "/finance/loan?amount=1000&rate=1%25&then=5%25@3&years=5&payments_per_year=1"},
                {"200", "/finance/loan?amount=1200&rate=0&years=3&method=equal-principal&market_rate=0.1&lang=ru"},
                {"400", "/finance/loan?amount=1000&rate=1%25&years=3&grace_years=3"}, {"400", "/finance/loan?rate=1%25&years=3"}});
        e.put(p + "/finance/instruments", new String[][] {{"200", "/finance/instruments?as_of=2024-06-01"},
                {"200", "/finance/instruments?as_of=2023-03-01&lang=ru"}, {"400", "/finance/instruments?as_of=2024-13-01"},
                {"422", "/finance/instruments?as_of=2010-01-01"}});
        e.put(p + "/finance/eligibility", new String[][] {
                {"200", "/finance/eligibility?date=2024-06-01&okved=25.62&loan=1150&budget=2000&own_funds=850&term=5&purpose=construction"
                        + "&priority_products=true&russian_equipment_share=60%25&inn=7707083893"},
                {"200", "/finance/eligibility?date=2024-04-22&okved=10.51&loan=300&lang=ru"},
                {"400", "/finance/eligibility?loan=300"}, {"400", "/finance/eligibility?date=2024-06-01&inn=7707083894"},
                {"400", "/finance/eligibility?date=2024-06-01&loan=-1"}, {"422", "/finance/eligibility?date=2010-01-01"}});
        e.put(p + "/sovereignty/dependency", new String[][] {{"200", "/sovereignty/dependency?dataset=small-trade&years=2021-2023"},
                {"200", "/sovereignty/dependency?dataset=small-trade&outside=friendly&only=dependent"},
                {"400", "/sovereignty/dependency?dataset=small-trade&from=2023&to=2021"}});
        e.put(p + "/sovereignty/dependency/partners", new String[][] {{"200", "/sovereignty/dependency/partners?dataset=small-trade&product=8542"},
                {"400", "/sovereignty/dependency/partners?dataset=small-trade"}});
        e.put(p + "/sovereignty/coverage", new String[][] {{"200", "/sovereignty/coverage?dataset=small-trade"},
                {"200", "/sovereignty/coverage?dataset=demo-trade"}});
        e.put(p + "/opportunities/complexity", new String[][] {{"200", "/opportunities/complexity?dataset=hand-exports"},
                {"200", "/opportunities/complexity?dataset=demo-exports"}});
        e.put(p + "/opportunities/product-space", new String[][] {{"200", "/opportunities/product-space?dataset=hand-exports&country=BBB"}});
        e.put(p + "/opportunities/regions/{iso}", new String[][] {{"200", "/opportunities/regions/RU-SAM"},
                {"200", "/opportunities/regions/RU-TA?lang=ru"}, {"404", "/opportunities/regions/RU-XXX"}});
        e.put(p + "/opportunities/regions/{iso}/producers", new String[][] {
                {"200", "/opportunities/regions/RU-SAM/producers?industry=" + industry},
                {"400", "/opportunities/regions/RU-SAM/producers"}});
        e.put(p + "/openapi.json", new String[][] {});
        return e;
    }

    @Test
    void liveAnswersValidateAgainstTheDocument() throws Exception {
        Map<String, String[][]> examples = examples();
        Set<String> documented = new HashSet<>();
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) documented.add(it.next());
        // the registry and matchmaking need a signed-in account: RegistryApiTest and MatchWebTest validate those paths
        documented.removeIf(path -> path.startsWith(RegistryApi.PREFIX) || path.equals(CooperationPages.MATCH_API));
        assertThat(examples.keySet()).as("every documented path has examples").containsExactlyInAnyOrderElementsOf(documented);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        int checked = 0;
        for (Map.Entry<String, String[][]> e : examples.entrySet()) {
            for (String[] ex : e.getValue()) {
                String url = Api.PREFIX + ex[1];
                HttpResponse<String> r = server.get(url);
                assertThat(String.valueOf(r.statusCode())).as(url + " → " + r.body()).isEqualTo(ex[0]);
                JsonNode response = doc.get("paths").get(e.getKey()).get("get").get("responses").get(ex[0]);
                assertThat(response).as(e.getKey() + " documents status " + ex[0]).isNotNull();
                JsonNode schema = response.get("content").get("application/json").get("schema");
                // the schema in the context of the whole document, so that #/components/... references resolve
                ObjectNode root = doc.deepCopy();
                root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                root.setAll((ObjectNode) schema);
                JsonSchema s = factory.getSchema(root);
                Set<ValidationMessage> errors = s.validate(JSON.readTree(r.body()));
                assertThat(errors).as(url + " against " + schema).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(35);
    }

    /** The generated row schemas name every column of the analyses, typed; the hand-written ones are gone. */
    @Test
    void rowSchemasComeFromTheAnalyses() {
        JsonNode schemas = doc.get("components").get("schemas");
        JsonNode mult = schemas.get("MultipliersRow");
        assertThat(mult.get("required")).extracting(JsonNode::asText).containsExactly("sector", "sector_name", "output",
                "output_multiplier", "backward_linkage", "forward_linkage", "key_sector", "import_content",
                "value_added_multiplier");
        assertThat(mult.get("properties").get("output").get("type").asText()).isEqualTo("number");
        assertThat(mult.get("properties").get("output").get("description").asText()).contains("dataset's units");
        assertThat(mult.get("properties").get("key_sector").get("type")).extracting(JsonNode::asText).containsExactly("boolean", "null");
        for (String name : new String[] {"MappingRow", "ShockRow", "ExtractionRow", "DependencyRow", "PartnerShare", "CoverageRow",
                "ComplexityRow", "EciRow", "PciRow", "OpportunityRow", "ProducerRow", "MapValue", "CategorySummary", "DatasetRow"}) {
            assertThat(schemas.has(name)).as(name).isTrue();
            for (JsonNode prop : schemas.get(name).get("properties")) {
                assertThat(prop.get("description").asText()).as(name).doesNotContain("\u27e6");
            }
        }
    }
}
