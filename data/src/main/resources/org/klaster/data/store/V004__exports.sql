-- Exports for economic complexity (formats.md §4) as datasets: one row per year × location × product.
CREATE TABLE exports (
    dataset_id VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    location   VARCHAR NOT NULL,         -- a country or a region
    product    VARCHAR NOT NULL,         -- any product (or industry) code, leading zeros kept
    value      DOUBLE NOT NULL
);
