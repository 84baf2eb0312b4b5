"""Cross-document steps: near-duplicates, entity clustering, event merging, disputes, stories."""
