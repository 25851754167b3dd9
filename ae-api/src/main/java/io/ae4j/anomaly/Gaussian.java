package io.ae4j.anomaly;

import java.util.SplittableRandom;

/** Standard normal draws by Box-Muller: the same values on every JDK, so that a seed reproduces them. */
final class Gaussian {

    private Gaussian() {
    }

    static double draw(SplittableRandom random) {
        double u = 1 - random.nextDouble();     // in (0, 1]: the logarithm stays finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
