package main

func decodeSignal(signal string) int {
	const mod = 1000000007
	// twoBack / oneBack: decodings of the prefix ending two digits / one digit before position i.
	twoBack, oneBack := 1, 1
	if signal[0] == '0' {
		oneBack = 0
	}
	for i := 1; i < len(signal); i++ {
		here := 0
		if signal[i] != '0' {
			here = oneBack // last letter is one digit
		}
		prev := signal[i-1]
		if prev == '1' || (prev == '2' && signal[i] <= '6') {
			here += twoBack // 10..26
		}
		twoBack, oneBack = oneBack, here%mod
	}
	return oneBack
}
