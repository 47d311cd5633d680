-- Joint R&D projects of clusters (formats.md §10) behind the platform store. Portable SQL, as P001: the same
-- text runs on DuckDB and PostgreSQL; known clusters, partners and the one lead are checked in Java before any
-- write. A project is saved whole: its companion rows are replaced in the same transaction, so they carry no
-- primary key (DuckDB refuses a key deleted and inserted again within one transaction).
CREATE TABLE projects (
    id         VARCHAR PRIMARY KEY,
    ord        BIGINT NOT NULL,
    cluster_id VARCHAR NOT NULL,
    title      VARCHAR NOT NULL,
    trl_now    INTEGER NOT NULL,
    trl_target INTEGER NOT NULL,
    start_on   DATE NOT NULL,
    end_on     DATE
);

CREATE TABLE project_partners (
    project_id VARCHAR NOT NULL,
    ord        INTEGER NOT NULL,
    inn        VARCHAR NOT NULL,
    role       VARCHAR NOT NULL              -- lead, industrial, research, university
);

CREATE TABLE project_budgets (
    project_id VARCHAR NOT NULL,
    ord        INTEGER NOT NULL,
    inn        VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    amount     DOUBLE PRECISION NOT NULL     -- RUB
);

CREATE TABLE project_milestones (
    project_id VARCHAR NOT NULL,
    ord        INTEGER NOT NULL,
    due_on     DATE NOT NULL,
    text       VARCHAR NOT NULL,
    done       BOOLEAN NOT NULL
);

CREATE TABLE project_products (
    project_id VARCHAR NOT NULL,
    ord        INTEGER NOT NULL,
    code       VARCHAR NOT NULL              -- OKPD2
);
