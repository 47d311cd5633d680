package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.klaster.Text;

/**
 * Region boundaries from a GeoJSON {@code FeatureCollection} (RFC 7946), one feature per region with
 * a {@code Polygon} or {@code MultiPolygon} geometry in longitude/latitude (WGS 84).
 *
 * <p>The region code is the first of these properties that is present: {@code shapeISO}
 * (geoBoundaries), {@code iso_3166_2}, {@code ISO3166-2}, {@code iso}, {@code iso_code}. Codes are
 * upper-cased. A feature without a code or with a non-polygon geometry is skipped with a warning; a
 * duplicate code, a coordinate out of range or anything that is not GeoJSON is an error naming the
 * file and the feature (1-based, in file order). Geometry is kept exactly as given (no simplification).
 */
public final class BoundariesReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CODE_PROPERTIES = List.of("shapeISO", "iso_3166_2", "ISO3166-2", "iso", "iso_code");

    private BoundariesReader() {
    }

    /** One region's shape: polygons, each a list of rings (outer first), each ring {@code [n][2]} lon/lat. */
    public record Boundary(String iso, String name, List<List<double[][]>> polygons) {
        public Boundary {
            polygons = List.copyOf(polygons);
        }
    }

    /** The regions of a file, with provenance and warnings. */
    public record Boundaries(List<Boundary> regions, List<Text> warnings, String sha256, String sourceName) {
        public Boundaries {
            regions = List.copyOf(regions);
            warnings = List.copyOf(warnings);
        }
    }

    public static Boundaries read(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        JsonNode root;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw InputException.file(file, data("file.missing"));
        } catch (JsonParseException e) {
            throw InputException.line(file, e.getLocation().getLineNr(), null, data("geo.json.invalid", e.getOriginalMessage()));
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return parse(file, root, HexFormat.of().formatHex(sha.digest()), name);
    }

    private static Boundaries parse(Path file, JsonNode root, String sha256, String sourceName) {
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw InputException.file(file, data("geo.not.collection"));
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw InputException.file(file, data("geo.no.features"));
        }
        List<Text> warnings = new ArrayList<>();
        Map<String, Boundary> out = new LinkedHashMap<>();
        int skipped = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            int n = i + 1;
            JsonNode props = f.path("properties");
            String iso = null;
            for (String p : CODE_PROPERTIES) {
                JsonNode v = props.get(p);
                if (v != null && v.isTextual() && !v.asText().isBlank()) {
                    iso = v.asText().trim().toUpperCase(Locale.ROOT);
                    break;
                }
            }
            String type = f.path("geometry").path("type").asText("");
            if (iso == null || !(type.equals("Polygon") || type.equals("MultiPolygon"))) {
                skipped++;
                continue;
            }
            String label = props.path("shapeName").asText(props.path("name").asText(iso));
            List<List<double[][]>> polygons = new ArrayList<>();
            JsonNode coords = f.path("geometry").path("coordinates");
            if (type.equals("Polygon")) {
                polygons.add(polygon(file, n, iso, coords));
            } else {
                if (!coords.isArray()) throw bad(file, n, iso, data("geo.multipolygon.invalid"));
                for (JsonNode p : coords) polygons.add(polygon(file, n, iso, p));
            }
            if (out.containsKey(iso)) {
                throw InputException.file(file, data("geo.code.twice", n, iso));
            }
            out.put(iso, new Boundary(iso, label, polygons));
        }
        if (skipped > 0) {
            warnings.add(data("warning.file", sourceName, data("geo.skipped", skipped, String.join(", ", CODE_PROPERTIES))));
        }
        if (out.isEmpty()) {
            throw InputException.file(file, data("geo.nothing"));
        }
        return new Boundaries(new ArrayList<>(out.values()), warnings, sha256, sourceName);
    }

    private static List<double[][]> polygon(Path file, int n, String iso, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) throw bad(file, n, iso, data("geo.no.rings"));
        List<double[][]> out = new ArrayList<>(rings.size());
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw bad(file, n, iso, data("geo.ring.short"));
            }
            double[][] pts = new double[ring.size()][2];
            for (int k = 0; k < ring.size(); k++) {
                JsonNode p = ring.get(k);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw bad(file, n, iso, data("geo.position.invalid", k + 1));
                }
                double lon = p.get(0).asDouble();
                double lat = p.get(1).asDouble();
                if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                    throw bad(file, n, iso, data("geo.position.outside", k + 1, org.klaster.Text.plain(lon),
                            org.klaster.Text.plain(lat)));
                }
                pts[k][0] = lon;
                pts[k][1] = lat;
            }
            out.add(pts);
        }
        return out;
    }

    private static InputException bad(Path file, int n, String iso, Text problem) {
        return InputException.file(file, data("geo.feature", n, iso, problem));
    }

    /** The polygons of a boundary as compact GeoJSON MultiPolygon coordinates (for storage). */
    public static String toJson(Boundary b) {
        StringBuilder sb = new StringBuilder(64 * 1024).append('[');
        for (int p = 0; p < b.polygons().size(); p++) {
            if (p > 0) sb.append(',');
            sb.append('[');
            List<double[][]> rings = b.polygons().get(p);
            for (int r = 0; r < rings.size(); r++) {
                if (r > 0) sb.append(',');
                sb.append('[');
                double[][] pts = rings.get(r);
                for (int k = 0; k < pts.length; k++) {
                    if (k > 0) sb.append(',');
                    sb.append('[').append(pts[k][0]).append(',').append(pts[k][1]).append(']');
                }
                sb.append(']');
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** Reads back what {@link #toJson} wrote. */
    public static Boundary fromJson(String iso, String name, String multiPolygonCoordinates) {
        try {
            JsonNode coords = JSON.readTree(multiPolygonCoordinates);
            List<List<double[][]>> polygons = new ArrayList<>();
            for (JsonNode p : coords) {
                List<double[][]> rings = new ArrayList<>();
                for (JsonNode ring : p) {
                    double[][] pts = new double[ring.size()][2];
                    for (int k = 0; k < ring.size(); k++) {
                        pts[k][0] = ring.get(k).get(0).asDouble();
                        pts[k][1] = ring.get(k).get(1).asDouble();
                    }
                    rings.add(pts);
                }
                polygons.add(rings);
            }
            return new Boundary(iso, name, polygons);
        } catch (IOException e) {
            throw new IllegalStateException("stored boundary of " + iso + " is not valid JSON", e);
        }
    }
}
