/*
 * targets_cli.c - the commands run in process on fuzzed files, and the
 * error contract they keep (targets.h, fuzz_commands_one())
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/text.h"
#include "cli/cli.h"
#include "targets.h"

/* The fixed inputs, written once to a directory of their own. */
static const struct {
	const char *name, *text;
} fixed[] = {
	{"fw.json",
	    "{\"id\": \"small\", \"min_coverage\": 0.5,\n"
	    " \"levels\": [{\"id\": \"weak\", \"min\": 0}, "
	    "{\"id\": \"sound\", \"min\": 50}],\n"
	    " \"shock\": {\"before\": 2019, \"shock\": 2020, \"after\": 2022,"
	    " \"series\": [\"a1\"]},\n"
	    " \"children\": [\n"
	    "  {\"id\": \"A\", \"weight\": 2, \"children\": [\n"
	    "   {\"id\": \"a1\", \"worst\": 0, \"best\": 100},\n"
	    "   {\"id\": \"a2\", \"weight\": 3, \"worst\": 100, \"best\": 0}]},\n"
	    "  {\"id\": \"B\", \"children\": [\n"
	    "   {\"id\": \"b1\", \"worst\": 10, \"best\": 20, \"min\": 0, "
	    "\"max\": 50},\n"
	    "   {\"id\": \"b2\", \"worst\": 0, \"best\": 10}]}]}\n"},
	{"cities.csv",
	    "city,indicator,value\nX,a1,50\nX,a2,20\nX,b1,15\nX,b2,4\n"
	    "Y,a1,80\nY,b1,11\nZ,a2,60\nZ,b2,9\nZ,b1,19\n"},
	{"years.csv",
	    "city,city_id,indicator,value,year\nP,p,a1,55,2018\n"
	    "P,p,a1,60,2019\nP,p,a1,30,2020\nP,p,a1,45,2021\nP,p,a1,58,2022\n"
	    "Q,q,a1,40,2019\nQ,q,a1,35,2020\nQ,q,a1,41,2022\n"},
	{"pfw.json",
	    "{\"id\": \"p\", \"pipeline\": {\"normalise\": {\"method\": "
	    "\"minmax\", \"range\": [1, 10]}},\n"
	    " \"children\": [{\"id\": \"A\", \"children\": [\n"
	    "   {\"id\": \"x\", \"direction\": 1}, {\"id\": \"y\", "
	    "\"direction\": -1}]}]}\n"},
	{"pdata.csv", "uCode,uName,x,y\nU1,One,1,5\nU2,Two,3,2\nU3,Three,2,8\n"},
	{"scenario.csv", "city,indicator,value,change\nX,a1,,+10%\nY,b2,8,\n"},
	{"targets.csv", "node,target\nA,sound\ncity,70\n"},
};

#define NFIXED (sizeof(fixed) / sizeof(*fixed))

/*
 * The runs: the command's arguments, IN standing for the fuzzed file
 * (named by the second word), OUT for the output file.
 */
static const char *const cases[][16] = {
	{"score", "in.csv", "--framework", "fw.json", "IN", "--format",
	    "json", "-o", "OUT", NULL},
	{"score", "in.json", "--framework", "fw.json", "IN", "-o", "OUT",
	    NULL},
	{"score", "in.json", "--framework", "IN", "cities.csv", "--format",
	    "md", "-o", "OUT", NULL},
	{"score", "in.json", "--framework", "fw.json", "--baseline", "IN",
	    "cities.csv", "--format", "csv", "-o", "OUT", NULL},
	{"compare", "in.csv", "--framework", "fw.json", "IN", "--format",
	    "html", "-o", "OUT", NULL},
	{"priorities", "in.csv", "--framework", "fw.json", "IN", "-o", "OUT",
	    NULL},
	{"framework", "in.json", "--framework", "IN", "--format", "md", "-o",
	    "OUT", NULL},
	{"pipeline", "in.csv", "--framework", "pfw.json", "IN", "-o", "OUT",
	    NULL},
	{"pipeline", "in.json", "--framework", "IN", "pdata.csv", "-o", "OUT",
	    NULL},
	{"stats", "in.csv", "--framework", "pfw.json", "IN", "-o", "OUT",
	    NULL},
	{"sensitivity", "in.csv", "--framework", "fw.json", "--runs", "8",
	    "--weight-noise", "0.2", "IN", "-o", "OUT", NULL},
	{"sensitivity", "in.json", "--framework", "IN", "--runs", "8",
	    "cities.csv", "-o", "OUT", NULL},
	{"trend", "in.csv", "--framework", "fw.json", "IN", "-o", "OUT",
	    NULL},
	{"shock", "in.csv", "--framework", "fw.json", "IN", "-o", "OUT",
	    NULL},
	{"shock", "in.json", "--framework", "IN", "years.csv", "-o", "OUT",
	    NULL},
	{"whatif", "in.csv", "--framework", "fw.json", "--scenario", "IN",
	    "cities.csv", "-o", "OUT", NULL},
	{"whatif", "in.csv", "--framework", "fw.json", "--scenario",
	    "scenario.csv", "IN", "--format", "json", "-o", "OUT", NULL},
	{"plan", "in.csv", "--framework", "fw.json", "--targets", "IN",
	    "cities.csv", "-o", "OUT", NULL},
	{"plan", "in.csv", "--framework", "fw.json", "--target", "city=70",
	    "--actions", "IN", "cities.csv", "-o", "OUT", NULL},
	{"plan", "in.csv", "--framework", "fw.json", "--targets",
	    "targets.csv", "IN", "-o", "OUT", NULL},
};

#define NCASES (sizeof(cases) / sizeof(*cases))

static const struct cli_command commands[] = {
	{"score", cmd_score, "", cli_score_options},
	{"compare", cmd_compare, "", cli_compare_options},
	{"priorities", cmd_priorities, "", cli_priorities_options},
	{"framework", cmd_framework, "", cli_framework_options},
	{"pipeline", cmd_pipeline, "", cli_pipeline_options},
	{"stats", cmd_stats, "", cli_stats_options},
	{"sensitivity", cmd_sensitivity, "", cli_sensitivity_options},
	{"trend", cmd_trend, "", cli_trend_options},
	{"shock", cmd_shock, "", cli_shock_options},
	{"whatif", cmd_whatif, "", cli_whatif_options},
	{"plan", cmd_plan, "", cli_plan_options},
};

#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static char dir[64];

static int
broken(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what,
	    detail ? ": " : "", detail ? detail : "");
	return -1;
}

/* Remove every file of the directory, then the directory. */
static void
remove_dir(void)
{
	char path[512];
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' || (e->d_name[1] != '\0' &&
		    e->d_name[1] != '.')) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			remove(path);
		}
	closedir(d);
	rmdir(dir);
}

static int
write_file(const char *name, const void *data, size_t size)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	if ((size > 0 && fwrite(data, 1, size, f) != size) | fclose(f))
		return -1;
	return 0;
}

static int
setup(void)
{
	size_t i;

	if (dir[0] != '\0')
		return 0;
	snprintf(dir, sizeof(dir), "/tmp/rs-fuzz-cli-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return broken("cannot make a directory", NULL);
	atexit(remove_dir);
	rs_json_setup();
	cli_commands_set(commands, NCOMMANDS);
	for (i = 0; i < NFIXED; i++)
		if (write_file(fixed[i].name, fixed[i].text,
		    strlen(fixed[i].text)) != 0)
			return broken("cannot write", fixed[i].name);
	return 0;
}

/* The text of file name of the directory, in *text (free it), or -1. */
static long
slurp(const char *name, char **text)
{
	char path[512];
	long n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	*text = NULL;
	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	*text = malloc((size_t)n + 1);
	if (*text == NULL || fread(*text, 1, (size_t)n, f) != (size_t)n)
		n = -1;
	else
		(*text)[n] = '\0';
	fclose(f);
	return n;
}

/*
 * Is line:col inside the file name?  The position just past its end
 * counts: the empty line after a final line end, at column 1.
 */
static int
inside(const char *name, long line, long col)
{
	char *text;
	long n = slurp(name, &text), l = 1, i = 0, len = 0;

	if (n < 0 || line < 1 || col < 1) {
		free(text);
		return 0;
	}
	while (i < n && l < line) {
		i += (long)rs_line_len(text + i, (size_t)(n - i));
		l++;
	}
	if (l == line && i < n) {
		len = (long)rs_line_len(text + i, (size_t)(n - i));
		/* A line's length without its end, whatever the end. */
		while (len > 0 && (text[i + len - 1] == '\n' ||
		    text[i + len - 1] == '\r'))
			len--;
	}
	free(text);
	return l == line && col <= len + 1;
}

/* One stderr line "resilience: FILE:LINE:COL: msg", FILE an input. */
static int
check_located(const char *err, size_t n, const char *in)
{
	char name[256], *end;
	const char *p, *q;
	long line, col;
	size_t dlen = strlen(dir), i;

	if (n == 0 || err[n - 1] != '\n' || memchr(err, '\n', n - 1) != NULL)
		return broken("status 3 without exactly one line", err);
	for (i = 0; i + 1 < n; i++)
		if ((unsigned char)err[i] < 0x20 || err[i] == 0x7F)
			return broken("a control character in the error", err);
	if (strncmp(err, "resilience: ", 12) != 0 ||
	    strncmp(err + 12, dir, dlen) != 0 || err[12 + dlen] != '/')
		return broken("the error names no input file", err);
	p = err + 12 + dlen + 1;
	if ((q = strchr(p, ':')) == NULL || (size_t)(q - p) >= sizeof(name))
		return broken("the error has no position", err);
	memcpy(name, p, (size_t)(q - p));
	name[q - p] = '\0';
	line = strtol(q + 1, &end, 10);
	if (end == q + 1 || *end != ':')
		return broken("the error has no line", err);
	q = end;
	col = strtol(q + 1, &end, 10);
	if (end == q + 1 || *end != ':')
		return broken("the error has no column", err);
	if (strcmp(name, in) != 0) {
		for (i = 0; i < NFIXED; i++)
			if (strcmp(name, fixed[i].name) == 0)
				break;
		if (i == NFIXED)
			return broken("the error names no input file", err);
	}
	if (!inside(name, line, col))
		return broken("the position is not inside the file", err);
	return 0;
}

/* The files the directory holds besides the fixed ones and err. */
static int
check_dir(const char *in, const char *out, int keep_out)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t i;
	int rc = 0;

	if (d == NULL)
		return broken("cannot read the directory", NULL);
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0
		    || strcmp(e->d_name, in) == 0 ||
		    strcmp(e->d_name, "in.csv") == 0 ||
		    strcmp(e->d_name, "in.json") == 0 ||
		    strcmp(e->d_name, "err") == 0)
			continue;
		if (strcmp(e->d_name, out) == 0) {
			if (!keep_out)
				rc = broken("an output file after a failure",
				    out);
			continue;
		}
		for (i = 0; i < NFIXED; i++)
			if (strcmp(e->d_name, fixed[i].name) == 0)
				break;
		if (i == NFIXED)
			rc = broken("a file left behind", e->d_name);
	}
	closedir(d);
	return rc;
}

int
fuzz_commands_one(const unsigned char *data, size_t size)
{
	const char *const *c;
	char *argv[20], args[20][512], path[512], *err;
	char out[32] = "out";
	int argc = 0, status, saved, fd, rc;
	long n;
	size_t k;

	if (size == 0)
		return 0;
	if ((rc = setup()) != 0)
		return rc;
	c = cases[data[0] % NCASES];
	if (write_file(c[1], data + 1, size - 1) != 0)
		return broken("cannot write", c[1]);
	for (k = 0; c[k] != NULL; k++) {
		if (k == 1)
			continue;
		if (strcmp(c[k], "IN") == 0)
			snprintf(args[argc], sizeof(args[argc]), "%s/%s", dir,
			    c[1]);
		else if (strcmp(c[k], "OUT") == 0)
			snprintf(args[argc], sizeof(args[argc]), "%s/%s", dir,
			    out);
		else if (k > 0 && strchr(c[k], '.') != NULL &&
		    strchr(c[k], '=') == NULL && strcmp(c[k], "0.2") != 0)
			snprintf(args[argc], sizeof(args[argc]), "%s/%s", dir,
			    c[k]);
		else
			snprintf(args[argc], sizeof(args[argc]), "%s", c[k]);
		argv[argc] = args[argc];
		argc++;
	}
	argv[argc] = NULL;
	for (k = 0; argc > 0 && argv[0] != NULL && k < NCOMMANDS; k++)
		if (strcmp(commands[k].name, argv[0]) == 0)
			break;
	if (argc == 0 || k == NCOMMANDS)
		return broken("no such command in the table", argv[0]);

	/* Standard error to the file err, for the command's run. */
	snprintf(path, sizeof(path), "%s/err", dir);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0)
		return broken("cannot redirect standard error", NULL);
	dup2(fd, STDERR_FILENO);
	close(fd);
	status = commands[k].fn(argc, argv);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);

	n = slurp("err", &err);
	if (n < 0)
		rc = broken("cannot read standard error", NULL);
	else if (status < 0 || status > 4)
		rc = broken("an exit status out of 0-4", err);
	else if (status == 3)
		rc = check_located(err, (size_t)n, c[1]);
	if (rc == 0)
		rc = check_dir(c[1], out, status == 0 || status == 1);
	if (rc != 0)
		fprintf(stderr, "command: %s on %s, status %d\n", argv[0], c[1],
		    status);
	free(err);
	snprintf(path, sizeof(path), "%s/%s", dir, out);
	remove(path);
	return rc;
}
