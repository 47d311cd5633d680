package org.klaster.data.store;

/** The platform store contract on DuckDB in memory. */
class PlatformStoreDuckDbMemoryTest extends PlatformStoreContract {

    @Override
    PlatformStore open() {
        return PlatformStore.inMemory();
    }
}
