package dev.guarded.benchmarks.overhead.workloads;

/**
 * Field-heavy compute: two threads, each stepping its own array of small particles (several plain fields
 * read and written per step). No sharing, so a correct detector reports nothing and pays only its
 * per-access cost.
 */
final class FieldHeavy implements Workload {

    /** A particle on a spring: the fields are what the detector watches. */
    static final class Particle {
        double x;
        double y;
        double vx;
        double vy;
        long crossings;

        Particle(int seed) {
            x = (seed % 97) - 48;
            y = (seed % 89) - 44;
        }
    }

    @Override
    public long run(int[] args) throws Exception {
        int perThread = args[0];
        int steps = args[1];
        return Workers.runAll(2, t -> () -> simulate(perThread, steps, t));
    }

    private static long simulate(int count, int steps, int thread) {
        Particle[] particles = new Particle[count];
        for (int i = 0; i < count; i++) {
            particles[i] = new Particle(i + thread * count);
        }
        double dt = 0.05;
        for (int s = 0; s < steps; s++) {
            for (Particle p : particles) {
                p.vx -= p.x * 0.1 * dt;
                p.vy -= p.y * 0.1 * dt;
                double oldX = p.x;
                p.x += p.vx * dt;
                p.y += p.vy * dt;
                if ((oldX < 0) != (p.x < 0)) {
                    p.crossings++;
                }
            }
        }
        long sum = 0;
        for (Particle p : particles) {
            sum += p.crossings;
        }
        return sum;
    }
}
