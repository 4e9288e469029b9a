package main

func smallestCoveringWindow(text string, note string) string {
	var need [128]int // letters still owed by the window (negative: spare copies)
	for i := 0; i < len(note); i++ {
		need[note[i]]++
	}
	missing, bestStart, bestLength, left := len(note), 0, len(text)+1, 0
	for right := 0; right < len(text); right++ {
		if need[text[right]] > 0 {
			missing--
		}
		need[text[right]]--
		for missing == 0 { // covered: record, then try to shrink
			if right-left+1 < bestLength {
				bestStart, bestLength = left, right-left+1
			}
			need[text[left]]++
			if need[text[left]] > 0 {
				missing++
			}
			left++
		}
	}
	if bestLength > len(text) {
		return ""
	}
	return text[bestStart : bestStart+bestLength]
}
