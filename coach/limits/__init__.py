"""Request limits per client address: a sliding window for every request that creates or
changes something, and an exponential back-off for failed logins and Bearer checks.

`memory` keeps them in the process (one process, or as a fallback); `redis` keeps them in
the Redis store (standalone or cluster) so that every process shares one allowance.
"""
