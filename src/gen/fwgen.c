/*
 * fwgen.c - write a framework file as C data, the model that
 * rs_framework_load_json() makes of it, for the embedded framework
 *
 * usage: fwgen FRAMEWORK.json PATH NAME > FILE.c
 *
 * FILE.c defines "const struct rs_framework NAME", read from PATH (for
 * messages), with every array and string static and the positions of the
 * nodes in FRAMEWORK.json; rs_framework_load_static() turns it
 * into a framework without parsing anything.  A framework with a pipeline
 * or a sensitivity section is refused: they are not written as C data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resilience/load.h"
#include "resilience/framework.h"

/* A C string literal of s, every byte outside printable ASCII escaped. */
static void
put_string(FILE *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (s == NULL) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (; *u != '\0'; u++) {
		if (*u == '"' || *u == '\\' || *u == '?')
			fprintf(out, "\\%c", *u);
		else if (*u >= 0x20 && *u < 0x7F)
			fputc(*u, out);
		else
			fprintf(out, "\\%03o", *u);
	}
	fputc('"', out);
}

/* A double as a hexadecimal literal: the same bits when read back. */
static void
put_double(FILE *out, double v)
{
	fprintf(out, "%a", v);
}

static void
put_index(FILE *out, size_t v)
{
	if (v == RS_NONE)
		fputs("RS_NONE", out);
	else
		fprintf(out, "%zu", v);
}

/* static struct rs_name PREFIX_K[] = {...}; nothing when n is 0. */
static void
put_names(FILE *out, const char *prefix, size_t k,
    const struct rs_name *names, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	fprintf(out, "static struct rs_name %s_%zu[] = {\n", prefix, k);
	for (i = 0; i < n; i++) {
		fputs("\t{", out);
		put_string(out, names[i].lang);
		fputs(", ", out);
		put_string(out, names[i].text);
		fputs("},\n", out);
	}
	fputs("};\n", out);
}

static void
put_indices(FILE *out, const char *name, const size_t *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	fprintf(out, "static size_t %s[] = {", name);
	for (i = 0; i < n; i++) {
		fputs(i % 12 == 0 ? "\n\t" : " ", out);
		put_index(out, v[i]);
		fputc(',', out);
	}
	fputs("\n};\n", out);
}

static void
put_array_ref(FILE *out, const char *prefix, size_t k, size_t n)
{
	if (n == 0)
		fputs("NULL", out);
	else
		fprintf(out, "%s_%zu", prefix, k);
}

static void
put_node(FILE *out, const struct rs_node *nd, size_t k)
{
	size_t r;

	fputs("\t{.id = ", out);
	put_string(out, nd->id);
	fputs(", .names = ", out);
	put_array_ref(out, "node_names", k, nd->nnames);
	fprintf(out, ", .nnames = %zu,\n\t    .weight = ", nd->nnames);
	put_double(out, nd->weight);
	fputs(", .parent = ", out);
	put_index(out, nd->parent);
	fputs(", .children = ", out);
	put_array_ref(out, "children", k, nd->nchildren);
	fprintf(out, ", .nchildren = %zu,\n\t    .depth = %d, .indicator = ",
	    nd->nchildren, nd->depth);
	put_index(out, nd->indicator);
	fprintf(out, ", .has_goalposts = %d, .worst = ", nd->has_goalposts);
	put_double(out, nd->worst);
	fputs(", .best = ", out);
	put_double(out, nd->best);
	fprintf(out, ",\n\t    .has_band = %d, .band = {", nd->has_band);
	put_double(out, nd->band[0]);
	fputs(", ", out);
	put_double(out, nd->band[1]);
	fputs(", ", out);
	put_double(out, nd->band[2]);
	fputs(", ", out);
	put_double(out, nd->band[3]);
	fputs("}", out);
	fprintf(out, ",\n\t    .has_min = %d, .has_max = %d, .min = ",
	    nd->has_min, nd->has_max);
	put_double(out, nd->min);
	fputs(", .max = ", out);
	put_double(out, nd->max);
	fputs(",\n\t    .unit = ", out);
	put_string(out, nd->unit);
	fputs(",\n\t    .unit_ar = ", out);
	put_string(out, nd->unit_ar);
	fputs(",\n\t    .description = ", out);
	put_string(out, nd->description);
	fputs(",\n\t    .sources = ", out);
	put_array_ref(out, "source_names", k, nd->nsources);
	fprintf(out, ", .nsources = %zu,\n\t    .rubric = {", nd->nsources);
	for (r = 0; r < RS_RUBRIC_LEVELS; r++) {
		char prefix[32];

		snprintf(prefix, sizeof(prefix), "rubric%zu_names", r);
		fputs(r > 0 ? ", " : "", out);
		put_array_ref(out, prefix, k, nd->nrubric[r]);
	}
	fputs("}, .nrubric = {", out);
	for (r = 0; r < RS_RUBRIC_LEVELS; r++)
		fprintf(out, "%s%zu", r > 0 ? ", " : "", nd->nrubric[r]);
	fputs("}", out);
	fprintf(out, ",\n\t    .lever = %d, .effort = ", (int)nd->lever);
	put_double(out, nd->effort);
	fprintf(out, ", .has_max_change = %d, .max_change = ",
	    nd->has_max_change);
	put_double(out, nd->max_change);
	fputs(",\n\t    .series_db = ", out);
	put_string(out, nd->series_db);
	fputs(", .series_code = ", out);
	put_string(out, nd->series_code);
	fprintf(out, ",\n\t    .line = %ld, .col = %ld},\n", nd->line, nd->col);
}

static void
put_framework(FILE *out, const struct rs_framework *fw, const char *in,
    const char *name)
{
	char buf[64];
	size_t i, r;

	fprintf(out, "/* Generated from %s by src/fwgen.c; do not edit. */\n"
	    "#include <stddef.h>\n\n#include \"resilience/framework.h\"\n\n",
	    in);
	fprintf(out, "extern const struct rs_framework %s;\n\n", name);
	put_names(out, "fw_names", 0, fw->names, fw->nnames);
	for (i = 0; i < fw->nlevels; i++)
		put_names(out, "level_names", i, fw->levels[i].names,
		    fw->levels[i].nnames);
	for (i = 0; i < fw->nnodes; i++) {
		put_names(out, "node_names", i, fw->nodes[i].names,
		    fw->nodes[i].nnames);
		put_names(out, "source_names", i, fw->nodes[i].sources,
		    fw->nodes[i].nsources);
		for (r = 0; r < RS_RUBRIC_LEVELS; r++) {
			snprintf(buf, sizeof(buf), "rubric%zu_names", r);
			put_names(out, buf, i, fw->nodes[i].rubric[r],
			    fw->nodes[i].nrubric[r]);
		}
		snprintf(buf, sizeof(buf), "children_%zu", i);
		put_indices(out, buf, fw->nodes[i].children,
		    fw->nodes[i].nchildren);
	}
	put_indices(out, "top", fw->top, fw->ntop);
	put_indices(out, "indicators", fw->indicators, fw->nindicators);
	fputs("static struct rs_level levels[] = {\n", out);
	for (i = 0; i < fw->nlevels; i++) {
		fputs("\t{", out);
		put_string(out, fw->levels[i].id);
		fputs(", ", out);
		put_double(out, fw->levels[i].min);
		fputs(", ", out);
		put_array_ref(out, "level_names", i, fw->levels[i].nnames);
		fprintf(out, ", %zu},\n", fw->levels[i].nnames);
	}
	fputs("};\nstatic struct rs_node nodes[] = {\n", out);
	for (i = 0; i < fw->nnodes; i++)
		put_node(out, &fw->nodes[i], i);
	fprintf(out, "};\n\nconst struct rs_framework %s = {\n\t.path = ",
	    name);
	put_string(out, fw->path);
	fputs(",\n\t.id = ", out);
	put_string(out, fw->id);
	fputs(",\n\t.names = ", out);
	put_array_ref(out, "fw_names", 0, fw->nnames);
	fprintf(out, ", .nnames = %zu,\n\t.version = ", fw->nnames);
	put_string(out, fw->version);
	fputs(",\n\t.min_coverage = ", out);
	put_double(out, fw->min_coverage);
	fprintf(out, ",\n\t.levels = levels, .nlevels = %zu,\n"
	    "\t.nodes = nodes, .nnodes = %zu,\n"
	    "\t.top = top, .ntop = %zu,\n"
	    "\t.indicators = indicators, .nindicators = %zu,\n"
	    "\t.pipeline = NULL,\n\t.sensitivity = NULL,\n"
	    "\t.priv = NULL,\n};\n", fw->nlevels, fw->nnodes, fw->ntop,
	    fw->nindicators);
}

int
main(int argc, char **argv)
{
	struct rs_framework fw;
	struct rs_error err;
	char buf[1200];
	int rc = 1;

	if (argc != 4) {
		fputs("usage: fwgen FRAMEWORK.json PATH NAME > FILE.c\n",
		    stderr);
		return 2;
	}
	rs_framework_init(&fw);
	if (rs_framework_load_file(&fw, argv[1], &err) != 0) {
		fprintf(stderr, "fwgen: %s\n", rs_error_format(&err, buf,
		    sizeof(buf)));
		goto out;
	}
	if (fw.pipeline != NULL || fw.sensitivity != NULL) {
		fprintf(stderr, "fwgen: %s: a framework with a %s section "
		    "cannot be written as C data\n", argv[1], fw.pipeline !=
		    NULL ? "pipeline" : "sensitivity");
		goto out;
	}
	fw.path = argv[2];
	put_framework(stdout, &fw, argv[1], argv[3]);
	rc = fflush(stdout) != 0 || ferror(stdout);
out:
	rs_framework_release(&fw);
	return rc;
}
