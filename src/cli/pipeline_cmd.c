/*
 * pipeline_cmd.c - what the pipeline commands (pipeline, stats) share:
 * the pipeline overrides, the one data file and the run
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int
cli_override_add(const char *cmd, struct cli_overrides *ov, const char *name,
    const char *value)
{
	if (ov->n == sizeof(ov->name) / sizeof(*ov->name))
		return cli_usage_msgv(cmd, RS_MSG_CLI_TOO_MANY_OVERRIDES,
		    CLI_NOARGS);
	ov->name[ov->n] = name;
	ov->value[ov->n++] = value;
	return 0;
}

int
cli_overrides_apply(const struct cli_overrides *ov,
    struct rs_pipeline_spec *spec, struct rs_error *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < ov->n && rc == 0; i++)
		rc = rs_pipeline_spec_set(spec, ov->name[i], ov->value[i], err);
	return rc;
}

int
cli_pipe_file(struct cli_pipe *p, int argc, char **argv, int first)
{
	if (first >= argc)
		return cli_usage_msg(p->cmd, RS_MSG_CLI_NO_FILE, "", "", "");
	if (first + 1 < argc) {
		char n[16];

		snprintf(n, sizeof(n), "%d", argc - first);
		return cli_usage_msg(p->cmd, RS_MSG_CLI_ONE_FILE, n, "", "");
	}
	p->file = argv[first];
	return 0;
}

int
cli_pipe_run(struct cli_pipe *p, struct rs_error *err)
{
	struct rs_load_opts o = {0};
	struct cli_inputs in = {0};
	struct rs_pipeline_spec *spec;
	const struct rs_framework *fw = &p->in.fw;
	int rc;

	memset(&p->r, 0, sizeof(p->r));
	o.framework = p->framework;
	o.sheet = p->sheet;
	o.files = &p->file;
	o.nfiles = 1;
	o.table = 1;
	in.framework = p->framework;
	in.files = &p->file;
	in.nfiles = 1;
	if ((rc = cli_check_inputs(&in, NULL, err)) != 0 ||
	    (rc = rs_inputs_load(&p->in, &o, err)) != 0)
		return rc;
	/* The framework decides the defaults, the overrides the rest. */
	spec = fw->pipeline != NULL ? rs_pipeline_spec_copy(fw->pipeline) :
	    rs_pipeline_spec_new();
	rs_pipeline_spec_nodes(spec, fw->nnodes);
	if ((rc = cli_overrides_apply(&p->ov, spec, err)) == 0)
		rc = rs_pipeline_run(fw, spec, p->in.table, &p->r, err);
	rs_pipeline_spec_free(spec);
	return rc;
}

void
cli_pipe_release(struct cli_pipe *p)
{
	rs_pipeline_result_release(&p->r);
	rs_inputs_release(&p->in);
}

int
cli_pipe_emit(const struct cli_pipe *p, const char *data, size_t len,
    struct rs_error *err)
{
	struct cli_inputs in = {0};
	char *file = p->file;

	in.framework = p->framework;
	in.files = &file;
	in.nfiles = 1;
	return cli_emit(p->output, data, len, &in, err);
}
