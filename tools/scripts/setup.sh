#!/usr/bin/env bash
# npm run setup: everything the product needs on this machine, idempotently.
source "$(dirname "$0")/lib.sh"
setup_all
