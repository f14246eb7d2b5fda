/*
 * pdf.c - --format pdf: the HTML report printed by headless Chromium
 * (cli.h, cli_pdf_write(); docs/cli.md, "PDF")
 *
 * The page is written to a fresh directory under $TMPDIR (or /tmp) with
 * a profile of its own, so that a Chromium already running is not
 * touched; Chromium prints it there, and only a finished PDF is copied
 * to the output, through the same atomic write as every report.  The
 * directory is removed whatever happens.
 */
#define _XOPEN_SOURCE 700	/* nftw() */

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "cli/cli.h"

/* Seconds Chromium may take to print a page. */
#define PRINT_TIMEOUT 180

/* The Chromium to run: RS_CHROMIUM, else the first found on PATH. */
static char *
find_chromium(void)
{
	static const char *const names[] = {"chromium", "chromium-browser"};
	const char *env = getenv("RS_CHROMIUM"), *path = getenv("PATH"), *p,
	    *e;
	size_t k, n;
	char *cand;

	if (env != NULL && env[0] != '\0')
		return access(env, X_OK) == 0 ? rs_strdup(env) : NULL;
	if (path == NULL)
		path = "/usr/bin:/bin";
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		for (p = path; ; p = e + 1) {
			e = strchr(p, ':');
			n = e != NULL ? (size_t)(e - p) : strlen(p);
			cand = rs_malloc(n + strlen(names[k]) + 2);
			snprintf(cand, n + strlen(names[k]) + 2, "%.*s/%s",
			    (int)n, n > 0 ? p : ".", names[k]);
			if (n > 0 && access(cand, X_OK) == 0)
				return cand;
			free(cand);
			if (e == NULL)
				break;
		}
	return NULL;
}

static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* "file://" and path, every byte but [A-Za-z0-9/._-] percent-encoded. */
static char *
file_url(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), k, j = 0;
	char *u = rs_malloc(7 + 3 * n + 1);
	unsigned char c;

	memcpy(u, "file://", 7);
	j = 7;
	for (k = 0; k < n; k++) {
		c = (unsigned char)path[k];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/._-", c) != NULL) {
			u[j++] = (char)c;
		} else {
			u[j++] = '%';
			u[j++] = hex[c >> 4];
			u[j++] = hex[c & 15];
		}
	}
	u[j] = '\0';
	return u;
}

/* Run Chromium to print url to pdf; 0 when it exited 0 in time. */
static int
print_page(const char *chromium, const char *profile, const char *url,
    const char *pdf)
{
	char *a_profile, *a_pdf;
	struct timespec tick = {0, 100 * 1000 * 1000};
	pid_t pid;
	int status = 0, null, k;

	a_profile = rs_malloc(strlen(profile) + 32);
	sprintf(a_profile, "--user-data-dir=%s", profile);
	a_pdf = rs_malloc(strlen(pdf) + 32);
	sprintf(a_pdf, "--print-to-pdf=%s", pdf);
	fflush(NULL);
	if ((pid = fork()) < 0) {
		free(a_profile);
		free(a_pdf);
		return -1;
	}
	if (pid == 0) {
		/* Chromium's own messages are not the report's. */
		setpgid(0, 0);
		if ((null = open("/dev/null", O_RDWR)) >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		/* As root, Chromium refuses to start with its sandbox. */
		if (geteuid() == 0)
			execl(chromium, chromium, "--headless",
			    "--no-pdf-header-footer", "--disable-gpu",
			    "--no-first-run", "--no-sandbox", a_profile,
			    a_pdf, url, (char *)NULL);
		else
			execl(chromium, chromium, "--headless",
			    "--no-pdf-header-footer", "--disable-gpu",
			    "--no-first-run", a_profile, a_pdf, url,
			    (char *)NULL);
		_exit(127);
	}
	free(a_profile);
	free(a_pdf);
	for (k = 0; k < PRINT_TIMEOUT * 10; k++) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid)
			return WIFEXITED(status) && WEXITSTATUS(status) == 0 ?
			    0 : -1;
		if (w < 0 && errno != EINTR)
			return -1;
		nanosleep(&tick, NULL);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/* Copy the finished PDF at path to output, atomically. */
static int
copy_pdf(const char *path, const char *output, const struct cli_inputs *in,
    struct rs_error *err)
{
	struct cli_stream s;
	char buf[65536];
	size_t n, total = 0;
	FILE *fp;
	int rc;

	if ((fp = fopen(path, "rb")) == NULL)
		return cli_error(err, RS_EIO, NULL, 0, 0, RS_MSG_CLI_PDF_NONE,
		    CLI_NOARGS);
	n = fread(buf, 1, 5, fp);
	if (n < 5 || memcmp(buf, "%PDF-", 5) != 0) {
		fclose(fp);
		return cli_error(err, RS_EIO, NULL, 0, 0, RS_MSG_CLI_PDF_NONE,
		    CLI_NOARGS);
	}
	if ((rc = cli_stream_open(&s, output, in, err)) != 0) {
		fclose(fp);
		return rc;
	}
	do {
		total += n;
		if (fwrite(buf, 1, n, s.fp) != n)
			break;
	} while ((n = fread(buf, 1, sizeof(buf), fp)) > 0);
	rc = ferror(fp) ? cli_error_io(err, errno, path,
	    RS_MSG_CLI_CANNOT_READ) : 0;
	fclose(fp);
	(void)total;
	return cli_stream_close(&s, rc, err);
}

int
cli_pdf_write(const char *output, const char *lang,
    int (*put)(FILE *out, void *ctx, struct rs_error *err), void *ctx,
    const struct cli_inputs *in, struct rs_error *err)
{
	const char *tmp = getenv("TMPDIR");
	char *chromium = NULL, *dir = NULL, *page = NULL, *pdf = NULL,
	    *profile = NULL, *url = NULL, real[PATH_MAX];
	size_t n;
	FILE *fp;
	int rc = 0;

	if ((chromium = find_chromium()) == NULL)
		return rs_error_set(err, RS_EIO, NULL, 0, 0, "%s",
		    rs_i18n(lang, RS_MSG_PDF_NO_CHROMIUM));
	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	n = strlen(tmp) + 32;
	dir = rs_malloc(n);
	snprintf(dir, n, "%s/resilience-pdf.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		rc = cli_error_io(err, errno, dir, RS_MSG_CLI_CANNOT_MKDIR);
		free(dir);
		dir = NULL;
		goto out;
	}
	if (realpath(dir, real) == NULL) {
		rc = cli_error_io(err, errno, dir, RS_MSG_CLI_CANNOT_RESOLVE);
		goto out;
	}
	n = strlen(real) + 32;
	page = rs_malloc(n);
	pdf = rs_malloc(n);
	profile = rs_malloc(n);
	snprintf(page, n, "%s/report.html", real);
	snprintf(pdf, n, "%s/report.pdf", real);
	snprintf(profile, n, "%s/profile", real);
	if ((fp = fopen(page, "w")) == NULL) {
		rc = cli_error_io(err, errno, page, RS_MSG_CLI_CANNOT_WRITE);
		goto out;
	}
	rc = put(fp, ctx, err);
	if (fclose(fp) != 0 && rc == 0)
		rc = cli_error_io(err, errno, page, RS_MSG_CLI_CANNOT_WRITE);
	if (rc != 0)
		goto out;
	url = file_url(page);
	if (print_page(chromium, profile, url, pdf) != 0) {
		rc = cli_error(err, RS_EIO, NULL, 0, 0, RS_MSG_CLI_PDF_FAILED,
		    CLI_ARGS(chromium));
		goto out;
	}
	rc = copy_pdf(pdf, output, in, err);
out:
	if (dir != NULL)
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(chromium);
	free(dir);
	free(page);
	free(pdf);
	free(profile);
	free(url);
	return rc;
}

/* A report already made, as bytes. */
struct made {
	const char *buf;
	size_t len;
};

static int
put_made(FILE *out, void *ctx, struct rs_error *err)
{
	const struct made *m = ctx;

	(void)err;
	fwrite(m->buf, 1, m->len, out);
	return 0;
}

int
cli_pdf_emit(const char *output, const char *lang, const char *buf,
    size_t len, const struct cli_inputs *in, struct rs_error *err)
{
	struct made m = {buf, len};

	return cli_pdf_write(output, lang, put_made, &m, in, err);
}
