class RollingMean {
public:
    RollingMean(int window) : window(window) {}

    double record(int reading) {
        readings.push_back(reading);
        total += reading;
        if ((int)readings.size() > window) {
            total -= readings.front();
            readings.pop_front();
        }
        return (double)total / readings.size();
    }

    double current() {
        return readings.empty() ? 0.0 : (double)total / readings.size();
    }

private:
    int window;
    deque<int> readings;
    long long total = 0;  // sum of the readings currently in the window
};
