package org.klaster.data.store;

/** Projects in the platform store on DuckDB in memory. */
class PlatformProjectsDuckDbTest extends PlatformProjectsContract {

    @Override
    PlatformStore open() {
        return PlatformStore.inMemory();
    }
}
