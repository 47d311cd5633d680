-- Datasets with provenance, and the canonical tables they own (formats.md §1).
CREATE TABLE datasets (
    id          VARCHAR PRIMARY KEY,
    kind        VARCHAR NOT NULL,        -- activity, firms, demo, ...
    source      VARCHAR NOT NULL,        -- file name as given, or the generator
    sha256      VARCHAR,                 -- of the source bytes; for generated data, of the canonical rows
    rows        BIGINT NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    generator   VARCHAR,                 -- generator version for synthetic data (e.g. demo-1), else NULL
    synthetic   BOOLEAN NOT NULL DEFAULT false,
    note        VARCHAR
);

CREATE TABLE activity (
    dataset_id     VARCHAR NOT NULL,
    region         VARCHAR NOT NULL,
    industry       VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    employment     DOUBLE NOT NULL,
    establishments DOUBLE,
    wages          DOUBLE,
    output         DOUBLE
);

CREATE TABLE category_map (
    dataset_id    VARCHAR NOT NULL,
    industry      VARCHAR NOT NULL,
    category      VARCHAR NOT NULL,
    category_name VARCHAR
);

CREATE TABLE firms (
    dataset_id VARCHAR NOT NULL,
    firm_id    VARCHAR NOT NULL,
    region     VARCHAR NOT NULL,
    industry   VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    employment DOUBLE NOT NULL,
    lat        DOUBLE,
    lon        DOUBLE
);
