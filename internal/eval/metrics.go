package eval

// ratio is a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// fratio is a/b for fractional counts, or 0 when b is 0.
func fratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// harmonic is the harmonic mean of precision p and recall r (F1), or 0
// when both are 0.
func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
