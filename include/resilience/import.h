/*
 * import.h - the World Bank's published series, as resilience import
 * reads them (docs/input.md, "Import")
 *
 * Three forms of file: the World Development Indicators bulk download
 * (one CSV, wide by year: Country Name, Country Code, Indicator Name,
 * Indicator Code, 1960, ...), the Worldwide Governance Indicators data
 * file (the same wide layout), and the WDI data package (one long CSV per
 * series: Country Name, Country Code, Year, Value, the series code being
 * the name of the folder that holds the file or given as CODE=FILE).
 */
#ifndef RS_IMPORT_H
#define RS_IMPORT_H

#include <stddef.h>

#include "resilience/error.h"

/* The database a value comes from. */
enum rs_series_db {
	RS_DB_WDI,		/* World Development Indicators */
	RS_DB_WGI,		/* Worldwide Governance Indicators */
};

/* One published value of a series (not a city observation). */
struct rs_pub {
	const char *code;	/* series code, upper case, such as
				   "SL.UEM.TOTL.ZS" */
	const char *country;	/* the file's Country Name */
	const char *iso3;	/* the file's Country Code */
	long year;
	double value;		/* finite */
	enum rs_series_db db;
	const char *path;	/* the file, as named to rs_pub_read() */
	long line;		/* where the value is in it */
};

/* The values read from one or more files; owns every string. */
struct rs_pubset {
	struct rs_pub *obs;	/* nobs of them, in file order */
	size_t nobs, cap;
	struct rs_import_priv *priv;	/* string pool */
};

void rs_pub_init(struct rs_pubset *s);
void rs_pub_release(struct rs_pubset *s);

/*
 * Add to s the values of CSV text[0..len) named path, in any of the three
 * forms (told apart by the header), for the country whose code is iso3
 * (any case; NULL: every country).  code names the series of a
 * data-package file (NULL: the name of the folder holding path, in any
 * case).  A wide file's rows are WGI values when their code is a WGI
 * series (CC, GE, PV, RL, RQ or VA, then .EST, .STD.ERR, .NO.SRC or
 * .PER.RNK with .LOWER or .UPPER), else WDI; a data-package file is WDI.
 * Empty and ".." cells are no value.  Returns 0, or RS_EINPUT located at
 * the line and column of the first problem (s keeps what came before).
 */
int rs_pub_read(struct rs_pubset *s, const char *text, size_t len,
    const char *path, const char *code, const char *iso3,
    struct rs_error *err);

/* The name of db for a citation: "World Development Indicators" ... */
const char *rs_series_db_name(enum rs_series_db db);

/* The key of db in a framework's "series": "wdi" or "wgi". */
const char *rs_series_db_key(enum rs_series_db db);

#endif /* RS_IMPORT_H */
