#!/bin/sh
# Every allocation of src/ goes through base/mem.c, so that out of memory
# ends as docs/robustness.md says (one line, status 4), and nothing calls
# abort().  Prints each offending line and exits 1 if there is one.
#
#	check-alloc.sh SOURCEDIR
set -u
cd "$1/src" || exit 2
bad=$(grep -rnE '(^|[^_a-zA-Z0-9])(abort|malloc|calloc|realloc|strdup|strndup)[[:space:]]*\(' \
    --include='*.c' --include='*.h' . |
    grep -vE '^\./base/mem\.[ch]:' |
    grep -vE ':[0-9]+:[[:space:]]*(/?\*|//)')
if [ -n "$bad" ]; then
	echo "allocation or abort() outside base/mem.c:"
	echo "$bad"
	exit 1
fi
echo "every allocation goes through base/mem.c"
