-- The cluster registry (formats.md §6) behind the platform store. Portable SQL: the same text runs on
-- DuckDB and PostgreSQL. Integrity (known INNs, known clusters) is checked in Java before any write, so
-- no foreign keys: DuckDB's constraint checks inside one transaction differ from PostgreSQL's.
-- ord keeps the order rows were first stored in (a registry read back equals the files it came from).
CREATE SEQUENCE registry_ord;

CREATE TABLE organisations (
    inn               VARCHAR PRIMARY KEY,
    ord               BIGINT NOT NULL,
    ogrn              VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    type              VARCHAR NOT NULL,
    okved             VARCHAR NOT NULL,
    region            VARCHAR NOT NULL,
    lat               DOUBLE PRECISION,
    lon               DOUBLE PRECISION,
    employees         DOUBLE PRECISION,
    revenue           DOUBLE PRECISION,
    final_producer    BOOLEAN NOT NULL,
    special_territory BOOLEAN NOT NULL
);

CREATE TABLE clusters (
    id                       VARCHAR PRIMARY KEY,
    ord                      BIGINT NOT NULL,
    name                     VARCHAR NOT NULL,
    type                     VARCHAR NOT NULL,
    regions                  VARCHAR NOT NULL,   -- JSON array of ISO 3166-2:RU codes
    specialisation           VARCHAR NOT NULL,   -- JSON array of OKVED2 codes
    specialised_organisation VARCHAR            -- INN, or NULL
);

CREATE TABLE memberships (
    cluster_id VARCHAR NOT NULL,
    inn        VARCHAR NOT NULL,
    joined     DATE NOT NULL,
    ord        BIGINT NOT NULL,
    left_on    DATE,
    PRIMARY KEY (cluster_id, inn, joined)
);

CREATE TABLE contracts (
    id         VARCHAR PRIMARY KEY,
    ord        BIGINT NOT NULL,
    cluster_id VARCHAR NOT NULL,
    supplier   VARCHAR NOT NULL,
    buyer      VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    value      DOUBLE PRECISION NOT NULL
);

CREATE TABLE annual_facts (
    inn       VARCHAR NOT NULL,
    year      INTEGER NOT NULL,
    ord       BIGINT NOT NULL,
    output    DOUBLE PRECISION,
    purchases DOUBLE PRECISION,
    PRIMARY KEY (inn, year)
);

CREATE TABLE offers (
    ord   BIGINT PRIMARY KEY,
    inn   VARCHAR NOT NULL,
    kind  VARCHAR NOT NULL,
    text  VARCHAR NOT NULL,
    codes VARCHAR NOT NULL                       -- JSON array
);
