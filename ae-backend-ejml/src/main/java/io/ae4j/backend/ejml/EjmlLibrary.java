package io.ae4j.backend.ejml;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * EJML's classes, touched from a class of their own: the JVM's verifier loads the classes a method
 * passes between, so were this code in the provider, the provider itself could not be loaded
 * without EJML, and could not report that EJML is missing.
 */
final class EjmlLibrary {

    private EjmlLibrary() {
    }

    /** Loads ejml-core and ejml-fdense, the two jars the backend needs. */
    static void load() {
        CommonOps_FDRM.fill(new FMatrixRMaj(1, 1), 0f);
    }
}
