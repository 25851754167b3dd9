package io.ae4j.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.ae4j.Autoencoder;
import io.ae4j.KerasTutorial;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.spi.Backend;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ae4jModuleTest {

    @TempDir
    Path dir;

    /** An application class that gets ae4j by injection. */
    static final class AnomalyService {
        final AutoencoderFactory factory;
        final Backend backend;

        @Inject
        AnomalyService(AutoencoderFactory factory, Backend backend) {
            this.factory = factory;
            this.backend = backend;
        }

        TrainingHistory trainKerasExample() {
            Autoencoder ae = KerasTutorial.autoencoder(factory.builder()).seed(42).build();
            return ae.fit(KerasTutorial.data(1),
                    FitConfig.builder().epochs(KerasTutorial.EPOCHS).batchSize(KerasTutorial.BATCH_SIZE).build());
        }
    }

    @Test
    void trainsThroughInjectedObjects() {
        Injector injector = Guice.createInjector(new Ae4jModule());
        AnomalyService service = injector.getInstance(AnomalyService.class);
        // ejml outranks naive, and both are on this module's test classpath.
        assertEquals("ejml", service.backend.name());
        assertSame(service.backend, service.factory.backend());
        assertSame(service.factory, injector.getInstance(AutoencoderFactory.class), "one factory per injector");
        TrainingHistory h = service.trainKerasExample();
        assertTrue(h.finalTrainLoss() < 0.6 * h.trainLoss()[0], h.toString());
    }

    @Test
    void theModuleNamesTheBackend() throws Exception {
        AnomalyService service = Guice.createInjector(new Ae4jModule("naive")).getInstance(AnomalyService.class);
        assertEquals("naive", service.backend.name());
        Autoencoder ae = service.factory.builder().inputSize(3)
                .encoder(Dense.of(2, Activation.TANH)).decoder(Dense.of(3, Activation.LINEAR)).seed(1).build();
        Path file = dir.resolve("m.ae4j");
        ae.save(file);
        assertEquals("naive", service.factory.load(file).backend().name());
    }

    @Test
    void anAbsentBackendFailsInjectionWithTheList() {
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> Guice.createInjector(new Ae4jModule("cuda")).getInstance(Backend.class));
        assertTrue(e.getMessage().contains("no backend named 'cuda'") && e.getMessage().contains("naive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ae4jModule(" "));
    }
}
