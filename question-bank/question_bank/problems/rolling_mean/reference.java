class RollingMean {
    private final int window;
    private final ArrayDeque<Integer> readings = new ArrayDeque<>();
    private long total = 0; // sum of the readings currently in the window

    public RollingMean(int window) {
        this.window = window;
    }

    public double record(int reading) {
        readings.addLast(reading);
        total += reading;
        if (readings.size() > window) total -= readings.removeFirst();
        return (double) total / readings.size();
    }

    public double current() {
        return readings.isEmpty() ? 0.0 : (double) total / readings.size();
    }
}
