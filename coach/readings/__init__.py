"""Testing FALC with real readers: a printable booklet of a flow's FALC texts, and the
results of the reading recorded beside the content (docs/falc.md, « Tester avec des
lecteurs »). The checker never certifies a text as easy to read; readers do."""
