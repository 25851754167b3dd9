/**
 * ae4j's data files: CSV (plain or gzip) and IDX readers, the CSV writer and labelled datasets,
 * which read into and write from ae-api's {@link io.ae4j.data.FloatMatrix}.
 */
module io.ae4j.data.file {
    // Transitive: this module's methods take and return ae-api's FloatMatrix and Scaler.
    requires transitive io.ae4j.api;

    exports io.ae4j.data.file;
}
