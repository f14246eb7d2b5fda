/*
 * targets.h - the fuzzing entry points
 *
 * One function per fuzz target.  The libFuzzer harnesses (fuzz_*.c) call
 * them on every generated input, and tests/test_robust_fuzz.c replays the
 * seeds and every input kept in tests/data/fuzz-regressions/ through them,
 * in an ordinary build without libFuzzer.
 *
 * Each function feeds data[0..size) to the library as the fuzzed kind of
 * file, then checks what must hold whatever the input: a rejected input
 * gives one located RS_EINPUT error whose formatted line is printable
 * UTF-8; an accepted one scores, and its reports are valid UTF-8 without
 * control characters (text) or valid JSON that gives back the city names.
 * They return 0 when all holds, or print what broke to stderr and return
 * -1.  Crashes and leaks are left to the sanitizers.
 */
#ifndef RS_FUZZ_TARGETS_H
#define RS_FUZZ_TARGETS_H

#include <stddef.h>

/* The data as a CSV file scored on a small built-in framework. */
int fuzz_csv_one(const unsigned char *data, size_t size);

/* The data as a JSON data file scored on the same framework. */
int fuzz_json_one(const unsigned char *data, size_t size);

/*
 * The data as a World Bank file for resilience import (import.h): a WDI
 * bulk or data-package CSV or the WGI data file, read for every country
 * and for one; each value read must be finite, of a year from 1800 to
 * 2200, of an upper-case series code, located on a line of the file.
 */
int fuzz_import_one(const unsigned char *data, size_t size);

/* The data as a framework file; cities with made-up values scored on it. */
int fuzz_framework_one(const unsigned char *data, size_t size);

/*
 * The data as a workbook (.xlsx or .ods), or as its parts one after the
 * other, each after a line "@@ NAME" (so that mutations reach the XML
 * rather than break a CRC): its first sheet's cells are
 * checked (in order, each once, within the sheet, text of valid UTF-8,
 * numbers finite), then read as city data and scored.  A rejected
 * workbook gives one RS_EINPUT error naming the file, located (line and
 * column >= 1), printable.
 */
int fuzz_sheet_one(const unsigned char *data, size_t size);

/* The data as a baseline (a score report read by --baseline). */
int fuzz_baseline_one(const unsigned char *data, size_t size);

/* The data as a COINr iMeta file; a fixed iData run on its pipeline. */
int fuzz_imeta_one(const unsigned char *data, size_t size);

/* The data as a COINr iData file on a fixed iMeta, its pipeline run. */
int fuzz_idata_one(const unsigned char *data, size_t size);

/*
 * The data as the value of a framework's "pipeline", "sensitivity" or
 * "shock" key in a fixed framework; the pipeline is run on fixed data,
 * the settings of the other two checked in range.  Errors are located
 * in the framework text the data is part of.
 */
int fuzz_pipeline_one(const unsigned char *data, size_t size);
int fuzz_sensitivity_one(const unsigned char *data, size_t size);
int fuzz_shock_one(const unsigned char *data, size_t size);

/* The data as a scenario file (whatif --scenario), an actions file
 * (plan --actions), written to a temporary directory and read. */
int fuzz_scenario_one(const unsigned char *data, size_t size);
int fuzz_actions_one(const unsigned char *data, size_t size);

/*
 * The real commands run in process on the data as one of their input
 * files (the first byte chooses the command and the file's role; the
 * other inputs are fixed), then the error contract checked: exit status
 * 0 to 4; status 3 is exactly one line on standard error, "resilience:
 * FILE:LINE:COL: message", its position inside FILE; no temporary file
 * left, no output file after a failure (fuzz_commands.c).
 */
int fuzz_commands_one(const unsigned char *data, size_t size);

#endif /* RS_FUZZ_TARGETS_H */
