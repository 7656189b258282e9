/**
 * The smallest program worth watching: two threads increment one shared field (a race, so the detector does
 * its whole start-up, instrumentation and report path once). Used by measure-startup.sh to compare the agent's
 * fixed cost, start-up time and peak RSS, between agent jars.
 */
public final class TrivialMain {

    private static int counter;

    private TrivialMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread other = new Thread(() -> counter++);
        other.start();
        counter++;
        other.join();
        System.out.println("counter=" + counter);
    }
}
