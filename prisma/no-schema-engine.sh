#!/bin/sh
echo "the native schema engine is not used here: run node prisma/migrate.mjs" >&2
exit 1
