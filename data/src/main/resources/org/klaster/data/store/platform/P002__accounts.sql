-- Accounts, sessions and API tokens. Secrets are never stored: password hashes are Argon2id PHC strings,
-- session ids and API tokens are stored as the SHA-256 hex of the value the client holds.
CREATE TABLE accounts (
    id                VARCHAR PRIMARY KEY,
    login             VARCHAR NOT NULL,
    login_key         VARCHAR NOT NULL UNIQUE,   -- the login in lower case: logins are unique ignoring case
    display_name      VARCHAR NOT NULL,
    role              VARCHAR NOT NULL,
    password_hash     VARCHAR NOT NULL,
    organisation_inn  VARCHAR,
    disabled          BOOLEAN NOT NULL,
    created_at        TIMESTAMP NOT NULL
);

CREATE TABLE account_clusters (
    account_id VARCHAR NOT NULL,
    cluster_id VARCHAR NOT NULL,
    PRIMARY KEY (account_id, cluster_id)
);

CREATE TABLE sessions (
    id_hash    VARCHAR PRIMARY KEY,
    account_id VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen  TIMESTAMP NOT NULL
);

CREATE TABLE api_tokens (
    id         VARCHAR PRIMARY KEY,
    account_id VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    last_used  TIMESTAMP
);

CREATE TABLE settings (
    name  VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
