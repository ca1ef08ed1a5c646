"""The rule catalogue: registry, pages whose examples run, fix availability, the code's shape."""
