/*
 * main.c - the resilience command: dispatch to a subcommand
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "resilience/output.h"
#include "analysis/lp.h"
#include "base/mem.h"
#include "base/text.h"
#include "ingest/readers.h"
#include "ingest/sheet.h"
#include "io/jsonutil.h"
#include "io/xlsx_writer.h"

#ifndef RS_VERSION
#define RS_VERSION "unknown"
#endif
#ifndef RS_COMMIT
#define RS_COMMIT "unknown"
#endif

/*
 * The commands, in the order 'resilience --help' lists them.  To add a
 * command:
 *  1. write src/cli/cmd_<name>.c defining int cmd_<name>(int, char **),
 *     which parses its own options with getopt_long from the table it
 *     exports as cli_<name>_options, hands an unknown option to
 *     cli_bad_option() and returns an exit status (docs/cli.md, "Exit
 *     status"); it loads its inputs with rs_inputs_load() (through
 *     cli_run_load() or cli_pipe_run() when it scores or runs a
 *     pipeline);
 *  2. declare both in src/cli/cli.h and add a row below;
 *  3. list the file in CMakeLists.txt (resilience_cli);
 *  4. document it in docs/cli.md, docs/resilience.1 and
 *     scripts/resilience.bash-completion (tests/cli/check_docs.cmake
 *     fails until every option is), and test it in tests/CMakeLists.txt.
 * Another name for a command is a row of its own with a cmd_<alias>()
 * that runs the same code under the alias's name.
 */
static const struct cli_command commands[] = {
	{"score", cmd_score, "score cities on a framework",
	    cli_score_options},
	{"template", cmd_template, "write an empty data-collection CSV",
	    cli_template_options},
	{"import", cmd_import, "a city's national proxies from WDI and WGI",
	    cli_import_options},
	{"framework", cmd_framework, "print the framework tree",
	    cli_framework_options},
	{"pipeline", cmd_pipeline, "run the composite-indicator pipeline",
	    cli_pipeline_options},
	{"stats", cmd_stats, "indicator statistics, correlations, weights",
	    cli_stats_options},
	{"sensitivity", cmd_sensitivity, "rank uncertainty and sensitivity",
	    cli_sensitivity_options},
	{"uncertainty", cmd_uncertainty, "another name for sensitivity",
	    cli_sensitivity_options},
	{"compare", cmd_compare, "compare cities side by side and rank them",
	    cli_compare_options},
	{"priorities", cmd_priorities, "what to improve and collect first",
	    cli_priorities_options},
	{"trend", cmd_trend, "every city year by year, like for like",
	    cli_trend_options},
	{"shock", cmd_shock, "loss in a shock and the recovery after it",
	    cli_shock_options},
	{"whatif", cmd_whatif, "scores before and after a scenario",
	    cli_whatif_options},
	{"plan", cmd_plan, "least-effort changes that reach targets",
	    cli_plan_options},
};

#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static void
usage(FILE *out)
{
	size_t i;

	fputs("usage: resilience <command> [options] [FILE...]\n"
	    "       resilience help [COMMAND] | --help | --version\n\n"
	    "Score the urban economic resilience of cities.\n\n"
	    "commands:\n", out);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name,
		    commands[i].summary);
	fputs("\nRun 'resilience help <command>' (or 'resilience <command> "
	    "--help') for a\ncommand's options and examples.\n"
	    "\nexamples:\n"
	    "    resilience score data/alexandria.csv\n"
	    "    resilience compare --format html -o report.html data/*.csv\n"
	    "    resilience template --format xlsx --city Tripoli "
	    "-o tripoli.xlsx\n",
	    out);
}

/*
 * What went to standard output without a check of its own (--help,
 * --version) must have been written: a status of 0 or 1 becomes
 * EXIT_IO, with one line, when it was not.  The reports check their
 * own writes and return EXIT_IO themselves.
 */
static int
check_stdout(int rc)
{
	int e;

	errno = 0;
	if ((rc != 0 && rc != EXIT_GATE) || (fflush(stdout) == 0 &&
	    !ferror(stdout)))
		return rc;
	e = errno != 0 ? errno : EIO;
	fprintf(stderr, "resilience: <stdout>: %s: %s\n",
	    cli_word(RS_MSG_CLI_CANNOT_WRITE), strerror(e));
	return EXIT_IO;
}

/*
 * Out of memory (base/mem.h): the library never exits, so the command
 * decides.  Remove the temporary file of any report being written, say
 * so in one line and exit with the status of an I/O failure, 4; never a
 * signal.  Nothing that allocates: the heap may be in any state.
 */
static void
out_of_memory(void)
{
	const char *msg = cli_word(RS_MSG_CLI_OUT_OF_MEMORY);

	rs_output_abandon();
	/* nothing more to do if standard error fails */
	if (write(STDERR_FILENO, "resilience: ", 12) >= 0 &&
	    write(STDERR_FILENO, msg, strlen(msg)) >= 0)
		(void)!write(STDERR_FILENO, "\n", 1);
	_exit(EXIT_IO);
}

/*
 * --version: the release, the commit it was built from ('git describe'
 * when configured, else "unknown"), the built-in framework's release and
 * the versions of the libraries linked.
 */
static int
version(void)
{
	struct rs_framework fw;
	struct rs_error err = {0};

	printf("resilience %s (commit %s)\n", RS_VERSION, RS_COMMIT);
	rs_framework_init(&fw);
	if (rs_framework_load_default(&fw, &err) == 0)
		printf("framework: %s %s (built in)\n", fw.id, fw.version);
	rs_framework_release(&fw);
	printf("libraries: libcsv %s, cJSON %s, GLPK %s, libzip %s, "
	    "expat %s, libxlsxwriter %s\n", rs_csv_version(),
	    rs_cjson_version(), rs_lp_version(), rs_sheet_zip_version(),
	    rs_sheet_expat_version(), rs_xlsx_version());
	return 0;
}

/* "'scroe' is not a command; did you mean 'score'?" */
static int
not_a_command(const char *arg)
{
	const char *names[NCOMMANDS + 1], *near;
	char *name = rs_text_escape_dup(arg, strlen(arg));
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	names[NCOMMANDS] = "help";
	near = rs_suggest(arg, names, NCOMMANDS + 1);
	{
		char msg[1024];

		if (near != NULL)
			fprintf(stderr, "resilience: %s\n", cli_msg(msg,
			    sizeof(msg), RS_MSG_CLI_NOT_A_COMMAND_NEAR, name,
			    near, ""));
		else
			fprintf(stderr, "resilience: %s\n", cli_msg(msg,
			    sizeof(msg), RS_MSG_CLI_NOT_A_COMMAND, name, "",
			    ""));
	}
	free(name);
	return EXIT_USAGE;
}

/*
 * resilience help [COMMAND]: the program's help, or the command's own
 * (its --help).  resilience help --options COMMAND lists the long
 * options of COMMAND's table, one a line, for completion scripts and the
 * test that holds them to the tables.
 */
static int
help(int argc, char **argv)
{
	const struct cli_command *c;
	const struct option *o;
	char *hargv[3];

	if (argc == 2) {
		usage(stdout);
		return 0;
	}
	if (argc == 4 && strcmp(argv[2], "--options") == 0) {
		if ((c = cli_command_find(argv[3])) == NULL)
			return not_a_command(argv[3]);
		for (o = c->options; o->name != NULL; o++)
			printf("--%s\n", o->name);
		return 0;
	}
	if (argc != 3 || argv[2][0] == '-') {
		cli_notice("help", RS_MSG_CLI_HELP_USAGE, CLI_NOARGS);
		return EXIT_USAGE;
	}
	if ((c = cli_command_find(argv[2])) == NULL)
		return not_a_command(argv[2]);
	hargv[0] = argv[2];
	hargv[1] = (char *)(uintptr_t)"--help";
	hargv[2] = NULL;
	return c->fn(2, hargv);
}

static int
run(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0)
		return version();
	if (strcmp(argv[1], "help") == 0)
		return help(argc, argv);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			cli_lang_scan(&commands[i], argc - 1, argv + 1);
			return commands[i].fn(argc - 1, argv + 1);
		}
	return not_a_command(argv[1]);
}

int
main(int argc, char **argv)
{
	rs_mem_set_oom_handler(out_of_memory);
	rs_json_setup();
	cli_commands_set(commands, NCOMMANDS);
	return check_stdout(run(argc, argv));
}
