"""factory-boy factories, one module per app, re-exported here."""
