class Solution {
    public int primeCount(int n) {
        if (n < 3) return 0;
        boolean[] composite = new boolean[n];
        int count = 0;
        for (long p = 2; p < n; p++) {
            if (composite[(int) p]) continue;
            count++;
            // smaller multiples of p were already crossed off by smaller primes
            for (long m = p * p; m < n; m += p) composite[(int) m] = true;
        }
        return count;
    }
}
