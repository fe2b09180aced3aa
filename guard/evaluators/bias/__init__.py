"""Bias evaluators: group fairness, counterfactual swaps, paired-likelihood benchmarks, generation bias."""
