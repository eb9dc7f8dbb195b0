/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <grp.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "bc-case.h"
#include "bc-reader.h"
#include "bc-writer.h"

/* Every rule of the case format has one small file under data/invalid that
 * breaks it, and nothing else; the files in data/invalid are base.bcase with one
 * change each (see make-invalid.py). Each test checks that the file is
 * refused, and that the diagnostic an analyst sees says where and what.
 *
 * Where the reader is known to misbehave, the test says so in `known_bug`:
 * the checks still run, but a failure marks the test incomplete instead of
 * failing the suite, and a fixed bug is reported as such in the log. The
 * refusal itself, and everything about untrusted input reaching the disk or
 * the network, is always a hard failure. */

/* Auxiliary functions: data files */

static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "reader", "data", dir, name, NULL);
}

static char *
cases_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "cases", NULL);
}

static GBytes *
load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bc-test-reader-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

/* Auxiliary functions: reading and what came of it */

typedef struct
{
  BcCase    *result;
  GPtrArray *diagnostics;
  GError    *error;
  char      *stderr_text;
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_clear_object (&o->result);
  g_clear_pointer (&o->diagnostics, g_ptr_array_unref);
  g_clear_error (&o->error);
  g_clear_pointer (&o->stderr_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

/* Whatever the reader prints on stderr goes to a file for the time of the
 * read: a library must say what is wrong through its diagnostics, never on
 * the terminal of whoever opened a file. */
static int
stderr_capture_begin (char **path)
{
  g_autoptr(GError) error = NULL;
  int fd, saved;

  fflush (stderr);
  fd = g_file_open_tmp ("bc-test-stderr-XXXXXX", path, &error);
  g_assert_no_error (error);
  saved = dup (STDERR_FILENO);
  g_assert_cmpint (saved, >=, 0);
  g_assert_cmpint (dup2 (fd, STDERR_FILENO), >=, 0);
  close (fd);
  return saved;
}

static char *
stderr_capture_end (int   saved,
                    char *path)
{
  char *text = NULL;

  fflush (stderr);
  dup2 (saved, STDERR_FILENO);
  close (saved);
  g_file_get_contents (path, &text, NULL, NULL);
  g_unlink (path);
  g_free (path);
  return text ? text : g_strdup ("");
}

static void
log_outcome (const Outcome *o)
{
  for (guint i = 0; o->diagnostics != NULL && i < o->diagnostics->len && i < 12; i++)
    {
      g_autofree char *line = bc_diagnostic_to_string (g_ptr_array_index (o->diagnostics, i));
      g_test_message ("  %s", line);
    }
  if (o->diagnostics != NULL && o->diagnostics->len > 12)
    {
      g_autofree char *last = bc_diagnostic_to_string (g_ptr_array_index (o->diagnostics,
                                                                           o->diagnostics->len - 1));
      g_test_message ("  … %u diagnostics in all, the last: %s", o->diagnostics->len, last);
    }
  if (o->stderr_text != NULL && *o->stderr_text != '\0')
    g_test_message ("  stderr: %.200s", o->stderr_text);
}

static void
read_bytes (GBytes     *bytes,
            const char *name,
            Outcome    *o)
{
  char *path;
  int saved = stderr_capture_begin (&path);

  o->result = bc_case_read_bytes (bytes, name, &o->diagnostics, &o->error);
  o->stderr_text = stderr_capture_end (saved, path);
  log_outcome (o);
}

static void
read_path (const char *path,
           const char *name,
           Outcome    *o)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *capture;
  int saved = stderr_capture_begin (&capture);

  o->result = bc_case_read_file (file, name, &o->diagnostics, &o->error);
  o->stderr_text = stderr_capture_end (saved, capture);
  log_outcome (o);
}

static void
read_text (const char *text,
           const char *name,
           Outcome    *o)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  read_bytes (bytes, name, o);
}

static const BcDiagnostic *
diagnostic (const Outcome *o,
            guint          i)
{
  return g_ptr_array_index (o->diagnostics, i);
}

/* What every refusal owes the analyst, whatever the file: no case, an
 * error in BC_CASE_ERROR that starts with the first diagnostic, and
 * diagnostics that name the file and a real position in words. */
static void
assert_refused (const Outcome *o,
                const char    *name)
{
  g_autofree char *first = NULL;

  g_assert_null (o->result);
  g_assert_nonnull (o->error);
  g_assert_true (o->error->domain == BC_CASE_ERROR);
  g_assert_nonnull (o->diagnostics);
  g_assert_cmpuint (o->diagnostics->len, >, 0);
  g_assert_cmpuint (o->diagnostics->len, <=, BC_READER_MAX_ERRORS + 1);

  for (guint i = 0; i < o->diagnostics->len; i++)
    {
      const BcDiagnostic *d = diagnostic (o, i);

      g_assert_cmpstr (d->file, ==, name);
      g_assert_cmpuint (d->line, >, 0);
      g_assert_cmpuint (d->column, >, 0);
      g_assert_nonnull (d->message);
      g_assert_cmpuint (strlen (d->message), >, 10);
    }

  first = bc_diagnostic_to_string (diagnostic (o, 0));
  g_assert_true (g_str_has_prefix (o->error->message, first));
}

/* Checks that can be marked as a known reader bug collect their problems
 * here instead of aborting. */
typedef struct
{
  GString    *problems;
  const char *known_bug;
} Checks;

static void
checks_init (Checks     *c,
             const char *known_bug)
{
  c->problems = g_string_new (NULL);
  c->known_bug = known_bug;
}

G_GNUC_PRINTF (2, 3)
static void
problem (Checks     *c,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_string_append (c->problems, c->problems->len ? "; " : "");
  g_string_append_vprintf (c->problems, format, args);
  va_end (args);
}

static void
checks_finish (Checks *c)
{
  if (c->problems->len == 0)
    {
      if (c->known_bug != NULL)
        g_test_message ("The known bug seems fixed; drop the mark: %s", c->known_bug);
    }
  else if (c->known_bug != NULL)
    g_test_incomplete_printf ("Known bug: %s [%s]", c->known_bug, c->problems->str);
  else
    g_test_fail_printf ("%s", c->problems->str);

  g_string_free (c->problems, TRUE);
}

static gboolean
contains_all (const char         *message,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (message, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Is there a diagnostic at @line:@column (0: any) saying all of @words? */
static const BcDiagnostic *
find_diagnostic (const Outcome      *o,
                 guint               line,
                 guint               column,
                 const char * const *words)
{
  for (guint i = 0; i < o->diagnostics->len; i++)
    {
      const BcDiagnostic *d = diagnostic (o, i);

      if ((line == 0 || d->line == line) && (column == 0 || d->column == column) &&
          contains_all (d->message, words))
        return d;
    }
  return NULL;
}

static void
expect_diagnostic (Checks             *c,
                   const Outcome      *o,
                   guint               line,
                   guint               column,
                   const char * const *words)
{
  g_autofree char *joined = g_strjoinv ("…", (char **) words);

  if (find_diagnostic (o, line, column, words) == NULL)
    problem (c, "no diagnostic at %u:%u saying “%s”", line, column, joined);
}

/* Messages are for analysts, and shown in the interface: valid UTF-8,
 * without libxml2's placeholders. */
static void
expect_plain_text (Checks        *c,
                   const Outcome *o)
{
  for (guint i = 0; i < o->diagnostics->len; i++)
    {
      const BcDiagnostic *d = diagnostic (o, i);

      if (!g_utf8_validate (d->message, -1, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (d->message, -1);
          problem (c, "line %u: the message is not valid UTF-8: “%s”", d->line, valid);
        }
      else if (strstr (d->message, "TODO") != NULL)
        problem (c, "line %u: “%s” shows a libxml2 placeholder", d->line, d->message);
    }
}

static void
expect_quiet (Checks        *c,
              const Outcome *o)
{
  if (o->stderr_text != NULL && *o->stderr_text != '\0')
    problem (c, "the reader printed on stderr: %.120s", o->stderr_text);
}

/* Auxiliary functions: watching for access */

/* Proves that nothing opened @path: inotify reports any open or read of it
 * by this process or another. */
static int
watch_file (const char *path)
{
#ifdef __linux__
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, path, IN_OPEN | IN_ACCESS), >=, 0);
  return fd;
#else
  return -1;
#endif
}

static void
assert_never_opened (int         watch,
                     const char *path)
{
#ifdef __linux__
  char buffer[4096];
  ssize_t n = read (watch, buffer, sizeof buffer);

  close (watch);
  if (n > 0)
    g_error ("The reader opened %s, which the case file only pointed to", path);
#else
  g_test_message ("No inotify here: cannot prove %s was not opened", path);
#endif
}

/* A port on the loopback that accepts connections without answering: if
 * anything connects, it waits in the backlog for assert_no_connection(). */
static GSocket *
listen_on_loopback (guint16 *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);

  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static void
assert_no_connection (GSocket *socket)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) client = g_socket_accept (socket, NULL, &error);

  if (client != NULL)
    g_error ("The reader connected to the network address the case file named");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
assert_marker_absent (const Outcome *o,
                      const char    *marker)
{
  for (guint i = 0; o->diagnostics != NULL && i < o->diagnostics->len; i++)
    g_assert_null (strstr (diagnostic (o, i)->message, marker));
  if (o->error != NULL)
    g_assert_null (strstr (o->error->message, marker));
  if (o->stderr_text != NULL)
    g_assert_null (strstr (o->stderr_text, marker));
  if (o->result != NULL)
    {
      g_autoptr(GBytes) written = bc_case_to_bytes (o->result);
      gsize len;
      const char *data = g_bytes_get_data (written, &len);

      g_assert_null (g_strstr_len (data, (gssize) len, marker));
    }
}

/* Rules: one file per rule */

typedef struct
{
  const char *path;
  const char *file;
  guint       line;
  guint       column;
  const char *words[5];
  guint       n_diagnostics;   /* 0: not checked */
  int         code;
  const char *known_bug;
} Rule;


static const Rule rules[] = {
  { "/core/reader/rule/refuses-duplicate-id", "duplicate-id.bcase",
    27, 12, { "“a1”", "already used", "line 6" }, 1 },
  { "/core/reader/rule/refuses-id-with-invalid-characters", "id-syntax.bcase",
    10, 12, { "“2nd actor”", "not a valid id", "start with a letter" }, 1 },
  { "/core/reader/rule/refuses-id-longer-than-64", "id-too-long.bcase",
    14, 12, { "not a valid id", "64 characters" }, 1 },
  { "/core/reader/rule/refuses-dangling-participant", "dangling-participant.bcase",
    18, 20, { "“nobody”", "does not name anything", "must name an actor" }, 1 },
  { "/core/reader/rule/refuses-dangling-carrier", "dangling-carrier.bcase",
    34, 16, { "“nobody”", "does not name anything", "must name an actor" }, 1 },
  { "/core/reader/rule/refuses-dangling-member-of", "dangling-member-of.bcase",
    12, 18, { "“nobody”", "does not name anything", "must name an actor" }, 1 },
  { "/core/reader/rule/refuses-dangling-source-reference", "dangling-source.bcase",
    19, 15, { "“nothing”", "does not name anything", "must name a source" }, 1 },
  { "/core/reader/rule/refuses-dangling-link-from", "dangling-link-from.bcase",
    29, 11, { "“nothing”", "does not name anything", "must name an event" }, 1 },
  { "/core/reader/rule/refuses-dangling-link-to", "dangling-link-to.bcase",
    29, 21, { "“nothing”", "does not name anything", "must name an event" }, 1 },
  { "/core/reader/rule/refuses-dangling-transfer-from", "dangling-transfer-from.bcase",
    32, 23, { "“nothing”", "does not name anything", "must name an event" }, 1 },
  { "/core/reader/rule/refuses-dangling-transfer-to", "dangling-transfer-to.bcase",
    32, 33, { "“nothing”", "does not name anything", "must name an event" }, 1 },
  { "/core/reader/rule/refuses-dangling-about", "dangling-about.bcase",
    45, 68, { "“nothing”", "does not name anything" }, 1 },
  { "/core/reader/rule/refuses-participant-naming-an-event", "wrong-kind-participant.bcase",
    18, 20, { "“e2”", "is not an actor" }, 1 },
  { "/core/reader/rule/refuses-source-ref-naming-an-actor", "wrong-kind-source.bcase",
    19, 15, { "“a1”", "is not a source" }, 1 },
  { "/core/reader/rule/refuses-link-end-naming-a-source", "wrong-kind-link-end.bcase",
    29, 21, { "“s1”", "is not an event" }, 1 },
  { "/core/reader/rule/refuses-february-30", "date-no-such-day.bcase",
    21, 45, { "1993-02-30", "does not exist", "28 days" }, 1 },
  { "/core/reader/rule/refuses-month-13", "date-no-such-month.bcase",
    24, 45, { "1993-13", "month 13" }, 1 },
  { "/core/reader/rule/refuses-year-before-1000", "date-year-before-1000.bcase",
    24, 45, { "0999", "before 1000" }, 1 },
  { "/core/reader/rule/refuses-event-ending-before-it-starts", "end-before-date-event.bcase",
    16, 63, { "end", "1993-01-19", "is before", "1993-01-20" }, 1 },
  { "/core/reader/rule/refuses-period-ending-before-it-starts", "end-before-start-period.bcase",
    4, 27, { "end", "1993-05-31", "is before", "1993-06" }, 1 },
  { "/core/reader/rule/refuses-position-ending-before-it-starts", "end-before-from-position.bcase",
    8, 42, { "1993-01", "is before", "1993-06" }, 1 },
  { "/core/reader/rule/refuses-transfer-within-one-track", "transfer-same-track.bcase",
    32, 33, { "“t1”", "Track 2", "from one track to another" }, 1 },
  { "/core/reader/rule/refuses-javascript-url", "url-javascript.bcase",
    41, 7, { "javascript:alert(1)", "http://", "https://" }, 1 },
  { "/core/reader/rule/refuses-file-url", "url-file.bcase",
    41, 7, { "file:///etc/passwd", "http://", "https://" }, 1 },
  { "/core/reader/rule/refuses-ftp-url", "url-ftp.bcase",
    41, 7, { "ftp://example.org/book", "http://", "https://" }, 1 },
  { "/core/reader/rule/refuses-missing-version", "version-missing.bcase",
    2, 1, { "needs the attribute “version”", "version 1" }, 1 },
  { "/core/reader/rule/refuses-newer-version-naming-it", "version-2.bcase",
    2, 7, { "version 2", "newer", "not read" }, 1, BC_CASE_ERROR_NEWER_VERSION },
  { "/core/reader/rule/refuses-bad-version-string", "version-bad.bcase",
    2, 7, { "“one”", "not a case format version" }, 1 },
  { "/core/reader/rule/refuses-other-root-element", "wrong-root.bcase",
    2, 1, { "not a Backchannel case", "<timeline>" }, 1 },
  { "/core/reader/rule/refuses-unknown-track", "bad-track.bcase",
    21, 20, { "“10”", "not a valid track", "1.5" }, 1 },
  { "/core/reader/rule/refuses-unknown-actor-type", "bad-actor-type.bcase",
    10, 30, { "“company”", "not a valid type of <actor>", "organisation" }, 1 },
  { "/core/reader/rule/refuses-unknown-event-type", "bad-event-type.bcase",
    21, 30, { "“party”", "not a valid type of <event>", "meeting" }, 1 },
  { "/core/reader/rule/refuses-unknown-mechanism", "bad-mechanism.bcase",
    32, 41, { "“telepathy”", "not a valid mechanism", "draft-text" }, 1 },
  { "/core/reader/rule/refuses-unknown-status", "bad-status.bcase",
    32, 62, { "“rumoured”", "not a valid status", "inferred" }, 1 },
  { "/core/reader/rule/refuses-unknown-certainty", "bad-certainty.bcase",
    16, 80, { "“likely”", "not a valid certainty", "approximate" }, 1 },
  { "/core/reader/rule/refuses-unknown-link-type", "bad-link-type.bcase",
    29, 29, { "“causes”", "not a valid type of <link>", "leads-to" }, 1 },
  { "/core/reader/rule/refuses-unknown-source-type", "bad-source-type.bcase",
    39, 21, { "“tweet”", "not a valid type of <source>", "interview" }, 1 },
  { "/core/reader/rule/refuses-elements-out-of-order", "element-order.bcase",
    17, 7, { "participant" }, 1 },
  { "/core/reader/rule/refuses-unknown-element", "unknown-element.bcase",
    23, 7, { "colour" }, 1 },
  { "/core/reader/rule/refuses-case-without-title", "missing-title.bcase",
    2, 1, { "no <title>", "first element" }, 2 },
  { "/core/reader/rule/refuses-annotation-time-not-in-utc", "annotation-created-not-utc.bcase",
    45, 37, { "2026-11-24T11:00:00+01:00", "UTC", "RFC 3339" }, 1 },
  /* The schema and the program both say it, each rightly. */
  { "/core/reader/rule/refuses-about-on-transfer-annotation", "annotation-about-on-transfer.bcase",
    35, 70, { "about", "<annotations>" }, 0 },
};

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autofree char *path = data_path ("invalid", rule->file);
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_path (path, rule->file, &o);
  assert_refused (&o, rule->file);
  g_assert_error (o.error, BC_CASE_ERROR, rule->code);

  checks_init (&c, rule->known_bug);
  expect_diagnostic (&c, &o, rule->line, rule->column, rule->words);
  if (rule->n_diagnostics != 0 && o.diagnostics->len != rule->n_diagnostics)
    problem (&c, "%u diagnostics where %u belong", o.diagnostics->len, rule->n_diagnostics);
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

/* The files under data/invalid differ from base.bcase only by the rule
 * they break: the base itself must be valid. */
static void
test_rule_base_is_valid (void)
{
  g_autofree char *path = data_path ("valid", "base.bcase");
  g_auto(Outcome) o = { 0 };

  read_path (path, "base.bcase", &o);
  g_assert_no_error (o.error);
  g_assert_nonnull (o.result);
  g_assert_cmpuint (o.diagnostics->len, ==, 0);
}

/* Rules: many errors */

static void
test_all_errors_reported (void)
{
  g_autofree char *path = data_path ("invalid", "five-errors.bcase");
  g_auto(Outcome) o = { 0 };
  static const struct
  {
    guint line, column;
    const char *words[3];
  } expected[] = {
    { 24, 45, { "1993-02-30", "does not exist" } },
    { 27, 12, { "“a1”", "already used" } },
    { 32, 29, { "“causes”", "not a valid type" } },
    { 37, 16, { "“nobody”", "does not name anything" } },
    { 0, 0, { "ftp://example.org/book", "http://" } },
  };
  Checks c;

  read_path (path, "five-errors.bcase", &o);
  assert_refused (&o, "five-errors.bcase");
  g_assert_cmpuint (o.diagnostics->len, >=, G_N_ELEMENTS (expected));

  checks_init (&c, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    expect_diagnostic (&c, &o, expected[i].line, expected[i].column, expected[i].words);
  if (o.diagnostics->len != G_N_ELEMENTS (expected))
    problem (&c, "%u diagnostics for 5 errors", o.diagnostics->len);
  if (strstr (o.error->message, "(and 4 more errors)") == NULL)
    problem (&c, "the error says “%s”", o.error->message);
  checks_finish (&c);
}

/* @n_dangling events naming an actor that does not exist, then
 * @n_bad_dates events with an impossible date. */
static GBytes *
many_errors_case (guint n_bad_dates,
                  guint n_dangling)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<case version=\"1\" id=\"many\">\n  <title>Many errors</title>\n"
                             "  <events>\n");

  for (guint i = 0; i < n_dangling; i++)
    g_string_append_printf (s, "    <event id=\"d%u\" track=\"1\" type=\"other\" date=\"1993\">\n"
                               "      <title>Dangling</title>\n"
                               "      <participant ref=\"nobody-%u\"/>\n"
                               "    </event>\n", i, i);
  for (guint i = 0; i < n_bad_dates; i++)
    g_string_append_printf (s, "    <event id=\"e%u\" track=\"1\" type=\"other\" date=\"1993-02-30\">\n"
                               "      <title>Impossible date</title>\n"
                               "    </event>\n", i);
  g_string_append (s, "  </events>\n</case>\n");
  return g_string_free_to_bytes (s);
}

static void
test_error_cap (void)
{
  g_autoptr(GBytes) bytes = many_errors_case (500, 0);
  g_auto(Outcome) o = { 0 };
  const BcDiagnostic *last;

  read_bytes (bytes, "many.bcase", &o);
  assert_refused (&o, "many.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, BC_READER_MAX_ERRORS + 1);

  for (guint i = 0; i < BC_READER_MAX_ERRORS; i++)
    {
      g_assert_nonnull (strstr (diagnostic (&o, i)->message, "1993-02-30"));
      /* Event i starts on line 5 + 3 i; its date is in the start tag. */
      g_assert_cmpuint (diagnostic (&o, i)->line, ==, 5 + 3 * i);
    }

  last = diagnostic (&o, BC_READER_MAX_ERRORS);
  g_assert_nonnull (strstr (last->message, "Too many errors"));
  g_assert_nonnull (strstr (last->message, "100"));
}

/* Errors found in two passes (the document, then its references) still end
 * with the line that says the list was cut short. */
static void
test_error_cap_comes_last (void)
{
  g_autoptr(GBytes) bytes = many_errors_case (1, 300);
  g_auto(Outcome) o = { 0 };
  const BcDiagnostic *last;
  Checks c;

  read_bytes (bytes, "many.bcase", &o);
  assert_refused (&o, "many.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, BC_READER_MAX_ERRORS + 1);

  checks_init (&c, NULL);
  last = diagnostic (&o, o.diagnostics->len - 1);
  if (strstr (last->message, "Too many errors") == NULL)
    problem (&c, "the last diagnostic is “%s”, line %u", last->message, last->line);
  checks_finish (&c);
}

/* Valid files */

static void
test_format_example (void)
{
  g_autofree char *path = data_path ("valid", "format-example.bcase");
  g_auto(Outcome) o = { 0 };
  BcActor *larsen, *savir;
  BcTransfer *transfer;
  BcEvent *event;
  BcPosition *position;
  BcAnnotation *annotation;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) written = NULL;

  read_path (path, "format-example.bcase", &o);
  g_assert_no_error (o.error);
  g_assert_nonnull (o.result);
  g_assert_cmpuint (o.diagnostics->len, ==, 0);

  g_assert_cmpstr (bc_case_get_id (o.result), ==, "oslo-1993");
  g_assert_cmpstr (bc_case_get_language (o.result), ==, "en");
  g_assert_cmpstr (bc_case_get_title (o.result), ==, "The Oslo channel");
  g_assert_cmpstr (bc_case_get_license (o.result), ==, "CC-BY-4.0");
  g_assert_cmpstr (bc_case_get_authors (o.result)[0], ==, "Backchannel contributors");
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_actors (o.result)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (o.result)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (o.result)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (o.result)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (o.result)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_annotations (o.result)), ==, 1);

  larsen = bc_case_lookup_actor (o.result, "larsen");
  g_assert_nonnull (larsen);
  g_assert_cmpstr (bc_actor_get_name (larsen), ==, "Terje Rød-Larsen");
  g_assert_cmpstr (bc_actor_get_member_of (larsen)[0], ==, "fafo");

  savir = bc_case_lookup_actor (o.result, "savir");
  g_assert_cmpuint (bc_actor_get_positions (savir)->len, ==, 1);
  position = g_ptr_array_index (bc_actor_get_positions (savir), 0);
  g_assert_cmpint (position->track, ==, BC_TRACK_1);
  g_assert_cmpuint (position->from.year, ==, 1993);
  g_assert_cmpuint (position->from.month, ==, 5);

  event = bc_case_lookup_event (o.result, "sarpsborg-1");
  g_assert_cmpint (bc_event_get_track (event), ==, BC_TRACK_2);
  g_assert_cmpuint (bc_event_get_end (event).day, ==, 22);
  g_assert_cmpuint (bc_event_get_disclosed (event).month, ==, 8);

  transfer = bc_case_lookup_transfer (o.result, "dop-draft");
  g_assert_cmpint (bc_transfer_get_mechanism (transfer), ==, BC_MECHANISM_DRAFT_TEXT);
  g_assert_cmpstr (bc_transfer_get_carriers (transfer)[0], ==, "larsen");
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (transfer)), ==, 1);
  g_assert_cmpint (bc_case_get_transfer_direction (o.result, transfer), ==, BC_DIRECTION_UPWARD);

  annotation = g_list_model_get_item (bc_case_get_annotations (o.result), 0);
  g_assert_cmpstr (bc_annotation_get_about (annotation), ==, "sarpsborg-1");
  g_object_unref (annotation);

  g_assert_cmpstr (bc_case_get_story_title (o.result), ==, "How the channel reached the officials");
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_story (o.result)), ==, 1);

  /* The page's example, written as the program writes, is canonical. */
  input = load_bytes (path);
  written = bc_case_to_bytes (o.result);
  g_assert_true (g_bytes_equal (input, written));
}

static void
test_valid_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_path (path, name, &o);
  g_assert_no_error (o.error);
  g_assert_nonnull (o.result);
  g_assert_nonnull (o.diagnostics);
  g_assert_cmpuint (o.diagnostics->len, ==, 0);
  g_assert_nonnull (bc_case_get_title (o.result));

  checks_init (&c, NULL);
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

/* Round trips */

static GBytes *
write_read_write (GBytes     *bytes,
                  const char *name,
                  GBytes    **first_write)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) first = NULL;
  g_autoptr(BcCase) second = NULL;
  g_autoptr(GBytes) once = NULL;

  first = bc_case_read_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  once = bc_case_to_bytes (first);

  second = bc_case_read_bytes (once, name, NULL, &error);
  g_assert_no_error (error);

  if (first_write != NULL)
    *first_write = g_bytes_ref (once);
  return bc_case_to_bytes (second);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  gsize alen, blen;
  const char *ad = g_bytes_get_data (a, &alen);
  const char *bd = g_bytes_get_data (b, &blen);
  gsize i = 0;

  if (alen == blen && memcmp (ad, bd, alen) == 0)
    return;

  while (i < alen && i < blen && ad[i] == bd[i])
    i++;
  g_error ("The bytes differ from offset %" G_GSIZE_FORMAT ": “%.40s” against “%.40s”", i,
           ad + MIN (i, alen), bd + MIN (i, blen));
}

/* A canonical file (every bundled case is one) is written back as it was. */
static void
test_canonical_written_unchanged (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) input = load_bytes (path);
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = write_read_write (input, name, &once);

  assert_same_bytes (input, once);
  assert_same_bytes (once, twice);
}

/* Any valid file: the second write is the first. */
static void
test_write_is_stable (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) input = load_bytes (path);
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = write_read_write (input, name, &once);

  assert_same_bytes (once, twice);
}

static void
assert_date (BcDate date,
             guint  year,
             guint  month,
             guint  day)
{
  g_assert_cmpuint (date.year, ==, year);
  g_assert_cmpuint (date.month, ==, month);
  g_assert_cmpuint (date.day, ==, day);
}

/* Every value of non-canonical.bcase, as the file means it. */
static void
assert_non_canonical_values (BcCase *c)
{
  const char * const *authors = bc_case_get_authors (c);
  BcEvent *e1, *e2;
  BcTransfer *t;
  BcSource *s;
  g_autoptr(BcAnnotation) note = NULL;

  g_assert_cmpstr (bc_case_get_id (c), ==, "odd");
  g_assert_cmpstr (bc_case_get_language (c), ==, "fr");
  /* Entity and character references, kept spaces at both ends. */
  g_assert_cmpstr (bc_case_get_title (c), ==, "  Titre & sous-titre \u263A <b> ");
  /* CDATA joined to the text after it; a tab; a carriage return from &#13;. */
  g_assert_cmpstr (bc_case_get_summary (c), ==,
                   "Un <résumé> & du \"texte\" suivi de texte.\n"
                   "   Deuxième ligne,\tavec une tabulation,\r\n"
                   "et un retour chariot.");
  assert_date (bc_case_get_period_start (c), 1993, 6, 0);
  assert_date (bc_case_get_period_end (c), 1994, 0, 0);
  g_assert_cmpstr (bc_case_get_region (c), ==, NULL);
  g_assert_nonnull (authors);
  g_assert_cmpstr (authors[0], ==, "Première personne");
  g_assert_cmpstr (authors[1], ==, "Second author");
  g_assert_null (authors[2]);

  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_actors (c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (c)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (c)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_annotations (c)), ==, 0);

  e1 = bc_case_lookup_event (c, "e.1");
  g_assert_nonnull (e1);
  g_assert_cmpint (bc_event_get_track (e1), ==, BC_TRACK_1_5);
  g_assert_cmpint (bc_event_get_event_type (e1), ==, BC_EVENT_MEETING);
  assert_date (bc_event_get_date (e1), 1993, 1, 20);
  assert_date (bc_event_get_end (e1), 1993, 1, 21);
  g_assert_cmpint (bc_event_get_certainty (e1), ==, BC_CERTAINTY_EXACT);
  g_assert_false (bc_date_is_set (bc_event_get_disclosed (e1)));
  g_assert_cmpstr (bc_event_get_title (e1), ==, "Quotes: \"double\" 'single'");
  g_assert_cmpstr (bc_event_get_place (e1), ==, "Ici");
  g_assert_null (bc_event_get_description (e1));

  e2 = bc_case_lookup_event (c, "e_2");
  g_assert_nonnull (e2);
  g_assert_cmpint (bc_event_get_track (e2), ==, BC_TRACK_3);
  g_assert_cmpint (bc_event_get_event_type (e2), ==, BC_EVENT_VISIT);
  assert_date (bc_event_get_date (e2), 1993, 2, 0);
  g_assert_false (bc_date_is_set (bc_event_get_end (e2)));
  g_assert_cmpint (bc_event_get_certainty (e2), ==, BC_CERTAINTY_DISPUTED);
  assert_date (bc_event_get_disclosed (e2), 2001, 0, 0);
  g_assert_cmpstr (bc_event_get_description (e2), ==,
                   "\n        Indented text, kept as written.\n      ");

  t = bc_case_lookup_transfer (c, "x1");
  g_assert_nonnull (t);
  g_assert_cmpstr (bc_transfer_get_from (t), ==, "e.1");
  g_assert_cmpstr (bc_transfer_get_to (t), ==, "e_2");
  g_assert_cmpint (bc_transfer_get_mechanism (t), ==, BC_MECHANISM_OTHER);
  g_assert_cmpint (bc_transfer_get_status (t), ==, BC_STATUS_INFERRED);
  assert_date (bc_transfer_get_disclosed (t), 2000, 1, 0);
  g_assert_cmpstr (bc_transfer_get_title (t), ==, "Across");
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (t)), ==, 1);
  note = g_list_model_get_item (bc_transfer_get_annotations (t), 0);
  g_assert_cmpstr (bc_annotation_get_author (note), ==, "Q & A");
  g_assert_cmpstr (bc_annotation_get_created (note), ==, "2026-01-02T03:04:05Z");
  g_assert_cmpstr (bc_annotation_get_text (note), ==, "Line one\nline two");
  g_assert_null (bc_annotation_get_about (note));

  s = bc_case_lookup_source (c, "w1");
  g_assert_nonnull (s);
  g_assert_cmpint (bc_source_get_source_type (s), ==, BC_SOURCE_WEB);
  g_assert_cmpstr (bc_source_get_citation (s), ==, "Page \u00A9 someone");
  g_assert_cmpstr (bc_source_get_url (s), ==, "http://example.org/a?b=1&c=2");
}

static void
test_non_canonical_keeps_values (void)
{
  g_autofree char *path = data_path ("valid", "non-canonical.bcase");
  g_autoptr(GBytes) input = load_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) read = NULL;
  g_autoptr(BcCase) reread = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  const char *text;

  read = bc_case_read_bytes (input, "non-canonical.bcase", NULL, &error);
  g_assert_no_error (error);
  assert_non_canonical_values (read);

  once = bc_case_to_bytes (read);
  text = g_bytes_get_data (once, NULL);
  g_test_message ("%s", text);
  reread = bc_case_read_bytes (once, "written.bcase", NULL, &error);
  g_assert_no_error (error);
  assert_non_canonical_values (reread);

  /* What the file said explicitly, it still says; empty sections stay. */
  g_assert_nonnull (strstr (text, " certainty=\"exact\""));
  g_assert_nonnull (strstr (text, "\n  <actors/>\n"));
  g_assert_nonnull (strstr (text, "\n  <links/>\n"));
  g_assert_nonnull (strstr (text, "\n  <annotations/>\n"));
  g_assert_nonnull (strstr (text, "&#13;"));

  twice = bc_case_to_bytes (reread);
  assert_same_bytes (once, twice);
}

/* Stories */

/* A small case with a story of @steps, each a whole <step> element. */
static GBytes *
story_case (const char *steps)
{
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case version=\"1\" id=\"t\">\n"
    "  <title>Story test</title>\n"
    "  <actors>\n"
    "    <actor id=\"a1\" track=\"2\" type=\"person\">\n"
    "      <name>An academic</name>\n"
    "    </actor>\n"
    "  </actors>\n"
    "  <events>\n"
    "    <event id=\"e1\" track=\"2\" type=\"workshop\" date=\"1993-01\">\n"
    "      <title>Workshop</title>\n"
    "    </event>\n"
    "    <event id=\"e2\" track=\"1\" type=\"signing\" date=\"1993-09-13\">\n"
    "      <title>Signing</title>\n"
    "    </event>\n"
    "  </events>\n"
    "  <transfers>\n"
    "    <transfer id=\"t1\" from=\"e1\" to=\"e2\" mechanism=\"draft-text\">\n"
    "      <title>Draft</title>\n"
    "    </transfer>\n"
    "  </transfers>\n"
    "  <sources>\n"
    "    <source id=\"s1\" type=\"book\">\n"
    "      <citation>A book.</citation>\n"
    "    </source>\n"
    "  </sources>\n"
    "  <story title=\"The story\">\n"
    "%s"
    "  </story>\n"
    "</case>\n", steps);

  return g_bytes_new (text, strlen (text));
}

/* The first step starts on line 28 of story_case(). */
#define STORY_FIRST_LINE 28

static void
test_story_reads_steps (void)
{
  g_autoptr(GBytes) bytes = story_case (
    "    <step known-on=\"1993-01\" focus=\"e1 a1\">\n"
    "      <caption>Academics meet.</caption>\n"
    "      <source ref=\"s1\" pages=\"12-14\"/>\n"
    "    </step>\n"
    "    <step known-on=\"1993-09-13\" focus=\"t1\">\n"
    "      <caption>The draft is signed.</caption>\n"
    "    </step>\n");
  g_auto(Outcome) o = { 0 };
  g_autoptr(BcStoryStep) first = NULL;
  g_autoptr(BcStoryStep) second = NULL;
  g_autoptr(GBytes) written = NULL;
  BcSourceRef *ref;

  read_bytes (bytes, "story.bcase", &o);
  g_assert_no_error (o.error);
  g_assert_nonnull (o.result);
  g_assert_cmpuint (o.diagnostics->len, ==, 0);

  g_assert_cmpstr (bc_case_get_story_title (o.result), ==, "The story");
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_story (o.result)), ==, 2);
  first = g_list_model_get_item (bc_case_get_story (o.result), 0);
  second = g_list_model_get_item (bc_case_get_story (o.result), 1);

  g_assert_cmpuint (bc_story_step_get_known_on (first).year, ==, 1993);
  g_assert_cmpuint (bc_story_step_get_known_on (first).month, ==, 1);
  g_assert_cmpuint (bc_story_step_get_known_on (first).day, ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) bc_story_step_get_focus (first)), ==, 2);
  g_assert_cmpstr (bc_story_step_get_focus (first)[0], ==, "e1");
  g_assert_cmpstr (bc_story_step_get_focus (first)[1], ==, "a1");
  g_assert_cmpstr (bc_story_step_get_caption (first), ==, "Academics meet.");
  ref = g_ptr_array_index (bc_story_step_get_sources (first), 0);
  g_assert_cmpstr (ref->ref, ==, "s1");
  g_assert_cmpstr (ref->pages, ==, "12-14");

  g_assert_cmpuint (bc_story_step_get_known_on (second).day, ==, 13);
  g_assert_cmpstr (bc_story_step_get_focus (second)[0], ==, "t1");
  g_assert_null (bc_story_step_get_sources (second));

  /* Written back, byte for byte. */
  written = bc_case_to_bytes (o.result);
  assert_same_bytes (bytes, written);
}

static void
expect_story_error (const char *steps,
                    guint       line,
                    guint       column,
                    const char * const *words)
{
  g_autoptr(GBytes) bytes = story_case (steps);
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_bytes (bytes, "story.bcase", &o);
  g_assert_null (o.result);
  g_assert_nonnull (o.error);
  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, line, column, words);
  checks_finish (&c);
}

static void
test_story_refuses_dangling_focus (void)
{
  expect_story_error ("    <step known-on=\"1993\" focus=\"e1 nobody\">\n"
                      "      <caption>Who?</caption>\n"
                      "    </step>\n",
                      STORY_FIRST_LINE, 27,
                      (const char * const[]) { "“nobody”", "does not name anything", NULL });
}

static void
test_story_refuses_source_in_focus (void)
{
  expect_story_error ("    <step known-on=\"1993\">\n"
                      "      <caption>Fine.</caption>\n"
                      "    </step>\n"
                      "    <step known-on=\"1993\" focus=\"s1\">\n"
                      "      <caption>A source is not shown.</caption>\n"
                      "    </step>\n",
                      STORY_FIRST_LINE + 3, 0,
                      (const char * const[]) { "“s1”", "is a source", NULL });
}

static void
test_story_refuses_dangling_source (void)
{
  expect_story_error ("    <step known-on=\"1993\">\n"
                      "      <caption>Cited.</caption>\n"
                      "      <source ref=\"nothing\"/>\n"
                      "    </step>\n",
                      STORY_FIRST_LINE + 2, 0,
                      (const char * const[]) { "“nothing”", "must name a source", NULL });
}

static void
test_story_refuses_bad_date (void)
{
  expect_story_error ("    <step known-on=\"1993-02-30\">\n"
                      "      <caption>No such day.</caption>\n"
                      "    </step>\n",
                      STORY_FIRST_LINE, 0,
                      (const char * const[]) { "1993-02-30", "does not exist", NULL });
}

static void
test_story_refuses_missing_caption (void)
{
  g_autoptr(GBytes) bytes = story_case ("    <step known-on=\"1993\"/>\n");
  g_auto(Outcome) o = { 0 };

  read_bytes (bytes, "story.bcase", &o);
  g_assert_null (o.result);
  g_assert_cmpuint (o.diagnostics->len, >, 0);
  g_assert_nonnull (find_diagnostic (&o, STORY_FIRST_LINE, 0,
                                     (const char * const[]) { "<step>", "<caption>", NULL }));
}

static void
test_story_absent_writes_none (void)
{
  g_autofree char *path = data_path ("valid", "base.bcase");
  g_autoptr(GBytes) input = load_bytes (path);
  g_auto(Outcome) o = { 0 };
  g_autoptr(GBytes) written = NULL;

  read_bytes (input, "base.bcase", &o);
  g_assert_nonnull (o.result);
  g_assert_false (bc_case_has_story (o.result));
  written = bc_case_to_bytes (o.result);
  g_assert_null (g_strstr_len (g_bytes_get_data (written, NULL), (gssize) g_bytes_get_size (written),
                               "<story"));
  assert_same_bytes (input, written);
}

/* Atomic save */

static BcCase *
read_example (void)
{
  g_autofree char *path = data_path ("valid", "format-example.bcase");
  g_autoptr(GBytes) bytes = load_bytes (path);
  g_autoptr(GError) error = NULL;
  BcCase *c = bc_case_read_bytes (bytes, "format-example.bcase", NULL, &error);

  g_assert_no_error (error);
  return c;
}

static void
test_save_keeps_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.bcase", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BcCase) c = read_example ();
  g_autoptr(GBytes) expected = bc_case_to_bytes (c);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  static const char old[] = "the old file, whole\n";
  g_autofree char *backup = NULL;

  g_file_set_contents (path, old, -1, &error);
  g_assert_no_error (error);

  g_assert_true (bc_case_write_file (c, file, BC_WRITE_FLAGS_BACKUP, NULL, &error));
  g_assert_no_error (error);

  g_file_get_contents (backup_path, &backup, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (backup, ==, old);

  saved = load_bytes (path);
  assert_same_bytes (saved, expected);

  remove_tree (dir);
}

static void
test_save_without_backup_leaves_none (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.bcase", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BcCase) c = read_example ();
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (bc_case_write_file (c, file, BC_WRITE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

/* A directory the user may not write into, holding a file the user may
 * write (or not, with @file_writable FALSE). Root ignores modes, so the
 * save runs in a child that gives up root first; it says what happened in
 * @result_path: “refused”, “in-place” or “skip: why”. */
/* Written in place: the child may not replace the parent's file in /tmp. */
static void
write_result (const char *path,
              const char *result)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs (result, f);
  fclose (f);
}

static void
save_into_read_only_directory_child (const char *result_path,
                                     gboolean    file_writable,
                                     BcWriteFlags flags)
{
  static const char old[] = "the old file, whole\n";
  g_autoptr(BcCase) bc = bc_case_new ("read-only", "Saved where it cannot be");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *probe = NULL;
  g_autofree char *after = NULL;
  const char *result;
  int fd;

  if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
    {
      write_result (result_path, "skip: cannot give up root");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "case.bcase", NULL);
  probe = g_build_filename (dir, "probe", NULL);
  file = g_file_new_for_path (path);
  g_file_set_contents (path, old, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, file_writable ? 0600 : 0400), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  fd = g_open (probe, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
      remove_tree (dir);
      write_result (result_path, "skip: the file system ignores the directory's mode");
      return;
    }

  if (bc_case_write_file (bc, file, flags, NULL, &error))
    result = "in-place";
  else
    {
      g_assert_nonnull (error);
      g_file_get_contents (path, &after, NULL, NULL);
      g_assert_cmpstr (after, ==, old);
      result = "refused";
    }

  remove_tree (dir);
  write_result (result_path, result);
}

static void
save_into_read_only_directory (const char  *test_path,
                               gboolean     file_writable,
                               BcWriteFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result_path = NULL;
  g_autofree char *result = NULL;
  Checks checks;
  int fd;

  if (g_test_subprocess ())
    {
      save_into_read_only_directory_child (g_getenv ("BC_TEST_RESULT"), file_writable, flags);
      return;
    }

  fd = g_file_open_tmp ("bc-test-result-XXXXXX", &result_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_cmpint (g_chmod (result_path, 0666), ==, 0);
  g_setenv ("BC_TEST_RESULT", result_path, TRUE);

  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("BC_TEST_RESULT");
  g_test_trap_assert_passed ();

  g_file_get_contents (result_path, &result, NULL, &error);
  g_assert_no_error (error);
  g_unlink (result_path);

  if (g_str_has_prefix (result, "skip: "))
    {
      g_test_skip (result + 6);
      return;
    }

  checks_init (&checks, NULL);
  g_assert_true (strcmp (result, "refused") == 0 || strcmp (result, "in-place") == 0);
  if (strcmp (result, "in-place") == 0)
    problem (&checks, "the save succeeded in a directory that refuses new files");
  checks_finish (&checks);
}

static void
test_save_into_read_only_directory (void)
{
  save_into_read_only_directory ("/core/writer/save/read-only-directory-fails-and-keeps-old-file",
                                 TRUE, BC_WRITE_FLAGS_NONE);
}

static void
test_save_backup_into_read_only_directory (void)
{
  save_into_read_only_directory ("/core/writer/save/backup-in-read-only-directory-fails-and-keeps-old-file",
                                 FALSE, BC_WRITE_FLAGS_BACKUP);
}

/* Hostile inputs */

#define MARKER "BC-MARKER-3f9a2c71-never-read"

static char *
write_marker (const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, MARKER "\n", -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_billion_laughs (void)
{
  g_autofree char *path = data_path ("hostile", "billion-laughs.bcase");
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_path (path, "billion-laughs.bcase", &o);
  assert_refused (&o, "billion-laughs.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, 1);
  g_assert_null (strstr (o.error->message, "lollol"));

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 2, 1, (const char *[]) { "document type declaration", "not read", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

static void
test_external_entity (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *marker = write_marker (dir, "secret.txt");
  int watch = watch_file (marker);
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE case [ <!ENTITY secret SYSTEM \"file://%s\"> <!ENTITY plain SYSTEM \"%s\"> ]>\n"
    "<case version=\"1\" id=\"xxe\">\n"
    "  <title>&secret; &plain;</title>\n"
    "</case>\n", marker, marker);
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_text (text, "xxe.bcase", &o);
  assert_refused (&o, "xxe.bcase");
  assert_marker_absent (&o, MARKER);
  assert_never_opened (watch, marker);

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 2, 1, (const char *[]) { "document type declaration", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);

  remove_tree (dir);
}

/* Without a DTD to declare it, an entity reference is only an error. */
static void
test_undeclared_entity (void)
{
  g_autofree char *path = data_path ("hostile", "undeclared-entity.bcase");
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_path (path, "undeclared-entity.bcase", &o);
  assert_refused (&o, "undeclared-entity.bcase");

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 3, 0, (const char *[]) { "entity", "secret", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

static void
test_external_dtd_on_network (void)
{
  g_autofree char *path = data_path ("hostile", "external-dtd-network.bcase");
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_path (path, "external-dtd-network.bcase", &o);
  assert_refused (&o, "external-dtd-network.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, 1);

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 2, 1, (const char *[]) { "document type declaration", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

/* The same, on a port that listens: nothing may even connect. */
static void
test_external_dtd_never_connects (void)
{
  guint16 port;
  g_autoptr(GSocket) socket = listen_on_loopback (&port);
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE case PUBLIC \"-//X//DTD X//EN\" \"http://127.0.0.1:%u/case.dtd\">\n"
    "<case version=\"1\" id=\"net\"><title>x</title></case>\n", port);
  g_auto(Outcome) o = { 0 };

  read_text (text, "net.bcase", &o);
  assert_refused (&o, "net.bcase");
  assert_no_connection (socket);
}

static void
test_external_dtd_on_disk (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *dtd = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Outcome) o = { 0 };
  int watch;

  dtd = g_build_filename (dir, "case.dtd", NULL);
  g_file_set_contents (dtd, "<!ENTITY title \"" MARKER "\">\n", -1, &error);
  g_assert_no_error (error);
  watch = watch_file (dtd);
  text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE case SYSTEM \"%s\">\n"
                          "<case version=\"1\" id=\"dtd\"><title>&title;</title></case>\n", dtd);

  read_text (text, "dtd.bcase", &o);
  assert_refused (&o, "dtd.bcase");
  assert_marker_absent (&o, MARKER);
  assert_never_opened (watch, dtd);

  remove_tree (dir);
}

static void
test_xinclude (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *marker = write_marker (dir, "secret.txt");
  g_autofree char *text = NULL;
  guint16 port;
  g_autoptr(GSocket) socket = listen_on_loopback (&port);
  g_auto(Outcome) o = { 0 };
  int watch = watch_file (marker);
  Checks c;

  text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case version=\"1\" id=\"xi\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
    "  <title><xi:include href=\"file://%s\" parse=\"text\"/></title>\n"
    "  <summary><xi:include href=\"%s\" parse=\"text\"/></summary>\n"
    "  <region><xi:include href=\"http://127.0.0.1:%u/x.xml\"/></region>\n"
    "</case>\n", marker, marker, port);

  read_text (text, "xinclude.bcase", &o);
  assert_refused (&o, "xinclude.bcase");
  assert_marker_absent (&o, MARKER);
  assert_never_opened (watch, marker);
  assert_no_connection (socket);

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 3, 10, (const char *[]) { "include", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);

  remove_tree (dir);
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<case version=\"1\" id=\"deep\">\n  <title>Deep</title>\n  <summary>");
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Outcome) o = { 0 };
  Checks c;

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "<a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "</a>");
  g_string_append (s, "</summary>\n</case>\n");
  bytes = g_string_free_to_bytes (s);

  read_bytes (bytes, "deep.bcase", &o);
  assert_refused (&o, "deep.bcase");
  g_assert_nonnull (find_diagnostic (&o, 4, 0, (const char *[]) { "deeper than 256", NULL }));

  checks_init (&c, NULL);
  if (strstr (diagnostic (&o, 0)->message, "deeper than 256") == NULL)
    problem (&c, "the first diagnostic is “%s”, of %u", diagnostic (&o, 0)->message,
             o.diagnostics->len);
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

static void
test_invalid_utf8 (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case version=\"1\" id=\"bytes\">\n"
    "  <title>caf\xC3\x28 \xFF\xFE</title>\n"
    "</case>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_bytes (bytes, "bytes.bcase", &o);
  assert_refused (&o, "bytes.bcase");

  checks_init (&c, NULL);
  /* “caf” ends at column 12; the bad byte is the 13th character. */
  expect_diagnostic (&c, &o, 3, 13, (const char *[]) { "not valid UTF-8", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

static void
test_truncated (void)
{
  g_autofree char *dir = cases_dir ();
  g_autofree char *path = g_build_filename (dir, "oslo.bcase", NULL);
  g_autoptr(GBytes) whole = load_bytes (path);
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  const char *data = g_bytes_get_data (half, NULL);
  gsize len = g_bytes_get_size (half);
  guint last_line = 1;
  g_auto(Outcome) o = { 0 };
  Checks c;

  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n')
      last_line++;

  read_bytes (half, "oslo-half.bcase", &o);
  assert_refused (&o, "oslo-half.bcase");

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, last_line, 0, (const char *[]) { "truncated", NULL });
  if (strstr (diagnostic (&o, 0)->message, "truncated") == NULL)
    problem (&c, "the first of %u diagnostics is “%s”", o.diagnostics->len, diagnostic (&o, 0)->message);
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

static void
test_empty (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.bcase", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Outcome) o = { 0 };

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  read_path (path, "empty.bcase", &o);
  assert_refused (&o, "empty.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, 1);
  g_assert_cmpuint (diagnostic (&o, 0)->line, ==, 1);
  g_assert_cmpuint (diagnostic (&o, 0)->column, ==, 1);
  g_assert_nonnull (strstr (diagnostic (&o, 0)->message, "empty"));
  g_assert_cmpstr (o.stderr_text, ==, "");

  remove_tree (dir);
}

static void
test_binary_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint8 *data = g_malloc (64 * 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Outcome) o = { 0 };
  Checks c;

  for (gsize i = 0; i < 64 * 1024; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  bytes = g_bytes_new_take (data, 64 * 1024);

  read_bytes (bytes, "garbage.bcase", &o);
  assert_refused (&o, "garbage.bcase");

  checks_init (&c, NULL);
  if (strstr (diagnostic (&o, 0)->message, "empty") != NULL)
    problem (&c, "a 64 KiB file is called “%s”", diagnostic (&o, 0)->message);
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

/* Many seeds, no assertion but refusal: garbage of any kind is survived. */
static void
test_binary_garbage_many (void)
{
  for (guint seed = 1; seed <= 200; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      gsize len = (gsize) g_rand_int_range (rand, 1, 4096);
      guint8 *data = g_malloc (len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BcCase) result = NULL;
      char *capture;
      int saved;

      /* Half of them start like a case, to get past the first byte. */
      for (gsize i = 0; i < len; i++)
        data[i] = (guint8) g_rand_int_range (rand, 0, 256);
      if (seed % 2 == 0 && len > 30)
        memcpy (data, "<case version=\"1\" id=\"g\">", 25);
      bytes = g_bytes_new_take (data, len);

      saved = stderr_capture_begin (&capture);
      result = bc_case_read_bytes (bytes, "garbage.bcase", &diagnostics, &error);
      g_free (stderr_capture_end (saved, capture));
      g_assert_null (result);
      g_assert_nonnull (error);
      g_assert_cmpuint (diagnostics->len, >, 0);
    }
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.bcase", NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Outcome) from_file = { 0 };
  g_auto(Outcome) from_bytes = { 0 };
  const gsize size = 70 * 1024 * 1024;
  int watch;
  int fd;

  /* A sparse file: 70 MiB long, nothing written. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) size), ==, 0);
  close (fd);

  watch = watch_file (path);
  read_path (path, "huge.bcase", &from_file);
  assert_never_opened (watch, path);

  assert_refused (&from_file, "huge.bcase");
  g_assert_error (from_file.error, BC_CASE_ERROR, BC_CASE_ERROR_TOO_LARGE);
  g_assert_cmpuint (from_file.diagnostics->len, ==, 1);
  g_assert_nonnull (strstr (from_file.error->message, "64 MiB"));
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (diagnostic (&from_file, 0)->message, "70.0\u00A0MiB"));

  /* The same limit holds for bytes from elsewhere (mapped, so not read). */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  read_bytes (bytes, "huge.bcase", &from_bytes);
  assert_refused (&from_bytes, "huge.bcase");
  g_assert_error (from_bytes.error, BC_CASE_ERROR, BC_CASE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (from_bytes.error->message, "64 MiB"));

  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  remove_tree (dir);
}

static GBytes *
convert_case (const char *to_charset)
{
  static const char text[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                             "<case version=\"1\" id=\"u\">\n  <title>Café</title>\n</case>\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *converted = g_convert (text, -1, to_charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (converted, len);
}

static void
test_utf16 (void)
{
  g_autoptr(GBytes) bytes = convert_case ("UTF-16");
  g_auto(Outcome) o = { 0 };

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 2);
  read_bytes (bytes, "utf16.bcase", &o);
  assert_refused (&o, "utf16.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, 1);
  g_assert_cmpuint (diagnostic (&o, 0)->line, ==, 1);
  g_assert_cmpuint (diagnostic (&o, 0)->column, ==, 1);
  g_assert_nonnull (strstr (diagnostic (&o, 0)->message, "UTF-16"));
  g_assert_nonnull (strstr (diagnostic (&o, 0)->message, "UTF-8"));
  g_assert_cmpstr (o.stderr_text, ==, "");
}

/* Without a byte order mark the reader cannot tell it is UTF-16, but it
 * must still refuse the file as not UTF-8. */
static void
test_utf16_without_bom (void)
{
  g_autoptr(GBytes) bytes = convert_case ("UTF-16LE");
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_bytes (bytes, "utf16le.bcase", &o);
  assert_refused (&o, "utf16le.bcase");

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 1, 0, (const char *[]) { "UTF-8", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

/* An element name cut by an invalid byte: libxml2 quotes the bytes back. */
static void
test_messages_valid_utf8 (void)
{
  static const char text[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<case version=\"1\" id=\"t\">\n"
                             "  <title>x</title\xC2\xF5>\n"
                             "</case>\n";
  g_auto(Outcome) o = { 0 };
  Checks c;

  read_text (text, "bytes.bcase", &o);
  assert_refused (&o, "bytes.bcase");

  checks_init (&c, NULL);
  expect_diagnostic (&c, &o, 3, 18, (const char *[]) { "not valid UTF-8", NULL });
  expect_plain_text (&c, &o);
  expect_quiet (&c, &o);
  checks_finish (&c);
}

/* libxml2 recognises UCS-4 by the first bytes, whatever encoding the
 * reader asks for. Found by the fuzzer: “<case>” in UCS-4, and the five
 * bytes 3C 00 00 00 78, which are not a case in any encoding. */
static void
test_ucs4 (void)
{
  static const char case_ucs4[] = "<\0\0\0c\0\0\0a\0\0\0s\0\0\0e\0\0\0>\0\0\0";
  static const char five[] = "<\0\0\0x";
  const struct
  {
    const char *data;
    gsize len;
  } inputs[] = {
    { case_ucs4, sizeof case_ucs4 - 1 },
    { five, sizeof five - 1 },
  };
  Checks c;

  checks_init (&c, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (inputs[i].data, inputs[i].len);
      g_auto(Outcome) o = { 0 };

      read_bytes (bytes, "ucs4.bcase", &o);
      if (o.result != NULL)
        problem (&c, "%" G_GSIZE_FORMAT " bytes accepted, with id %s and title %s", inputs[i].len,
                 bc_case_get_id (o.result), bc_case_get_title (o.result));
      else
        {
          assert_refused (&o, "ucs4.bcase");
          expect_diagnostic (&c, &o, 1, 1, (const char *[]) { "UTF-8", NULL });
          expect_plain_text (&c, &o);
        }
      expect_quiet (&c, &o);
    }
  checks_finish (&c);
}

static void
test_latin1 (void)
{
  static const char text[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                             "<case version=\"1\" id=\"l\">\n  <title>Caf\xE9</title>\n</case>\n";
  g_auto(Outcome) o = { 0 };

  read_text (text, "latin1.bcase", &o);
  assert_refused (&o, "latin1.bcase");
  g_assert_cmpuint (o.diagnostics->len, ==, 1);
  g_assert_cmpuint (diagnostic (&o, 0)->line, ==, 1);
  g_assert_cmpuint (diagnostic (&o, 0)->column, ==, 21);
  g_assert_nonnull (strstr (diagnostic (&o, 0)->message, "encoding other than UTF-8"));
  g_assert_cmpstr (o.stderr_text, ==, "");
}

/* Test registration */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_files (const char *dir,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

static void
add_per_file (GPtrArray      *keep,
              const char     *prefix,
              GPtrArray      *paths,
              GTestDataFunc   func)
{
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = NULL;

      *strrchr (base, '.') = '\0';
      test_path = g_strconcat (prefix, base, NULL);
      g_test_add_data_func (test_path, path, func);
    }
  g_ptr_array_add (keep, g_ptr_array_ref (paths));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) bundled = NULL;
  g_autoptr(GPtrArray) valid = NULL;
  g_autofree char *bundled_dir = NULL;
  g_autofree char *valid_dir = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  bundled_dir = cases_dir ();
  valid_dir = g_test_build_filename (G_TEST_DIST, "reader", "data", "valid", NULL);
  bundled = list_files (bundled_dir, ".bcase");
  valid = list_files (valid_dir, ".bcase");
  g_assert_cmpuint (bundled->len, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_test_add_data_func (rules[i].path, &rules[i], test_rule);
  g_test_add_func ("/core/reader/rule/base-file-is-valid", test_rule_base_is_valid);
  g_test_add_func ("/core/reader/reports-all-errors-not-just-the-first", test_all_errors_reported);
  g_test_add_func ("/core/reader/stops-after-100-errors", test_error_cap);
  g_test_add_func ("/core/reader/too-many-errors-line-comes-last", test_error_cap_comes_last);

  g_test_add_func ("/core/reader/valid/reads-format-page-example", test_format_example);
  g_test_add_func ("/core/reader/story/reads-steps-and-writes-them-back", test_story_reads_steps);
  g_test_add_func ("/core/reader/story/refuses-dangling-focus-with-line", test_story_refuses_dangling_focus);
  g_test_add_func ("/core/reader/story/refuses-source-in-focus-with-line", test_story_refuses_source_in_focus);
  g_test_add_func ("/core/reader/story/refuses-dangling-step-source-with-line",
                   test_story_refuses_dangling_source);
  g_test_add_func ("/core/reader/story/refuses-impossible-date-with-line", test_story_refuses_bad_date);
  g_test_add_func ("/core/reader/story/refuses-step-without-caption", test_story_refuses_missing_caption);
  g_test_add_func ("/core/reader/story/file-without-story-written-unchanged", test_story_absent_writes_none);
  add_per_file (keep, "/core/reader/valid/reads-bundled-case/", bundled, test_valid_file);
  add_per_file (keep, "/core/reader/valid/reads/", valid, test_valid_file);

  add_per_file (keep, "/core/reader/round-trip/bundled-case-written-back-unchanged/", bundled,
                test_canonical_written_unchanged);
  add_per_file (keep, "/core/reader/round-trip/second-write-equals-first/", valid, test_write_is_stable);
  g_test_add_func ("/core/reader/round-trip/non-canonical-file-keeps-every-value",
                   test_non_canonical_keeps_values);

  g_test_add_func ("/core/writer/save/keeps-old-file-as-backup", test_save_keeps_backup);
  g_test_add_func ("/core/writer/save/without-backup-flag-leaves-none", test_save_without_backup_leaves_none);
  g_test_add_func ("/core/writer/save/read-only-directory-fails-and-keeps-old-file",
                   test_save_into_read_only_directory);
  g_test_add_func ("/core/writer/save/backup-in-read-only-directory-fails-and-keeps-old-file",
                   test_save_backup_into_read_only_directory);

  g_test_add_func ("/core/reader/hostile/refuses-billion-laughs", test_billion_laughs);
  g_test_add_func ("/core/reader/hostile/refuses-external-entity", test_external_entity);
  g_test_add_func ("/core/reader/hostile/refuses-undeclared-entity", test_undeclared_entity);
  g_test_add_func ("/core/reader/hostile/refuses-external-dtd-on-network", test_external_dtd_on_network);
  g_test_add_func ("/core/reader/hostile/never-connects-for-external-dtd", test_external_dtd_never_connects);
  g_test_add_func ("/core/reader/hostile/never-opens-external-dtd-on-disk", test_external_dtd_on_disk);
  g_test_add_func ("/core/reader/hostile/refuses-xinclude", test_xinclude);
  g_test_add_func ("/core/reader/hostile/refuses-100000-deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/reader/hostile/refuses-invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/reader/hostile/refuses-truncated-file", test_truncated);
  g_test_add_func ("/core/reader/hostile/refuses-empty-file", test_empty);
  g_test_add_func ("/core/reader/hostile/refuses-binary-garbage", test_binary_garbage);
  g_test_add_func ("/core/reader/hostile/survives-random-bytes", test_binary_garbage_many);
  g_test_add_func ("/core/reader/hostile/refuses-70-mib-file-unread", test_too_large);
  g_test_add_func ("/core/reader/hostile/refuses-utf16", test_utf16);
  g_test_add_func ("/core/reader/hostile/refuses-utf16-without-byte-order-mark", test_utf16_without_bom);
  g_test_add_func ("/core/reader/hostile/refuses-declared-iso-8859-1", test_latin1);
  g_test_add_func ("/core/reader/hostile/refuses-ucs4", test_ucs4);
  g_test_add_func ("/core/reader/hostile/messages-are-valid-utf8", test_messages_valid_utf8);

  ret = g_test_run ();
  return ret;
}
