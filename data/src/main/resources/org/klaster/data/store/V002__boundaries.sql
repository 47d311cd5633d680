-- Region boundaries for the geographic choropleth (klaster import boundaries FILE.geojson).
-- One set at a time: an import replaces every row. Geometry is GeoJSON MultiPolygon coordinates, as read.
CREATE TABLE boundaries (
    iso      VARCHAR PRIMARY KEY,        -- ISO 3166-2 region code, e.g. RU-SAM
    name     VARCHAR,                    -- name given in the file
    geometry VARCHAR NOT NULL            -- [[[[lon,lat],...]]] MultiPolygon coordinates
);

CREATE TABLE boundaries_source (
    source      VARCHAR NOT NULL,        -- file name as given
    sha256      VARCHAR NOT NULL,
    regions     INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL
);
