"""Load and fault scripts run by hand or by `make loadtest`; pytest does not collect them."""
