/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-csv-import"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-csv-import.h"
#include "bc-enum-types.h"
#include "bc-event-private.h"
#include "bc-exchange-private.h"
#include "bc-history.h"
#include "bc-rules.h"
#include "bc-transfer-private.h"

/* Importing a table of events, actors, transfers, sources, links or
 * annotations from CSV, the way a dialog does it: read the file (streamed,
 * row by row, within limits), map its columns to fields, convert every
 * row and check it with the case's rules, then show the rows and the
 * problems; only then add all of them, or only the valid ones, as one
 * step of the history.
 *
 * Checking is a trial run: inside a history group every row is inserted
 * with the same commands the real import uses, and the group is then
 * cancelled. So each row is judged by the rules that will judge it, with
 * the rows before it in place, and nothing of the trial stays. */

/* Auxiliary functions: the RFC 4180 reader */

struct _BcCsvReader
{
  GInputStream *stream;
  char         *display_name;
  char          buffer[64 * 1024];
  gsize         length;
  gsize         position;
  gboolean      eof;
  gboolean      started;
  char          delimiter;
  guint         line;       /* physical line of the next character */
  guint         row_line;   /* first line of the row last read */
  guint64       offset;
  GPtrArray    *fields;
  GString      *field;
};

BcCsvReader *
_bc_csv_reader_new (GInputStream *stream,
                    const char   *display_name)
{
  BcCsvReader *reader = g_new0 (BcCsvReader, 1);

  reader->stream = g_object_ref (stream);
  reader->display_name = g_strdup (display_name);
  reader->line = 1;
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->field = g_string_new (NULL);
  return reader;
}

void
_bc_csv_reader_free (BcCsvReader *reader)
{
  g_object_unref (reader->stream);
  g_free (reader->display_name);
  g_ptr_array_unref (reader->fields);
  g_string_free (reader->field, TRUE);
  g_free (reader);
}

guint
_bc_csv_reader_get_line (BcCsvReader *reader)
{
  return reader->row_line;
}

guint64
_bc_csv_reader_get_offset (BcCsvReader *reader)
{
  return reader->offset;
}

static gboolean
fill (BcCsvReader   *reader,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;

  if (reader->position < reader->length || reader->eof)
    return TRUE;
  n = g_input_stream_read (reader->stream, reader->buffer, sizeof reader->buffer, cancellable, error);
  if (n < 0)
    return FALSE;
  reader->length = n;
  reader->position = 0;
  reader->eof = n == 0;
  return TRUE;
}

/* The next byte, or -1 at the end. */
static int
next_byte (BcCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error,
           gboolean      *failed)
{
  if (!fill (reader, cancellable, error))
    {
      *failed = TRUE;
      return -1;
    }
  if (reader->eof)
    return -1;
  reader->offset++;
  return (guchar) reader->buffer[reader->position++];
}

static int
peek_byte (BcCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error,
           gboolean      *failed)
{
  if (!fill (reader, cancellable, error))
    {
      *failed = TRUE;
      return -1;
    }
  return reader->eof ? -1 : (guchar) reader->buffer[reader->position];
}

/* The delimiter is what the first line holds most of, outside quotes:
 * spreadsheets in many locales write ";", some tools tabs. */
static void
detect_delimiter (BcCsvReader *reader)
{
  guint counts[3] = { 0, 0, 0 };
  const char delimiters[3] = { ',', ';', '\t' };
  gboolean quoted = FALSE;

  for (gsize i = reader->position; i < reader->length; i++)
    {
      char c = reader->buffer[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint d = 0; d < 3; d++)
          counts[d] += c == delimiters[d];
    }
  reader->delimiter = ',';
  if (counts[1] > counts[0] && counts[1] >= counts[2])
    reader->delimiter = ';';
  else if (counts[2] > counts[0] && counts[2] > counts[1])
    reader->delimiter = '\t';
}

static gboolean
too_large (BcCsvReader  *reader,
           const char   *what,
           GError      **error)
{
  g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_TOO_LARGE,
               "%s:%u: %s", reader->display_name, reader->row_line, what);
  return FALSE;
}

static void
end_field (BcCsvReader *reader)
{
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  g_string_truncate (reader->field, 0);
}

/**
 * _bc_csv_reader_next:
 * @reader: a reader
 * @fields: (out) (transfer none): the fields of the next row, valid until
 *   the next call
 * @cancellable: (nullable): cancels between chunks
 * @error: an I/O error, or a field, row or column count over the limits
 *
 * Returns: %FALSE at the end of the file (with @error unset) or on error
 */
gboolean
_bc_csv_reader_next (BcCsvReader   *reader,
                     GPtrArray    **fields,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gboolean failed = FALSE;
  gboolean quoted = FALSE;
  gboolean any = FALSE;
  gsize row_bytes = 0;

  g_ptr_array_set_size (reader->fields, 0);
  g_string_truncate (reader->field, 0);

  if (!reader->started)
    {
      if (!fill (reader, cancellable, error))
        return FALSE;
      /* A UTF-8 byte-order mark, as Excel writes. */
      if (reader->length - reader->position >= 3 &&
          memcmp (reader->buffer + reader->position, "\xEF\xBB\xBF", 3) == 0)
        {
          reader->position += 3;
          reader->offset += 3;
        }
      detect_delimiter (reader);
      reader->started = TRUE;
    }

  reader->row_line = reader->line;
  for (;;)
    {
      int c = next_byte (reader, cancellable, error, &failed);

      if (failed)
        return FALSE;
      if (c == -1)
        {
          if (!any)
            return FALSE;
          end_field (reader);
          break;
        }
      any = TRUE;
      if (++row_bytes > BC_CSV_MAX_ROW)
        return too_large (reader, _("a row is longer than 4 MiB; is this a CSV file?"), error);
      if (c == '\n')
        reader->line++;

      if (quoted)
        {
          if (c == '"')
            {
              if (peek_byte (reader, cancellable, error, &failed) == '"')
                {
                  next_byte (reader, cancellable, error, &failed);
                  g_string_append_c (reader->field, '"');
                }
              else
                quoted = FALSE;
              if (failed)
                return FALSE;
            }
          else
            g_string_append_c (reader->field, (char) c);
        }
      else if (c == '"' && reader->field->len == 0)
        quoted = TRUE;
      else if (c == reader->delimiter)
        {
          end_field (reader);
          if (reader->fields->len >= BC_CSV_MAX_COLUMNS)
            return too_large (reader, _("a row has more than 1024 columns"), error);
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && peek_byte (reader, cancellable, error, &failed) == '\n')
            {
              next_byte (reader, cancellable, error, &failed);
              reader->line++;
            }
          else if (c == '\r')
            reader->line++;
          if (failed)
            return FALSE;
          end_field (reader);
          break;
        }
      else
        g_string_append_c (reader->field, (char) c);

      if (reader->field->len > BC_CSV_MAX_FIELD)
        return too_large (reader, _("a field is longer than 256 KiB"), error);
    }

  *fields = reader->fields;
  return TRUE;
}

/* Auxiliary functions: dates as spreadsheets write them */

static int
month_from_word (const char *word)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  gsize len = strlen (word);

  if (len < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (word, months[i], 3) == 0)
      {
        static const char * const full[] = {
          "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december",
        };
        /* "Sept" and "Sept." too, but not "Marble". */
        if (len <= 4 || g_ascii_strncasecmp (word, full[i], len) == 0)
          return i + 1;
      }
  return 0;
}

static gboolean
make_date (int       year,
           int       month,
           int       day,
           BcDate   *date,
           GError  **error)
{
  g_autofree char *iso = NULL;

  if (day > 0)
    iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  else if (month > 0)
    iso = g_strdup_printf ("%04d-%02d", year, month);
  else
    iso = g_strdup_printf ("%04d", year);
  return bc_date_parse (iso, date, error);
}

/**
 * _bc_date_parse_loose:
 * @text: a date as a spreadsheet may show it
 * @order: a #BcDateOrder
 * @date: (out): the date
 * @ambiguous: (out) (optional): set when @order is AUTO and the day and
 *   month could be either; @date then reads it day first
 * @error: why it is not a date
 */
gboolean
_bc_date_parse_loose (const char  *text,
                      int          order,
                      BcDate      *date,
                      gboolean    *ambiguous,
                      GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  int numbers[3] = { 0, 0, 0 }, n_numbers = 0, month = 0;

  if (ambiguous)
    *ambiguous = FALSE;

  /* ISO first: 1993, 1993-01, 1993-01-20. */
  if (bc_date_parse (copy, date, NULL))
    return TRUE;

  for (char *p = copy; *p; p++)
    if (*p == ',' || *p == '.' || *p == '/' || *p == '-')
      *p = ' ';
  parts = g_strsplit (copy, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, parts[i]);

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *suffix = word;

      while (g_ascii_isdigit (*suffix))
        suffix++;
      /* "20th", "1st" */
      if (suffix != word && (g_ascii_strcasecmp (suffix, "st") == 0 || g_ascii_strcasecmp (suffix, "nd") == 0 ||
                             g_ascii_strcasecmp (suffix, "rd") == 0 || g_ascii_strcasecmp (suffix, "th") == 0 ||
                             *suffix == '\0') && n_numbers < 3)
        numbers[n_numbers++] = atoi (word);
      else if (month == 0 && (month = month_from_word (word)) != 0)
        ;
      else
        goto not_a_date;
    }

  if (month != 0)
    {
      /* 20 January 1993, January 20 1993, January 1993. */
      int year = 0, day = 0;

      for (int i = 0; i < n_numbers; i++)
        {
          if (numbers[i] >= 1000)
            year = numbers[i];
          else if (day == 0)
            day = numbers[i];
          else
            goto not_a_date;
        }
      if (year == 0)
        goto not_a_date;
      return make_date (year, month, day, date, error);
    }

  if (n_numbers == 3 || (n_numbers == 2))
    {
      int year, a, b;

      if (n_numbers == 2)
        {
          /* 01/1993 or 1993/01 */
          year = MAX (numbers[0], numbers[1]);
          a = MIN (numbers[0], numbers[1]);
          if (year < 1000 || a > 12)
            goto not_a_date;
          return make_date (year, a, 0, date, error);
        }
      if (numbers[0] >= 1000)
        /* 1993/01/20 */
        return make_date (numbers[0], numbers[1], numbers[2], date, error);
      year = numbers[2];
      if (year < 100)
        goto not_a_date;
      a = numbers[0];
      b = numbers[1];
      if (order == BC_DATE_ORDER_MDY || (order == BC_DATE_ORDER_AUTO && a <= 12 && b > 12))
        return make_date (year, a, b, date, error);
      if (order == BC_DATE_ORDER_AUTO && a <= 12 && b <= 12 && a != b && ambiguous)
        *ambiguous = TRUE;
      return make_date (year, b, a, date, error);
    }

not_a_date:
  g_set_error (error, BC_DATE_ERROR, BC_DATE_ERROR_SYNTAX,
               _("“%s” is not a date: write 1993-01-20, 20/01/1993, 20 January 1993, Jan 1993 or 1993"),
               text);
  return FALSE;
}

/* Auxiliary functions: the fields of each table */

typedef enum
{
  KIND_STRING,
  KIND_ID,
  KIND_ENUM,
  KIND_DATE,
  KIND_IDS,
  KIND_SOURCES,
  KIND_POSITIONS,
  KIND_OWNER,   /* the transfer an annotation is kept with */
  KIND_IGNORED, /* derived, such as a transfer's direction */
} FieldKind;

typedef struct
{
  const char *name;      /* the column the export writes */
  const char *property;
  FieldKind   kind;
  GType     (*enum_type) (void);
  gboolean    required;
} Field;

static const Field event_fields[] = {
  { "id", "id", KIND_ID, NULL, FALSE },
  { "track", "track", KIND_ENUM, bc_track_get_type, TRUE },
  { "type", "event-type", KIND_ENUM, bc_event_type_get_type, FALSE },
  { "date", "date", KIND_DATE, NULL, TRUE },
  { "end", "end", KIND_DATE, NULL, FALSE },
  { "certainty", "certainty", KIND_ENUM, bc_certainty_get_type, FALSE },
  { "disclosed", "disclosed", KIND_DATE, NULL, FALSE },
  { "title", "title", KIND_STRING, NULL, TRUE },
  { "place", "place", KIND_STRING, NULL, FALSE },
  { "participants", "participants", KIND_IDS, NULL, FALSE },
  { "description", "description", KIND_STRING, NULL, FALSE },
  { "sources", "sources", KIND_SOURCES, NULL, FALSE },
  { NULL },
};

static const Field actor_fields[] = {
  { "id", "id", KIND_ID, NULL, FALSE },
  { "track", "track", KIND_ENUM, bc_track_get_type, TRUE },
  { "type", "actor-type", KIND_ENUM, bc_actor_type_get_type, FALSE },
  { "name", "name", KIND_STRING, NULL, TRUE },
  { "role", "role", KIND_STRING, NULL, FALSE },
  { "member-of", "member-of", KIND_IDS, NULL, FALSE },
  { "positions", "positions", KIND_POSITIONS, NULL, FALSE },
  { "description", "description", KIND_STRING, NULL, FALSE },
  { "sources", "sources", KIND_SOURCES, NULL, FALSE },
  { NULL },
};

static const Field transfer_fields[] = {
  { "id", "id", KIND_ID, NULL, FALSE },
  { "from", "from", KIND_STRING, NULL, TRUE },
  { "to", "to", KIND_STRING, NULL, TRUE },
  { "mechanism", "mechanism", KIND_ENUM, bc_mechanism_get_type, TRUE },
  { "status", "status", KIND_ENUM, bc_transfer_status_get_type, FALSE },
  { "disclosed", "disclosed", KIND_DATE, NULL, FALSE },
  { "title", "title", KIND_STRING, NULL, TRUE },
  { "description", "description", KIND_STRING, NULL, FALSE },
  { "carriers", "carriers", KIND_IDS, NULL, FALSE },
  { "sources", "sources", KIND_SOURCES, NULL, FALSE },
  { "direction", NULL, KIND_IGNORED, NULL, FALSE },
  { NULL },
};

static const Field source_fields[] = {
  { "id", "id", KIND_ID, NULL, FALSE },
  { "type", "source-type", KIND_ENUM, bc_source_type_get_type, FALSE },
  { "citation", "citation", KIND_STRING, NULL, TRUE },
  { "url", "url", KIND_STRING, NULL, FALSE },
  { NULL },
};

static const Field link_fields[] = {
  { "from", "from", KIND_STRING, NULL, TRUE },
  { "to", "to", KIND_STRING, NULL, TRUE },
  { "type", "link-type", KIND_ENUM, bc_link_type_get_type, TRUE },
  { NULL },
};

static const Field annotation_fields[] = {
  { "transfer", NULL, KIND_OWNER, NULL, FALSE },
  { "about", "about", KIND_STRING, NULL, FALSE },
  { "author", "author", KIND_STRING, NULL, TRUE },
  { "created", "created", KIND_STRING, NULL, TRUE },
  { "text", "text", KIND_STRING, NULL, TRUE },
  { NULL },
};

/* Headers that spreadsheets of events and actors often use, read as a
 * field of the table. */
static const struct
{
  const char *header;
  const char *field;
} synonyms[] = {
  { "identifier", "id" }, { "key", "id" },
  { "start", "date" }, { "start-date", "date" }, { "date-start", "date" }, { "when", "date" },
  { "end-date", "end" }, { "date-end", "end" }, { "until", "end" },
  { "headline", "title" }, { "event", "title" }, { "label", "title" }, { "name", "title" },
  { "location", "place" }, { "where", "place" },
  { "kind", "type" }, { "category", "type" },
  { "notes", "description" }, { "summary", "description" }, { "text", "description" },
  { "who", "participants" }, { "people", "participants" },
  { "evidence", "sources" }, { "source", "sources" },
  { "link", "url" }, { "web", "url" },
  { "reference", "citation" }, { "title", "name" }, { "actor", "name" },
  { "organisation", "member-of" }, { "organization", "member-of" },
};

static const Field *
fields_of (BcTable table)
{
  switch (table)
    {
    case BC_TABLE_EVENTS:
      return event_fields;
    case BC_TABLE_ACTORS:
      return actor_fields;
    case BC_TABLE_TRANSFERS:
      return transfer_fields;
    case BC_TABLE_SOURCES:
      return source_fields;
    case BC_TABLE_LINKS:
      return link_fields;
    case BC_TABLE_ANNOTATIONS:
      return annotation_fields;
    case BC_TABLE_NODES:
    case BC_TABLE_EDGES:
    default:
      return NULL;
    }
}

static const Field *
find_field (BcTable     table,
            const char *name)
{
  for (const Field *f = fields_of (table); f != NULL && f->name != NULL; f++)
    if (g_ascii_strcasecmp (f->name, name) == 0)
      return f;
  return NULL;
}

/* "Start Date", "start_date" and "START-DATE" are one header. */
static char *
normalise_header (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = g_strstrip (lower); *p; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-')
        {
          if (out->len > 0 && out->str[out->len - 1] != '-')
            g_string_append_c (out, '-');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const Field *
field_for_header (BcTable     table,
                  const char *header)
{
  g_autofree char *name = normalise_header (header);
  const Field *field = find_field (table, name);

  for (guint i = 0; field == NULL && i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (synonyms[i].header, name))
      field = find_field (table, synonyms[i].field);
  return field;
}

/* Auxiliary functions: the import */

typedef struct
{
  guint    row;        /* spreadsheet row */
  GObject *object;     /* NULL when the row could not be converted */
  char    *owner;      /* an annotation's transfer */
  GStrv    member_of;  /* set after every actor is in */
  gboolean valid;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->object);
  g_clear_pointer (&row->owner, g_free);
  g_clear_pointer (&row->member_of, g_strfreev);
}

struct _BcCsvImport
{
  GObject       parent_instance;

  BcCase       *target;
  BcTable       table;
  gboolean      table_set;
  BcDateOrder   date_order;
  guint         max_rows;
  GHashTable   *overrides;   /* header → field name, "" to ignore */
  char         *display_name;
  GStrv         columns;
  GPtrArray    *column_fields; /* const Field * per column, or NULL */
  GArray       *rows;
  GPtrArray    *problems;
  GHashTable   *file_ids;
  guint         n_valid;
  /* Ambiguous dates in AUTO order: what the file's other dates tell. */
  guint         seen_dmy;
  guint         seen_mdy;
  GPtrArray    *ambiguous;   /* problems to keep or drop */
  const char   *column;      /* the column being read, for messages */
};

G_DEFINE_FINAL_TYPE (BcCsvImport, bc_csv_import, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (BcImportProblem, bc_import_problem, bc_import_problem_copy, bc_import_problem_free)

static void
add_problem (BcCsvImport *self,
             guint        row,
             const char  *column,
             const char  *message)
{
  BcImportProblem *problem = g_new0 (BcImportProblem, 1);

  problem->file = g_strdup (self->display_name);
  problem->row = row;
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

static GStrv
parse_ids (const char *text)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *list = g_strdup (text);

  /* Ids hold no comma: "a, b" is a list too. */
  g_strdelimit (list, ",", ';');
  items = _bc_list_split (list, 1);
  for (guint i = 0; i < items->len; i++)
    {
      char **item = g_ptr_array_index (items, i);
      char *id = g_strstrip (item[0]);

      if (*id)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_enum (const Field  *field,
            const char   *text,
            int          *value,
            GError      **error)
{
  GType type = field->enum_type ();
  g_autofree char *nick = normalise_header (text);
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) choices = g_string_new (NULL);

  /* "Track 1.5" as the interface writes it. */
  if (type == BC_TYPE_TRACK && g_str_has_prefix (nick, "track-"))
    memmove (nick, nick + 6, strlen (nick + 6) + 1);
  if (bc_enum_from_nick (type, nick, value))
    return TRUE;

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (choices, "%s%s", i ? ", " : "", klass->values[i].value_nick);
  g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID, _("“%s” is not one of %s"), text,
               choices->str);
  return FALSE;
}

/* Sets one field of @object from @text; FALSE with @error when @text is
 * not a value of the field. */
static gboolean
set_field (BcCsvImport  *self,
           Row          *row,
           const Field  *field,
           const char   *text,
           GError      **error)
{
  GObject *object = row->object;

  switch (field->kind)
    {
    case KIND_IGNORED:
      return TRUE;
    case KIND_OWNER:
      g_free (row->owner);
      row->owner = g_strdup (text);
      return TRUE;
    case KIND_ID:
      if (!bc_rules_check_id (text, error))
        return FALSE;
      g_object_set (object, field->property, text, NULL);
      return TRUE;
    case KIND_STRING:
      g_object_set (object, field->property, text, NULL);
      return TRUE;
    case KIND_ENUM:
      {
        int value;

        if (!parse_enum (field, text, &value, error))
          return FALSE;
        g_object_set (object, field->property, value, NULL);
        if (BC_IS_EVENT (object) && g_str_equal (field->property, "certainty"))
          _bc_event_set_certainty_explicit (BC_EVENT (object), TRUE);
        if (BC_IS_TRANSFER (object) && g_str_equal (field->property, "status"))
          _bc_transfer_set_status_explicit (BC_TRANSFER (object), TRUE);
        return TRUE;
      }
    case KIND_DATE:
      {
        BcDate date;
        gboolean ambiguous = FALSE;

        if (!_bc_date_parse_loose (text, self->date_order, &date, &ambiguous, error))
          return FALSE;
        if (self->date_order == BC_DATE_ORDER_AUTO && !ambiguous && strchr (text, '/') != NULL)
          {
            int a = atoi (text);

            if (a > 12)
              self->seen_dmy++;
            else if (date.month == a && date.day != a)
              self->seen_mdy++;
          }
        if (ambiguous)
          {
            /* Kept aside: dropped at the end if the file's other dates
             * tell the order. */
            BcImportProblem *problem = g_new0 (BcImportProblem, 1);

            problem->file = g_strdup (self->display_name);
            problem->row = row->row;
            problem->column = g_strdup (self->column);
            problem->message = g_strdup_printf (_("“%s” could be day/month or month/day: use "
                                                  "--date-order=dmy or mdy, or ISO dates"), text);
            g_ptr_array_add (self->ambiguous, problem);
          }
        g_object_set (object, field->property, &date, NULL);
        return TRUE;
      }
    case KIND_IDS:
      {
        g_auto(GStrv) ids = parse_ids (text);

        if (BC_IS_ACTOR (object))
          {
            /* Memberships may name actors further down the file. */
            g_strfreev (row->member_of);
            row->member_of = g_steal_pointer (&ids);
          }
        else
          g_object_set (object, field->property, ids, NULL);
        return TRUE;
      }
    case KIND_SOURCES:
      {
        g_autoptr(GPtrArray) items = _bc_list_split (text, 2);
        g_autoptr(GPtrArray) refs = bc_source_refs_new ();

        for (guint i = 0; i < items->len; i++)
          {
            char **item = g_ptr_array_index (items, i);

            if (!bc_rules_check_pages (*item[1] ? item[1] : NULL, error))
              return FALSE;
            g_ptr_array_add (refs, bc_source_ref_new (g_strstrip (item[0]), *item[1] ? item[1] : NULL));
          }
        g_object_set (object, field->property, refs, NULL);
        return TRUE;
      }
    case KIND_POSITIONS:
      {
        g_autoptr(GPtrArray) items = _bc_list_split (text, 4);
        g_autoptr(GPtrArray) positions = bc_positions_new ();

        for (guint i = 0; i < items->len; i++)
          {
            char **item = g_ptr_array_index (items, i);
            BcDate from = BC_DATE_UNSET, to = BC_DATE_UNSET;
            int track;

            if (!bc_enum_from_nick (BC_TYPE_TRACK, item[0], &track))
              {
                g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID,
                             _("position %u: “%s” is not a track"), i + 1, item[0]);
                return FALSE;
              }
            if ((*item[1] && !_bc_date_parse_loose (item[1], self->date_order, &from, NULL, error)) ||
                (*item[2] && !_bc_date_parse_loose (item[2], self->date_order, &to, NULL, error)))
              return FALSE;
            g_ptr_array_add (positions, bc_position_new (track, from, to, *item[3] ? item[3] : NULL));
          }
        g_object_set (object, field->property, positions, NULL);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static GObject *
new_object (BcTable table)
{
  switch (table)
    {
    case BC_TABLE_EVENTS:
      return g_object_new (BC_TYPE_EVENT, NULL);
    case BC_TABLE_ACTORS:
      return g_object_new (BC_TYPE_ACTOR, NULL);
    case BC_TABLE_TRANSFERS:
      return g_object_new (BC_TYPE_TRANSFER, NULL);
    case BC_TABLE_SOURCES:
      return g_object_new (BC_TYPE_SOURCE, NULL);
    case BC_TABLE_LINKS:
      return g_object_new (BC_TYPE_LINK, NULL);
    case BC_TABLE_ANNOTATIONS:
      return g_object_new (BC_TYPE_ANNOTATION, NULL);
    case BC_TABLE_NODES:
    case BC_TABLE_EDGES:
    default:
      g_assert_not_reached ();
    }
}

static void
convert_row (BcCsvImport *self,
             GPtrArray   *fields,
             Row         *row)
{
  const Field *table_fields = fields_of (self->table);
  gboolean ok = TRUE;

  row->object = new_object (self->table);
  if (fields->len > self->column_fields->len)
    {
      add_problem (self, row->row, NULL,
                   _("the row has more fields than the header has columns"));
      ok = FALSE;
    }

  for (guint c = 0; c < MIN (fields->len, self->column_fields->len); c++)
    {
      const Field *field = g_ptr_array_index (self->column_fields, c);
      const char *text = g_ptr_array_index (fields, c);
      g_autoptr(GError) error = NULL;

      if (field == NULL || *text == '\0')
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        {
          add_problem (self, row->row, self->columns[c], _("not UTF-8 text; save the file as CSV UTF-8"));
          ok = FALSE;
          continue;
        }
      self->column = self->columns[c];
      if (!set_field (self, row, field, text, &error))
        {
          add_problem (self, row->row, self->columns[c], error->message);
          ok = FALSE;
        }
    }

  /* Required fields that the row leaves empty. */
  for (const Field *f = table_fields; f->name != NULL; f++)
    {
      gboolean present = FALSE;

      if (!f->required)
        continue;
      for (guint c = 0; c < MIN (fields->len, self->column_fields->len); c++)
        if (g_ptr_array_index (self->column_fields, c) == f &&
            *(char *) g_ptr_array_index (fields, c) != '\0')
          present = TRUE;
      if (!present)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is required and empty"), f->name);
          const char *column = f->name;

          for (guint c = 0; c < self->column_fields->len; c++)
            if (g_ptr_array_index (self->column_fields, c) == f)
              column = self->columns[c];
          add_problem (self, row->row, column, message);
          ok = FALSE;
        }
    }

  if (ok && BC_IS_ITEM (row->object))
    {
      const char *id = bc_item_get_id (BC_ITEM (row->object));

      if (id != NULL && !g_hash_table_add (self->file_ids, g_strdup (id)))
        {
          add_problem (self, row->row, "id", _("this id is already used further up in the file"));
          ok = FALSE;
        }
    }
  row->valid = ok;
}

/* A fresh id of the form bc_edit_fresh_id() gives, in constant time: the
 * counter goes on from the last one handed out. */
static char *
next_id (BcCsvImport *self,
         const char  *prefix,
         guint       *counter)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, ++*counter);

      if (bc_case_lookup (self->target, id) == NULL && !g_hash_table_contains (self->file_ids, id))
        return id;
      g_free (id);
    }
}

static const char *
id_prefix (BcTable table)
{
  return table == BC_TABLE_EVENTS ? "event" : table == BC_TABLE_ACTORS ? "actor"
         : table == BC_TABLE_TRANSFERS ? "transfer" : "source";
}

/* The column a rule's property came from, for the message. */
static const char *
column_of (BcCsvImport *self,
           const char  *property)
{
  for (guint c = 0; c < self->column_fields->len; c++)
    {
      const Field *field = g_ptr_array_index (self->column_fields, c);

      if (field != NULL && g_strcmp0 (field->property, property) == 0)
        return self->columns[c];
    }
  return NULL;
}

/* Inserts the rows that are still valid, each checked by the rules with
 * the rows before it in place; when @record, a row that fails becomes a
 * problem and invalid. Runs inside the caller's history group. */
static gboolean
insert_rows (BcCsvImport  *self,
             gboolean      record,
             GError      **error)
{
  BcHistory *history = bc_case_get_history (self->target);
  const char *prefix = id_prefix (self->table);
  const char *section = bc_table_get_name (self->table);
  guint counter = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(BcCommand) command = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;
      const char *failed_property = NULL;

      if (!row->valid)
        continue;
      if (BC_IS_ITEM (row->object) && bc_item_get_id (BC_ITEM (row->object)) == NULL)
        {
          g_autofree char *id = next_id (self, prefix, &counter);

          g_object_set (row->object, "id", id, NULL);
        }

      /* Field by field first, to name the column at fault. */
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (row->object), &n_pspecs);
      for (guint p = 0; p < n_pspecs && local_error == NULL; p++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspecs[p]->value_type);
          g_object_get_property (row->object, pspecs[p]->name, &value);
          if (!bc_rules_check_value (self->target, row->object, pspecs[p]->name, &value, &local_error))
            failed_property = pspecs[p]->name;
        }

      if (local_error == NULL)
        {
          command = bc_insert_command_new (BC_IS_ANNOTATION (row->object) ? "annotations" : section,
                                           row->owner, -1, row->object);
          bc_history_perform (history, command, &local_error);
        }
      if (local_error != NULL)
        {
          if (!record)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:%u: ",
                                          self->display_name, row->row);
              return FALSE;
            }
          add_problem (self, row->row, failed_property ? column_of (self, failed_property) : NULL,
                       local_error->message);
          row->valid = FALSE;
          /* Made by the trial, so that a later trial gives the same. */
          if (BC_IS_ITEM (row->object) && !g_hash_table_contains (self->file_ids,
                                                                 bc_item_get_id (BC_ITEM (row->object))))
            g_object_set (row->object, "id", NULL, NULL);
        }
    }

  /* Memberships, now that every actor of the file is in. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(GError) local_error = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (!row->valid || row->member_of == NULL || row->member_of[0] == NULL)
        continue;
      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, row->member_of);
      if (!bc_history_set (history, row->object, "member-of", &value, &local_error))
        {
          if (!record)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:%u: ",
                                          self->display_name, row->row);
              return FALSE;
            }
          add_problem (self, row->row, column_of (self, "member-of"), local_error->message);
          row->valid = FALSE;
        }
    }
  return TRUE;
}

/* Ids the trial gave are taken back: the real import gives them again. */
static void
forget_fresh_ids (BcCsvImport *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (BC_IS_ITEM (row->object) && bc_item_get_id (BC_ITEM (row->object)) != NULL &&
          !g_hash_table_contains (self->file_ids, bc_item_get_id (BC_ITEM (row->object))))
        g_object_set (row->object, "id", NULL, NULL);
    }
}

static void
trial (BcCsvImport *self)
{
  BcHistory *history = bc_case_get_history (self->target);
  guint before;

  /* A row left out may leave a later one naming what is not there: that
   * one fails in the next round, until a round finds nothing new. */
  do
    {
      before = self->problems->len;
      bc_history_begin_group (history, "trial");
      insert_rows (self, TRUE, NULL);
      bc_history_cancel_group (history);
      forget_fresh_ids (self);
    }
  while (self->problems->len != before);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const BcImportProblem *pa = *(BcImportProblem * const *) a;
  const BcImportProblem *pb = *(BcImportProblem * const *) b;

  return (pa->row > pb->row) - (pa->row < pb->row);
}

/* By row; stable, so a row's problems stay in the order of its columns. */
static void
sort_problems (BcCsvImport *self)
{
  g_qsort_with_data (self->problems->pdata, self->problems->len, sizeof (gpointer),
                     compare_problems, NULL);
}

/* GObject */

static void
bc_csv_import_finalize (GObject *object)
{
  BcCsvImport *self = BC_CSV_IMPORT (object);

  g_clear_object (&self->target);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->column_fields, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->file_ids, g_hash_table_unref);
  g_clear_pointer (&self->ambiguous, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_csv_import_parent_class)->finalize (object);
}

static void
bc_csv_import_class_init (BcCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_csv_import_finalize;
}

static void
bc_csv_import_init (BcCsvImport *self)
{
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_import_problem_free);
  self->file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ambiguous = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_import_problem_free);
  self->column_fields = g_ptr_array_new ();
}

/* Public API */

BcImportProblem *
bc_import_problem_copy (const BcImportProblem *self)
{
  BcImportProblem *copy = g_new0 (BcImportProblem, 1);

  copy->file = g_strdup (self->file);
  copy->row = self->row;
  copy->column = g_strdup (self->column);
  copy->message = g_strdup (self->message);
  return copy;
}

void
bc_import_problem_free (BcImportProblem *self)
{
  g_free (self->file);
  g_free (self->column);
  g_free (self->message);
  g_free (self);
}

/**
 * bc_import_problem_to_string:
 * @self: a problem
 *
 * Returns: (transfer full): "FILE:ROW: column NAME: what is wrong"
 */
char *
bc_import_problem_to_string (const BcImportProblem *self)
{
  if (self->column != NULL)
    return g_strdup_printf (_("%s:%u: column %s: %s"), self->file, self->row, self->column, self->message);
  return g_strdup_printf ("%s:%u: %s", self->file, self->row, self->message);
}

/**
 * bc_date_parse_spreadsheet:
 * @text: a date: ISO (1993-01-20, 1993-01, 1993), 20/01/1993 or
 *   1/20/1993 (in @order), 1993/01/20, 20 January 1993, January 20, 1993,
 *   Jan 1993
 * @order: how to read NN/NN/YYYY; %BC_DATE_ORDER_AUTO reads it day first
 *   unless the first number cannot be a day
 * @date: (out): the date
 * @error: why @text is not a date
 */
gboolean
bc_date_parse_spreadsheet (const char   *text,
                           BcDateOrder   order,
                           BcDate       *date,
                           GError      **error)
{
  return _bc_date_parse_loose (text, order, date, NULL, error);
}

/**
 * bc_csv_import_new:
 * @target: the case rows are added to
 *
 * Returns: (transfer full): an import into @target; its table is guessed
 *   from the header unless bc_csv_import_set_table() says
 */
BcCsvImport *
bc_csv_import_new (BcCase *target)
{
  BcCsvImport *self = g_object_new (BC_TYPE_CSV_IMPORT, NULL);

  self->target = g_object_ref (target);
  return self;
}

void
bc_csv_import_set_table (BcCsvImport *self,
                         BcTable      table)
{
  g_return_if_fail (table < BC_N_CASE_TABLES);
  self->table = table;
  self->table_set = TRUE;
}

BcTable
bc_csv_import_get_table (BcCsvImport *self)
{
  return self->table;
}

/**
 * bc_csv_import_set_mapping:
 * @self: an import
 * @column: a header of the file
 * @field: (nullable): a field of the table (bc_csv_import_list_fields()),
 *   or %NULL or "" to leave the column out
 * @error: @field is not a field of the table
 *
 * Overrides what the header says; takes effect at the next load.
 */
gboolean
bc_csv_import_set_mapping (BcCsvImport  *self,
                           const char   *column,
                           const char   *field,
                           GError      **error)
{
  if (field != NULL && *field != '\0' && g_strcmp0 (field, "-") != 0 &&
      self->table_set && find_field (self->table, field) == NULL)
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_NOT_FOUND,
                   _("“%s” is not a field of %s"), field, bc_table_get_name (self->table));
      return FALSE;
    }
  g_hash_table_replace (self->overrides, g_strdup (column),
                        g_strdup (field == NULL || g_strcmp0 (field, "-") == 0 ? "" : field));
  return TRUE;
}

void
bc_csv_import_set_date_order (BcCsvImport *self,
                              BcDateOrder  order)
{
  self->date_order = order;
}

/* A preview reads no more than @max_rows rows; 0 reads all. */
void
bc_csv_import_set_max_rows (BcCsvImport *self,
                            guint        max_rows)
{
  self->max_rows = max_rows;
}

/**
 * bc_csv_import_list_fields:
 * @table: one of the six tables of a case
 *
 * Returns: (transfer none): the fields a column can be mapped to, which
 *   are the columns the CSV export writes
 */
const char * const *
bc_csv_import_list_fields (BcTable table)
{
  static GStrv lists[BC_N_CASE_TABLES];

  g_return_val_if_fail (table < BC_N_CASE_TABLES, NULL);
  if (g_once_init_enter (&lists[table]))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (const Field *f = fields_of (table); f->name != NULL; f++)
        g_strv_builder_add (builder, f->name);
      g_once_init_leave (&lists[table], g_strv_builder_end (builder));
    }
  return (const char * const *) lists[table];
}

/**
 * bc_csv_import_guess_table:
 * @columns: a header row
 *
 * Returns: the table whose fields best explain @columns
 */
BcTable
bc_csv_import_guess_table (const char * const *columns)
{
  gboolean has[16] = { FALSE };
  static const char * const tells[] = {
    "citation", "mechanism", "name", "author", "created", "from", "to", "title", "date", "transfer",
  };

  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *name = normalise_header (columns[i]);

      for (guint t = 0; t < G_N_ELEMENTS (tells); t++)
        has[t] |= g_str_equal (name, tells[t]);
    }
  if (has[0])
    return BC_TABLE_SOURCES;
  if (has[1])
    return BC_TABLE_TRANSFERS;
  if (has[3] && has[4])
    return BC_TABLE_ANNOTATIONS;
  if (has[5] && has[6] && !has[7])
    return BC_TABLE_LINKS;
  if (has[2] && !has[8])
    return BC_TABLE_ACTORS;
  return BC_TABLE_EVENTS;
}

/**
 * bc_csv_import_load:
 * @self: an import
 * @stream: the CSV file, read once, a chunk at a time
 * @display_name: the file's name in messages
 * @cancellable: (nullable): stops reading
 * @error: the file cannot be read as CSV at all
 *
 * Reads and checks every row (or the first ones, bc_csv_import_set_max_rows())
 * and changes nothing in the case. What is wrong with single rows is not
 * an error: see bc_csv_import_get_problems().
 */
gboolean
bc_csv_import_load (BcCsvImport   *self,
                    GInputStream  *stream,
                    const char    *display_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(BcCsvReader) reader = _bc_csv_reader_new (stream, display_name);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields = NULL;
  guint row_number = 1;
  gboolean any_mapped = FALSE;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->ambiguous, 0);
  g_hash_table_remove_all (self->file_ids);
  self->seen_dmy = self->seen_mdy = self->n_valid = 0;

  if (!_bc_csv_reader_next (reader, &fields, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT,
                     _("%s: the file is empty"), display_name);
      return FALSE;
    }

  g_clear_pointer (&self->columns, g_strfreev);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint c = 0; c < fields->len; c++)
      {
        const char *column = g_ptr_array_index (fields, c);

        if (!g_utf8_validate (column, -1, NULL))
          {
            g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT,
                         _("%s:1: the header is not UTF-8 text; save the file as CSV UTF-8"),
                         display_name);
            return FALSE;
          }
        g_strv_builder_add (builder, g_strstrip ((char *) column));
      }
    self->columns = g_strv_builder_end (builder);
  }

  if (!self->table_set)
    self->table = bc_csv_import_guess_table ((const char * const *) self->columns);

  g_ptr_array_set_size (self->column_fields, 0);
  for (guint c = 0; self->columns[c] != NULL; c++)
    {
      const char *override = g_hash_table_lookup (self->overrides, self->columns[c]);
      const Field *field = override != NULL ? (*override ? find_field (self->table, override) : NULL)
                                            : field_for_header (self->table, self->columns[c]);

      if (override != NULL && *override && field == NULL)
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) bc_csv_import_list_fields (self->table));

          g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_NOT_FOUND,
                       _("%s: column %s: “%s” is not a field of %s (%s)"), display_name,
                       self->columns[c], override, bc_table_get_name (self->table), choices);
          return FALSE;
        }
      /* A field is taken by the first column that names it. */
      for (guint d = 0; field != NULL && d < self->column_fields->len; d++)
        if (g_ptr_array_index (self->column_fields, d) == field)
          field = NULL;
      g_ptr_array_add (self->column_fields, (gpointer) field);
      any_mapped |= field != NULL;
    }
  if (!any_mapped)
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT,
                   _("%s: no column is a field of %s; map them with --map=COLUMN:FIELD"),
                   display_name, bc_table_get_name (self->table));
      return FALSE;
    }

  for (;;)
    {
      Row row = { 0 };

      if (self->max_rows != 0 && self->rows->len >= self->max_rows)
        break;
      if (!_bc_csv_reader_next (reader, &fields, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      row_number++;
      /* Blank lines between rows, as spreadsheets leave at the end. */
      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        continue;
      row.row = row_number;
      g_array_append_val (self->rows, row);
      convert_row (self, fields, &g_array_index (self->rows, Row, self->rows->len - 1));
    }

  /* Ambiguous dates: the file's unambiguous ones tell the order when
   * they all agree; otherwise each is a problem. */
  if (self->ambiguous->len > 0)
    {
      gboolean mdy = self->seen_mdy > 0 && self->seen_dmy == 0;
      gboolean dmy = self->seen_dmy > 0 && self->seen_mdy == 0;

      if (mdy && G_IS_SEEKABLE (stream) && g_seekable_can_seek (G_SEEKABLE (stream)) &&
          g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, NULL))
        {
          /* Read again, month first: the rows were read day first. */
          gboolean ok;

          self->date_order = BC_DATE_ORDER_MDY;
          ok = bc_csv_import_load (self, stream, display_name, cancellable, error);
          self->date_order = BC_DATE_ORDER_AUTO;
          return ok;
        }
      if (!dmy)
        for (guint i = 0; i < self->ambiguous->len; i++)
          {
            BcImportProblem *problem = g_ptr_array_index (self->ambiguous, i);

            for (guint r = 0; r < self->rows->len; r++)
              if (g_array_index (self->rows, Row, r).row == problem->row)
                g_array_index (self->rows, Row, r).valid = FALSE;
            g_ptr_array_add (self->problems, bc_import_problem_copy (problem));
          }
    }

  trial (self);
  sort_problems (self);
  for (guint i = 0; i < self->rows->len; i++)
    self->n_valid += g_array_index (self->rows, Row, i).valid;
  return TRUE;
}

/**
 * bc_csv_import_get_columns:
 * @self: a loaded import
 *
 * Returns: (transfer none): the file's header
 */
const char * const *
bc_csv_import_get_columns (BcCsvImport *self)
{
  return (const char * const *) self->columns;
}

/**
 * bc_csv_import_get_column_field:
 * @self: a loaded import
 * @column: a column's index
 *
 * Returns: (nullable): the field the column was read as, %NULL when it
 *   was left out
 */
const char *
bc_csv_import_get_column_field (BcCsvImport *self,
                                guint        column)
{
  const Field *field;

  g_return_val_if_fail (column < self->column_fields->len, NULL);
  field = g_ptr_array_index (self->column_fields, column);
  return field ? field->name : NULL;
}

guint
bc_csv_import_get_n_rows (BcCsvImport *self)
{
  return self->rows->len;
}

guint
bc_csv_import_get_n_valid (BcCsvImport *self)
{
  return self->n_valid;
}

/**
 * bc_csv_import_get_row_object:
 * @self: a loaded import
 * @index: a row, from 0
 *
 * Returns: (transfer none): the row as the event, actor… it will add, for
 *   a preview; not to be changed
 */
GObject *
bc_csv_import_get_row_object (BcCsvImport *self,
                              guint        index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_array_index (self->rows, Row, index).object;
}

/**
 * bc_csv_import_get_row_number:
 * @self: a loaded import
 * @index: a row, from 0
 *
 * Returns: the row as a spreadsheet numbers it (the header is row 1)
 */
guint
bc_csv_import_get_row_number (BcCsvImport *self,
                              guint        index)
{
  g_return_val_if_fail (index < self->rows->len, 0);
  return g_array_index (self->rows, Row, index).row;
}

/**
 * bc_csv_import_get_row_valid:
 * @self: a loaded import
 * @index: a row, from 0
 *
 * Returns: whether the row has no problem and will be added
 */
gboolean
bc_csv_import_get_row_valid (BcCsvImport *self,
                             guint        index)
{
  g_return_val_if_fail (index < self->rows->len, FALSE);
  return g_array_index (self->rows, Row, index).valid;
}

/**
 * bc_csv_import_set_target:
 * @self: an import
 * @target: the case to add to
 *
 * Changes the case the rows are added to. A window reads and checks a
 * large file on a worker thread against a copy of its case, whose
 * trial insertions no view sees, then applies to the case itself on the
 * main thread; the two must hold the same items.
 */
void
bc_csv_import_set_target (BcCsvImport *self,
                          BcCase      *target)
{
  g_return_if_fail (BC_IS_CSV_IMPORT (self));
  g_return_if_fail (BC_IS_CASE (target));
  g_set_object (&self->target, target);
}

/**
 * bc_csv_import_get_problems:
 * @self: a loaded import
 *
 * Returns: (transfer none) (element-type BcImportProblem): every problem,
 *   by row
 */
GPtrArray *
bc_csv_import_get_problems (BcCsvImport *self)
{
  return self->problems;
}

/**
 * bc_csv_import_apply:
 * @self: a loaded import
 * @only_valid: add the valid rows and leave the others out; when %FALSE,
 *   a file with problems adds nothing
 * @error: why nothing was added
 *
 * Adds the rows as one step of the case's history, “Import 42 Events”.
 */
gboolean
bc_csv_import_apply (BcCsvImport  *self,
                     gboolean      only_valid,
                     GError      **error)
{
  BcHistory *history = bc_case_get_history (self->target);
  g_autofree char *label = NULL;

  g_return_val_if_fail (self->columns != NULL, FALSE);

  if (self->problems->len > 0 && !only_valid)
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", self->problems->len),
                   self->display_name, self->problems->len);
      return FALSE;
    }
  if (self->n_valid == 0)
    return TRUE;

  switch (self->table)
    {
    case BC_TABLE_EVENTS:
      label = g_strdup_printf (_("Import %u Events"), self->n_valid);
      break;
    case BC_TABLE_ACTORS:
      label = g_strdup_printf (_("Import %u Actors"), self->n_valid);
      break;
    case BC_TABLE_TRANSFERS:
      label = g_strdup_printf (_("Import %u Transfers"), self->n_valid);
      break;
    case BC_TABLE_SOURCES:
      label = g_strdup_printf (_("Import %u Sources"), self->n_valid);
      break;
    case BC_TABLE_LINKS:
      label = g_strdup_printf (_("Import %u Links"), self->n_valid);
      break;
    case BC_TABLE_ANNOTATIONS:
    case BC_TABLE_NODES:
    case BC_TABLE_EDGES:
    default:
      label = g_strdup_printf (_("Import %u Annotations"), self->n_valid);
      break;
    }
  bc_history_begin_group (history, label);
  if (!insert_rows (self, FALSE, error))
    {
      bc_history_cancel_group (history);
      forget_fresh_ids (self);
      return FALSE;
    }
  bc_history_end_group (history);
  return TRUE;
}
