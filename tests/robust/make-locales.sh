#!/bin/sh
# Compile the locales the number tests switch to into DIR (used as LOCPATH):
# de_DE.UTF-8 (decimal comma) and ps_AF.UTF-8 (decimal point U+066B).
# Needs localedef and the locale sources (Debian: libc-bin and locales);
# without them it says so and the tests that need them are skipped.
dir=${1:?usage: make-locales.sh DIR}
mkdir -p "$dir"
if ! command -v localedef >/dev/null 2>&1; then
	echo "make-locales.sh: no localedef; locale tests will be skipped"
	exit 0
fi
for l in de_DE ps_AF; do
	[ -d "$dir/$l.UTF-8" ] && continue
	localedef -i "$l" -f UTF-8 "$dir/$l.UTF-8" 2>/dev/null ||
	    [ -d "$dir/$l.UTF-8" ] ||
	    echo "make-locales.sh: cannot build $l.UTF-8; tests will skip it"
done
exit 0
