package org.klaster.data.store;

/** Projects in the platform store on PostgreSQL ({@code KLASTER_TEST_POSTGRES}; skipped without it, failed without it on CI). */
class PlatformProjectsPostgresTest extends PlatformProjectsContract {

    private PostgresTestDatabase db;

    @Override
    PlatformStore open() {
        db = PostgresTestDatabase.create();
        return PlatformStore.postgres(db.url());
    }

    @Override
    void dispose() {
        if (db != null) db.drop();
    }
}
