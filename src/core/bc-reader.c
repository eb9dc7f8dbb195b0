/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "bc-case-private.h"
#include "bc-enum-types.h"
#include "bc-event-private.h"
#include "bc-history.h"
#include "bc-reader.h"
#include "bc-rules.h"
#include "bc-transfer-private.h"

#define SCHEMA_RESOURCE "/io/github/backchannel/Backchannel/schema/case.rng"

G_DEFINE_BOXED_TYPE (BcDiagnostic, bc_diagnostic, bc_diagnostic_copy, bc_diagnostic_free)

typedef enum
{
  REF_ACTOR,
  REF_EVENT,
  REF_SOURCE,
  REF_ANY,
  REF_FOCUS,     /* an actor, event or transfer in a story's focus */
} RefKind;

/* A reference to check once every id of the file is known. */
typedef struct
{
  RefKind  kind;
  char    *id;
  char    *element;
  char    *attribute;
  guint    line;
} PendingRef;

/* A transfer whose two ends must be on different tracks. */
typedef struct
{
  char  *id;
  char  *from;
  char  *to;
  guint  line;
} PendingTransfer;

typedef struct
{
  const char *data;
  gsize       len;
  const char *name;
  GArray     *line_starts;   /* built on the first error that needs a column */

  GPtrArray  *diagnostics;
  GArray     *anchors;       /* per diagnostic: line of the node it is about */
  GArray     *from_schema;   /* per diagnostic: TRUE when the schema said it */
  guint       fatal_line;    /* where the XML broke, or 0 */
  guint       fatal_column;
  GArray     *generic;       /* indices into diagnostics of vague schema errors */
  gboolean    stopped;
  gboolean    not_well_formed; /* after that, schema errors are only echoes */
  gboolean    schema_lost;     /* after one element out of place, the
                                * streaming validator reports everything
                                * after it; only the first is true */
  gboolean    saw_root;
  guint       root_line;
  gboolean    saw_title;
  char       *too_many;        /* the cap line, written last */
  GHashTable *bad_tracks;      /* ids of events whose track is unreadable */

  BcCase     *result;
  GHashTable *ids;           /* id → GUINT_TO_POINTER (line) */
  GHashTable *kinds;         /* id → GUINT_TO_POINTER (RefKind) */
  GArray     *refs;
  GArray     *transfers;
  char       *section;
} Reader;

/* Auxiliary functions: where things are */

static void
build_line_index (Reader *r)
{
  guint32 start = 0;

  if (r->line_starts != NULL)
    return;

  r->line_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (r->line_starts, start);
  for (gsize i = 0; i < r->len; i++)
    if (r->data[i] == '\n')
      {
        guint32 next = (guint32) (i + 1);
        g_array_append_val (r->line_starts, next);
      }
}

static gsize
line_start (Reader *r,
            guint   line)
{
  build_line_index (r);

  if (line == 0)
    return 0;
  if (line > r->line_starts->len)
    return r->len;
  return g_array_index (r->line_starts, guint32, line - 1);
}

static void
offset_to_position (Reader *r,
                    gsize   offset,
                    guint  *line,
                    guint  *column)
{
  guint lo = 0, hi;
  gsize begin;

  build_line_index (r);
  hi = r->line_starts->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (r->line_starts, guint32, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  begin = g_array_index (r->line_starts, guint32, lo);
  *line = lo + 1;

  /* Columns count characters, as editors do; invalid bytes count one each. */
  *column = 1;
  for (gsize i = begin; i < offset && i < r->len; i++)
    if (((guchar) r->data[i] & 0xC0) != 0x80)
      (*column)++;
}

static gboolean
is_name_end (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
}

/* libxml2 gives an element the line its start tag ends on, and no column.
 * Find the tag itself, searching back from the end of that line, and the
 * attribute in it when there is one. */
static void
locate (Reader     *r,
        guint       line,
        const char *element,
        const char *attribute,
        guint      *out_line,
        guint      *out_column)
{
  gsize end = line_start (r, line + 1);
  gsize limit = end > 65536 ? end - 65536 : 0;
  gsize elen = element ? strlen (element) : 0;
  gsize at = G_MAXSIZE;

  if (element != NULL)
    for (gsize i = end; i-- > limit;)
      if (r->data[i] == '<' && i + 1 + elen < r->len &&
          strncmp (r->data + i + 1, element, elen) == 0 &&
          is_name_end (r->data[i + 1 + elen]))
        {
          at = i;
          break;
        }

  if (at == G_MAXSIZE)
    {
      *out_line = MAX (line, 1);
      *out_column = 1;
      return;
    }

  if (attribute != NULL)
    {
      gsize alen = strlen (attribute);
      char quote = 0;

      for (gsize i = at + 1 + elen; i < r->len; i++)
        {
          char c = r->data[i];

          if (quote)
            {
              if (c == quote)
                quote = 0;
              continue;
            }
          if (c == '"' || c == '\'')
            quote = c;
          else if (c == '>')
            break;
          else if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') &&
                   i + 1 + alen < r->len &&
                   strncmp (r->data + i + 1, attribute, alen) == 0 &&
                   (r->data[i + 1 + alen] == '=' || r->data[i + 1 + alen] == ' ' ||
                    r->data[i + 1 + alen] == '\t' || r->data[i + 1 + alen] == '\n'))
            {
              at = i + 1;
              break;
            }
        }
    }

  offset_to_position (r, at, out_line, out_column);
}

/* Auxiliary functions: errors */

static void
add_diagnostic_anchored (Reader     *r,
                         gboolean    from_schema,
                         guint       anchor,
                         guint       line,
                         guint       column,
                         const char *message)
{
  BcDiagnostic *d;

  if (r->stopped)
    return;

  /* The same message at the same place says nothing new. */
  for (guint i = r->diagnostics->len; i-- > 0 && i + 8 >= r->diagnostics->len;)
    {
      BcDiagnostic *prev = g_ptr_array_index (r->diagnostics, i);

      if (prev->line == line && prev->column == column && strcmp (prev->message, message) == 0)
        return;
    }

  g_array_append_val (r->anchors, anchor);
  g_array_append_val (r->from_schema, from_schema);

  if (r->diagnostics->len >= BC_READER_MAX_ERRORS)
    {
      g_array_set_size (r->anchors, r->anchors->len - 1);
      g_array_set_size (r->from_schema, r->from_schema->len - 1);
      r->too_many = g_strdup_printf (_("Too many errors; stopped after %d"), BC_READER_MAX_ERRORS);
      r->stopped = TRUE;
      return;
    }

  d = g_new0 (BcDiagnostic, 1);
  d->file = g_strdup (r->name);
  d->line = MAX (line, 1);
  d->column = MAX (column, 1);
  /* libxml2 quotes the file, and the file may not be UTF-8. */
  d->message = g_utf8_make_valid (message, -1);
  g_ptr_array_add (r->diagnostics, d);
}

static void
add_diagnostic_at (Reader     *r,
                   guint       line,
                   guint       column,
                   const char *message)
{
  add_diagnostic_anchored (r, FALSE, line, line, column, message);
}

/* The name as written in the file, prefix included, for locate(). */
static char *
written_name (xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", node->ns->prefix, node->name);
  return g_strdup ((const char *) node->name);
}

G_GNUC_PRINTF (5, 6)
static void
error_at (Reader     *r,
          xmlNode    *node,
          const char *attribute,
          const char *element_name,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  g_autofree char *name = node && !element_name ? written_name (node) : NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (r, node ? (guint) xmlGetLineNo (node) : 1,
          element_name ? element_name : name, attribute, &line, &column);
  add_diagnostic_anchored (r, FALSE, node ? (guint) xmlGetLineNo (node) : line, line, column, message);
}

/* Schema errors that only say "something in here is wrong"; the program's
 * own checks usually say what, on the same element. */
static gboolean
is_generic_schema_error (int code)
{
  return code == XML_RELAXNG_ERR_CONTENTVALID ||
         code == XML_RELAXNG_ERR_ATTRVALID ||
         code == XML_RELAXNG_ERR_DATATYPE ||
         code == XML_RELAXNG_ERR_VALUE ||
         code == XML_RELAXNG_ERR_INVALIDATTR;
}

/* Says in an analyst's words what libxml2 found; keeps libxml2's own text
 * where no better one is known. */
static char *
describe_xml_error (const xmlError *e)
{
  g_autofree char *raw = g_strchomp (g_strdup (e->message ? e->message : ""));

  if (e->domain == XML_FROM_RELAXNGV)
    {
      const char *s1 = e->str1, *s2 = e->str2;

      switch (e->code)
        {
        case XML_RELAXNG_ERR_ELEMNAME:
        case XML_RELAXNG_ERR_ELEMWRONG:
          if (s1 && s2)
            return g_strdup_printf (_("Expected <%s> here, found <%s>"), s1, s2);
          if (s1)
            return g_strdup_printf (_("<%s> is not expected here: it is unknown, or out of the "
                                      "order the case format gives"), s1);
          break;
        case XML_RELAXNG_ERR_NOELEM:
          if (s1)
            return g_strdup_printf (_("<%s> is missing here"), s1);
          break;
        case XML_RELAXNG_ERR_EXTRACONTENT:
          if (s1 && s2)
            return g_strdup_printf (_("<%s> cannot hold <%s> here; see the case format for the order of elements"), s1, s2);
          break;
        case XML_RELAXNG_ERR_INVALIDATTR:
          if (s1 && s2)
            return g_strdup_printf (_("<%s> does not take the attribute “%s”, or not with that value"), s2, s1);
          break;
        case XML_RELAXNG_ERR_ELEMEXTRANS:
        case XML_RELAXNG_ERR_ELEMNOTEMPTY:
          if (s1)
            return g_strdup_printf (_("<%s> is not expected here"), s1);
          break;
        case XML_RELAXNG_ERR_TEXTWRONG:
          return g_strdup (_("Text is not allowed here"));
        case XML_RELAXNG_ERR_CONTENTVALID:
          if (s1)
            return g_strdup_printf (_("The content of <%s> does not follow the case format"), s1);
          break;
        case XML_RELAXNG_ERR_ATTRVALID:
          if (s1)
            return g_strdup_printf (_("The attributes of <%s> do not follow the case format"), s1);
          break;
        default:
          break;
        }
      return g_strdup_printf (_("Not a valid case: %s"), raw);
    }

  switch (e->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("This is not an XML case file: no element begins where <case> should"));
    case XML_ERR_DOCUMENT_END:
      if (strstr (raw, "Premature end") != NULL)
        return g_strdup_printf (_("The file ends before the case is complete; it may be truncated (%s)"), raw);
      return g_strdup (_("There is more after the end of the case"));
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return g_strdup (_("The file is not valid UTF-8 text here"));
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("Unknown entity reference; only &amp; &lt; &gt; &quot; &apos; "
                                "and character references are allowed (%s)"), raw);
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("The file ends or breaks off before the case is complete; "
                                "it may be truncated (%s)"), raw);
    case XML_ERR_INTERNAL_ERROR:
      if (strstr (raw, "depth") != NULL)
        return g_strdup_printf (_("Elements are nested deeper than %d levels"), BC_READER_MAX_DEPTH);
      break;
    default:
      break;
    }

  if (strstr (raw, "not proper UTF-8") != NULL || strstr (raw, "Char 0x") != NULL)
    return g_strdup (_("The file is not valid UTF-8 text here"));

  return g_strdup_printf (_("Not well-formed XML: %s"), raw);
}

static void
on_xml_error (void     *user_data,
              xmlError *e)
{
  Reader *r = user_data;
  g_autofree char *message = NULL;
  guint line, column, anchor;

  if (e->level == XML_ERR_WARNING && e->domain != XML_FROM_RELAXNGV)
    return;

  /* Once the XML itself is broken, the schema only echoes it; once one
   * element is out of place, the streaming validator loses its place. */
  if (e->domain == XML_FROM_RELAXNGV && (r->not_well_formed || r->schema_lost))
    return;
  if (e->domain != XML_FROM_RELAXNGV && e->level >= XML_ERR_ERROR)
    r->not_well_formed = TRUE;

  message = describe_xml_error (e);

  if (e->domain == XML_FROM_RELAXNGV && e->node != NULL)
    {
      g_autofree char *name = written_name (e->node);

      anchor = (guint) xmlGetLineNo (e->node);
      locate (r, anchor, name, e->code == XML_RELAXNG_ERR_INVALIDATTR ? e->str1 : NULL,
              &line, &column);
    }
  else
    {
      line = (guint) MAX (e->line, 1);
      column = (guint) MAX (e->int2, 1);
      anchor = line;
    }

  if (e->domain == XML_FROM_RELAXNGV && is_generic_schema_error (e->code))
    {
      guint index = r->diagnostics->len;
      g_array_append_val (r->generic, index);
    }

  /* The streaming parser calls a cut-off file "extra content at the end",
   * or names whatever it was reading when the data ran out (an attribute
   * value, a tag): at the very end of the data it is a truncation. */
  if (e->domain != XML_FROM_RELAXNGV && e->level >= XML_ERR_ERROR &&
      line_start (r, line) + column + 2 >= r->len)
    {
      g_free (message);
      message = g_strdup (_("The file ends before the case is complete; it may be truncated"));
    }

  if (e->domain != XML_FROM_RELAXNGV && e->level >= XML_ERR_ERROR && r->fatal_line == 0)
    {
      r->fatal_line = line;
      r->fatal_column = column;
    }

  add_diagnostic_anchored (r, e->domain == XML_FROM_RELAXNGV, anchor, line, column, message);

  if (e->domain == XML_FROM_RELAXNGV && !is_generic_schema_error (e->code) &&
      e->code != XML_RELAXNG_ERR_INVALIDATTR)
    r->schema_lost = TRUE;
}

/* A vague schema message ("the attributes of <event> do not follow …")
 * repeats what a precise one says about the same element; a vague one
 * about content repeats what is said of something inside it. Drop those,
 * keep the rest, so that nothing goes unreported. */
static void
remove_diagnostic (Reader *r,
                   guint   index)
{
  g_ptr_array_remove_index (r->diagnostics, index);
  g_array_remove_index (r->anchors, index);
  g_array_remove_index (r->from_schema, index);
}

static void
prune_generic (Reader *r)
{
  g_autofree gboolean *generic = NULL;
  g_autofree gboolean *drop = NULL;
  guint n = r->diagnostics->len;

  if (r->generic->len == 0)
    return;

  generic = g_new0 (gboolean, n);
  drop = g_new0 (gboolean, n);
  for (guint i = 0; i < r->generic->len; i++)
    {
      guint index = g_array_index (r->generic, guint, i);

      if (index < n)
        generic[index] = TRUE;
    }

  /* Decide on every message first, then remove, so indices hold. */
  for (guint i = 0; i < n; i++)
    {
      BcDiagnostic *d = g_ptr_array_index (r->diagnostics, i);
      guint anchor = g_array_index (r->anchors, guint, i);
      gboolean content = strstr (d->message, "content") != NULL;

      if (!generic[i])
        continue;

      for (guint j = 0; j < n && !drop[i]; j++)
        {
          guint other = g_array_index (r->anchors, guint, j);

          if (j != i && !generic[j])
            drop[i] = content ? other >= anchor : other == anchor;
        }
    }

  for (guint i = n; i-- > 0;)
    if (drop[i])
      remove_diagnostic (r, i);
}

/* The schema validates as the parser goes; past the place where the XML
 * broke, what it says is an echo of that. */
static void
prune_after_fatal (Reader *r)
{
  if (r->fatal_line == 0)
    return;

  for (guint i = r->diagnostics->len; i-- > 0;)
    {
      BcDiagnostic *d = g_ptr_array_index (r->diagnostics, i);

      if (g_array_index (r->from_schema, gboolean, i) &&
          (d->line > r->fatal_line || (d->line == r->fatal_line && d->column >= r->fatal_column)))
        remove_diagnostic (r, i);
    }
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const BcDiagnostic *da = *(BcDiagnostic **) a;
  const BcDiagnostic *db = *(BcDiagnostic **) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  if (da->column != db->column)
    return da->column < db->column ? -1 : 1;
  return 0;
}

/* Auxiliary functions: safety */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Case files never load anything else, from disk or network. */
  return NULL;
}

static xmlRelaxNGPtr
get_schema (void)
{
  static xmlRelaxNGPtr schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxtPtr ctxt;
      xmlRelaxNGPtr compiled;
      gsize size;
      const char *data;

      xmlSetExternalEntityLoader (refuse_external_entity);

      bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      compiled = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      g_assert (compiled != NULL);

      g_once_init_leave (&schema, compiled);
    }

  return schema;
}

static gboolean
skip_past (const char  *data,
           gsize        len,
           gsize       *i,
           const char  *end)
{
  gsize elen = strlen (end);

  for (; *i + elen <= len; (*i)++)
    if (memcmp (data + *i, end, elen) == 0)
      {
        *i += elen;
        return TRUE;
      }
  return FALSE;
}

/* Looks at what comes before the root element: a document type
 * declaration is refused before libxml2 sees any of it, as is an encoding
 * other than UTF-8. */
static gboolean
check_prolog (Reader *r)
{
  const char *d = r->data;
  gsize len = r->len;
  gsize i = 0;

  if (len >= 2 && (((guchar) d[0] == 0xFE && (guchar) d[1] == 0xFF) ||
                   ((guchar) d[0] == 0xFF && (guchar) d[1] == 0xFE)))
    {
      add_diagnostic_at (r, 1, 1, _("The file is in UTF-16; case files are UTF-8"));
      return FALSE;
    }
  /* UTF-32 and UTF-16 without a byte order mark start with a NUL in
   * their first four bytes; libxml2 would read them as such. */
  if (memchr (d, '\0', MIN (len, 4)) != NULL)
    {
      add_diagnostic_at (r, 1, 1, _("The file is not UTF-8 text (it looks like UTF-16 or UTF-32, "
                                    "or binary data); case files are UTF-8"));
      return FALSE;
    }
  if (len >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < len)
    {
      if (g_ascii_isspace (d[i]))
        i++;
      else if (len - i >= 5 && memcmp (d + i, "<?xml", 5) == 0 && g_ascii_isspace (d[i + 5]))
        {
          gsize start = i;
          const char *enc;

          if (!skip_past (d, len, &i, "?>"))
            return TRUE; /* the parser will say it is unfinished */

          enc = g_strstr_len (d + start, (gssize) (i - start), "encoding");
          if (enc != NULL)
            {
              const char *q = enc + 8;

              while (q < d + i && (*q == ' ' || *q == '=' || *q == '"' || *q == '\''))
                q++;
              if (g_ascii_strncasecmp (q, "UTF-8", 5) != 0 || (q[5] != '"' && q[5] != '\''))
                {
                  guint line, column;

                  offset_to_position (r, (gsize) (enc - d), &line, &column);
                  add_diagnostic_at (r, line, column,
                                     _("The file declares an encoding other than UTF-8; case files are UTF-8"));
                  return FALSE;
                }
            }
        }
      else if (len - i >= 4 && memcmp (d + i, "<!--", 4) == 0)
        {
          i += 4;
          if (!skip_past (d, len, &i, "-->"))
            return TRUE;
        }
      else if (len - i >= 2 && memcmp (d + i, "<?", 2) == 0)
        {
          if (!skip_past (d, len, &i, "?>"))
            return TRUE;
        }
      else if (len - i >= 9 && g_ascii_strncasecmp (d + i, "<!DOCTYPE", 9) == 0)
        {
          guint line, column;

          offset_to_position (r, i, &line, &column);
          add_diagnostic_at (r, line, column,
                             _("The file has a document type declaration (<!DOCTYPE …>), "
                               "which case files may not have; it was not read"));
          return FALSE;
        }
      else
        return TRUE;
    }

  return TRUE;
}

/* Auxiliary functions: reading the tree of one item */

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
text_of (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

static char *
required (Reader     *r,
          xmlNode    *node,
          const char *name)
{
  char *value = attr (node, name);

  if (value == NULL)
    error_at (r, node, NULL, NULL, _("<%s> needs the attribute “%s”"), node->name, name);
  return value;
}

static void
declare_id (Reader     *r,
            xmlNode    *node,
            const char *id,
            RefKind     kind)
{
  guint first;

  g_autoptr(GError) error = NULL;

  if (!bc_rules_check_id (id, &error))
    {
      error_at (r, node, "id", NULL, "%s", error->message);
      return;
    }

  first = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, id));
  if (first != 0)
    {
      guint line, column;

      locate (r, first, NULL, NULL, &line, &column);
      error_at (r, node, "id", NULL, _("The id “%s” is already used on line %u"), id, line);
      return;
    }

  g_hash_table_insert (r->ids, g_strdup (id), GUINT_TO_POINTER ((guint) xmlGetLineNo (node)));
  g_hash_table_insert (r->kinds, g_strdup (id), GUINT_TO_POINTER (kind));
}

static void
add_ref (Reader     *r,
         xmlNode    *node,
         const char *attribute,
         RefKind     kind,
         const char *id)
{
  PendingRef ref;

  if (id == NULL)
    return;

  ref.kind = kind;
  ref.id = g_strdup (id);
  ref.element = written_name (node);
  ref.attribute = g_strdup (attribute);
  ref.line = (guint) xmlGetLineNo (node);
  g_array_append_val (r->refs, ref);
}

static gboolean
read_enum (Reader     *r,
           xmlNode    *node,
           const char *name,
           GType       type,
           gboolean    needed,
           int        *value)
{
  g_autofree char *text = needed ? required (r, node, name) : attr (node, name);
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) allowed = NULL;

  if (text == NULL)
    return FALSE;
  if (bc_enum_from_nick (type, text, value))
    return TRUE;

  klass = g_type_class_ref (type);
  allowed = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);

  error_at (r, node, name, NULL, _("“%s” is not a valid %s of <%s>; use one of: %s"),
            text, name, node->name, allowed->str);
  return FALSE;
}

static gboolean
read_date (Reader     *r,
           xmlNode    *node,
           const char *name,
           gboolean    needed,
           BcDate     *date)
{
  g_autofree char *text = needed ? required (r, node, name) : attr (node, name);
  g_autoptr(GError) error = NULL;

  *date = BC_DATE_UNSET;
  if (text == NULL)
    return FALSE;
  if (bc_date_parse (text, date, &error))
    return TRUE;

  error_at (r, node, name, NULL, _("The %s of <%s>: %s"), name, node->name, error->message);
  return FALSE;
}

static void
check_range (Reader      *r,
             xmlNode     *node,
             BcRangeKind  kind,
             const char  *end_name,
             BcDate       start,
             BcDate       end)
{
  g_autoptr(GError) error = NULL;

  if (!bc_rules_check_range (kind, start, end, &error))
    error_at (r, node, end_name, NULL, "%s", error->message);
}

static GPtrArray *
read_source_refs (Reader  *r,
                  xmlNode *first)
{
  GPtrArray *refs = NULL;

  for (xmlNode *c = first; c; c = c->next)
    if (is (c, "source"))
      {
        g_autofree char *ref = required (r, c, "ref");
        g_autofree char *pages = attr (c, "pages");

        if (ref == NULL)
          continue;
        add_ref (r, c, "ref", REF_SOURCE, ref);
        if (refs == NULL)
          refs = bc_source_refs_new ();
        g_ptr_array_add (refs, bc_source_ref_new (ref, pages));
      }

  return refs;
}

static char **
read_refs (Reader     *r,
           xmlNode    *first,
           const char *element,
           RefKind     kind)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (xmlNode *c = first; c; c = c->next)
    if (is (c, element))
      {
        char *ref = required (r, c, "ref");

        if (ref == NULL)
          continue;
        add_ref (r, c, "ref", kind, ref);
        g_ptr_array_add (ids, ref);
      }

  if (ids->len == 0)
    {
      g_ptr_array_unref (ids);
      return NULL;
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (is (c, name))
      return text_of (c);
  return NULL;
}

static void
insert (Reader     *r,
        const char *section,
        const char *owner,
        gpointer    object)
{
  g_autoptr(GError) error = NULL;

  /* A duplicate id was reported already; the case is dropped anyway. */
  if (!_bc_case_insert (r->result, section, owner, -1, object, &error))
    g_debug ("%s", error->message);
  g_object_unref (object);
}

static void
read_annotation (Reader     *r,
                 xmlNode    *node,
                 const char *owner,
                 gboolean    case_level)
{
  g_autofree char *author = required (r, node, "author");
  g_autofree char *created = required (r, node, "created");
  g_autofree char *about = case_level ? attr (node, "about") : NULL;
  g_autofree char *text = text_of (node);
  g_autoptr(GError) error = NULL;

  if (created != NULL && !bc_rules_check_created (created, &error))
    error_at (r, node, "created", NULL, "%s", error->message);

  if (!case_level && xmlHasProp (node, (const xmlChar *) "about") != NULL)
    error_at (r, node, "about", NULL,
              _("Only annotations in the case’s own <annotations> take “about”"));

  if (about != NULL)
    add_ref (r, node, "about", REF_ANY, about);

  insert (r, "annotations", owner, bc_annotation_new (author, created, about, text));
}

static void
read_actor (Reader  *r,
            xmlNode *node)
{
  g_autofree char *id = required (r, node, "id");
  int track = BC_TRACK_1, type = BC_ACTOR_PERSON;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_auto(GStrv) member_of = NULL;
  g_autofree char *name = child_text (node, "name");
  g_autofree char *role = child_text (node, "role");
  g_autofree char *description = child_text (node, "description");
  BcActor *actor;

  if (id != NULL)
    declare_id (r, node, id, REF_ACTOR);
  read_enum (r, node, "track", BC_TYPE_TRACK, TRUE, &track);
  read_enum (r, node, "type", BC_TYPE_ACTOR_TYPE, TRUE, &type);
  member_of = read_refs (r, node->children, "member-of", REF_ACTOR);
  sources = read_source_refs (r, node->children);

  for (xmlNode *c = node->children; c; c = c->next)
    if (is (c, "position"))
      {
        int ptrack = BC_TRACK_1;
        BcDate from, to;
        g_autofree char *prole = child_text (c, "role");

        read_enum (r, c, "track", BC_TYPE_TRACK, TRUE, &ptrack);
        read_date (r, c, "from", FALSE, &from);
        read_date (r, c, "to", FALSE, &to);
        check_range (r, c, BC_RANGE_POSITION, "to", from, to);

        if (positions == NULL)
          positions = bc_positions_new ();
        g_ptr_array_add (positions, bc_position_new (ptrack, from, to, prole));
      }

  if (id == NULL)
    return;

  actor = bc_actor_new (id, track, type, name);
  g_object_set (actor,
                "role", role,
                "member-of", member_of,
                "positions", positions,
                "description", description,
                "sources", sources,
                NULL);
  insert (r, "actors", NULL, actor);
}

static void
read_event (Reader  *r,
            xmlNode *node)
{
  g_autofree char *id = required (r, node, "id");
  int track = BC_TRACK_1, type = BC_EVENT_OTHER, certainty = BC_CERTAINTY_EXACT;
  BcDate date, end, disclosed;
  gboolean has_certainty;
  g_auto(GStrv) participants = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *title = child_text (node, "title");
  g_autofree char *place = child_text (node, "place");
  g_autofree char *description = child_text (node, "description");
  BcEvent *event;

  if (id != NULL)
    declare_id (r, node, id, REF_EVENT);
  if (!read_enum (r, node, "track", BC_TYPE_TRACK, TRUE, &track) && id != NULL)
    g_hash_table_add (r->bad_tracks, g_strdup (id));
  read_enum (r, node, "type", BC_TYPE_EVENT_TYPE, TRUE, &type);
  read_date (r, node, "date", TRUE, &date);
  read_date (r, node, "end", FALSE, &end);
  check_range (r, node, BC_RANGE_EVENT, "end", date, end);
  has_certainty = read_enum (r, node, "certainty", BC_TYPE_CERTAINTY, FALSE, &certainty);
  read_date (r, node, "disclosed", FALSE, &disclosed);
  participants = read_refs (r, node->children, "participant", REF_ACTOR);
  sources = read_source_refs (r, node->children);

  if (id == NULL)
    return;

  event = bc_event_new (id, track, type, date, title);
  g_object_set (event,
                "end", bc_date_is_set (end) ? &end : NULL,
                "certainty", certainty,
                "disclosed", bc_date_is_set (disclosed) ? &disclosed : NULL,
                "place", place,
                "participants", participants,
                "description", description,
                "sources", sources,
                NULL);
  _bc_event_set_certainty_explicit (event, has_certainty);
  insert (r, "events", NULL, event);
}

static void
read_link (Reader  *r,
           xmlNode *node)
{
  g_autofree char *from = required (r, node, "from");
  g_autofree char *to = required (r, node, "to");
  int type = BC_LINK_LEADS_TO;

  read_enum (r, node, "type", BC_TYPE_LINK_TYPE, TRUE, &type);
  add_ref (r, node, "from", REF_EVENT, from);
  add_ref (r, node, "to", REF_EVENT, to);

  insert (r, "links", NULL, bc_link_new (from, to, type));
}

static void
read_transfer (Reader  *r,
               xmlNode *node)
{
  g_autofree char *id = required (r, node, "id");
  g_autofree char *from = required (r, node, "from");
  g_autofree char *to = required (r, node, "to");
  int mechanism = BC_MECHANISM_OTHER, status = BC_STATUS_DOCUMENTED;
  gboolean has_status;
  BcDate disclosed;
  g_auto(GStrv) carriers = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *title = child_text (node, "title");
  g_autofree char *description = child_text (node, "description");
  BcTransfer *transfer;

  if (id != NULL)
    declare_id (r, node, id, REF_ANY);
  read_enum (r, node, "mechanism", BC_TYPE_MECHANISM, TRUE, &mechanism);
  has_status = read_enum (r, node, "status", BC_TYPE_TRANSFER_STATUS, FALSE, &status);
  read_date (r, node, "disclosed", FALSE, &disclosed);
  add_ref (r, node, "from", REF_EVENT, from);
  add_ref (r, node, "to", REF_EVENT, to);
  carriers = read_refs (r, node->children, "carrier", REF_ACTOR);
  sources = read_source_refs (r, node->children);

  if (from != NULL && to != NULL)
    {
      PendingTransfer pending = { g_strdup (id), g_strdup (from), g_strdup (to),
                                  (guint) xmlGetLineNo (node) };
      g_array_append_val (r->transfers, pending);
    }

  if (id == NULL)
    return;

  transfer = bc_transfer_new (id, from, to, mechanism, title);
  g_object_set (transfer,
                "status", status,
                "disclosed", bc_date_is_set (disclosed) ? &disclosed : NULL,
                "description", description,
                "carriers", carriers,
                "sources", sources,
                NULL);
  _bc_transfer_set_status_explicit (transfer, has_status);
  g_object_ref (transfer);
  insert (r, "transfers", NULL, transfer);

  for (xmlNode *c = node->children; c; c = c->next)
    if (is (c, "annotation"))
      read_annotation (r, c, bc_case_lookup_transfer (r->result, id) == transfer ? id : NULL, FALSE);
  g_object_unref (transfer);
}

static void
read_source (Reader  *r,
             xmlNode *node)
{
  g_autofree char *id = required (r, node, "id");
  int type = BC_SOURCE_OTHER;
  g_autofree char *citation = child_text (node, "citation");
  g_autofree char *url = child_text (node, "url");
  xmlNode *url_node = NULL;
  g_autoptr(GError) url_error = NULL;
  BcSource *source;

  if (id != NULL)
    declare_id (r, node, id, REF_SOURCE);
  read_enum (r, node, "type", BC_TYPE_SOURCE_TYPE, TRUE, &type);

  for (xmlNode *c = node->children; c != NULL && url_node == NULL; c = c->next)
    if (is (c, "url"))
      url_node = c;

  if (url != NULL && !bc_rules_check_url (url, &url_error))
    error_at (r, url_node, NULL, NULL, "%s", url_error->message);

  if (id == NULL)
    return;

  source = bc_source_new (id, type, citation);
  g_object_set (source, "url", url, NULL);
  insert (r, "sources", NULL, source);
}

static void
read_step (Reader  *r,
           xmlNode *node)
{
  g_autofree char *focus_text = attr (node, "focus");
  g_autofree char *caption = child_text (node, "caption");
  g_auto(GStrv) focus = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  BcStoryStep *step;
  BcDate known_on;

  if (read_date (r, node, "known-on", TRUE, &known_on) &&
      !bc_rules_check_known_on (known_on, &error))
    error_at (r, node, "known-on", NULL, "%s", error->message);

  if (focus_text != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) words = g_strsplit_set (focus_text, " \t\n\r", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          {
            add_ref (r, node, "focus", REF_FOCUS, words[i]);
            g_strv_builder_add (builder, words[i]);
          }
      focus = g_strv_builder_end (builder);
      if (focus[0] == NULL)
        g_clear_pointer (&focus, g_strfreev);
    }

  sources = read_source_refs (r, node->children);
  if (caption == NULL)
    error_at (r, node, NULL, NULL, _("<step> needs a <caption>: what the step says"));

  step = bc_story_step_new (known_on, (const char * const *) focus, caption);
  g_object_set (step, "sources", sources, NULL);
  insert (r, "story", NULL, step);
}

static void
read_case_field (Reader  *r,
                 xmlNode *node)
{
  g_autofree char *text = NULL;

  if (is (node, "period"))
    {
      BcDate start, end;

      read_date (r, node, "start", FALSE, &start);
      read_date (r, node, "end", FALSE, &end);
      check_range (r, node, BC_RANGE_PERIOD, "end", start, end);
      g_object_set (r->result,
                    "period-start", bc_date_is_set (start) ? &start : NULL,
                    "period-end", bc_date_is_set (end) ? &end : NULL,
                    NULL);
      return;
    }

  text = text_of (node);
  if (is (node, "title"))
    {
      r->saw_title = TRUE;
      g_object_set (r->result, "title", text, NULL);
    }
  else if (is (node, "summary"))
    g_object_set (r->result, "summary", text, NULL);
  else if (is (node, "region"))
    g_object_set (r->result, "region", text, NULL);
  else if (is (node, "license"))
    g_object_set (r->result, "license", text, NULL);
  else if (is (node, "author"))
    {
      const char * const *old = bc_case_get_authors (r->result);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) authors = NULL;

      if (old != NULL)
        g_strv_builder_addv (builder, (const char **) old);
      g_strv_builder_add (builder, text);
      authors = g_strv_builder_end (builder);
      g_object_set (r->result, "authors", authors, NULL);
    }
}

static void
read_item (Reader  *r,
           xmlNode *node)
{
  if (g_strcmp0 (r->section, "actors") == 0 && is (node, "actor"))
    read_actor (r, node);
  else if (g_strcmp0 (r->section, "events") == 0 && is (node, "event"))
    read_event (r, node);
  else if (g_strcmp0 (r->section, "links") == 0 && is (node, "link"))
    read_link (r, node);
  else if (g_strcmp0 (r->section, "transfers") == 0 && is (node, "transfer"))
    read_transfer (r, node);
  else if (g_strcmp0 (r->section, "sources") == 0 && is (node, "source"))
    read_source (r, node);
  else if (g_strcmp0 (r->section, "annotations") == 0 && is (node, "annotation"))
    read_annotation (r, node, NULL, TRUE);
  else if (g_strcmp0 (r->section, "story") == 0 && is (node, "step"))
    read_step (r, node);
  /* Anything else is reported by the schema. */
}

/* Checks that need every id of the file, with the rules the commands
 * use, on the case as read: every item whose id was read is in it. */
static void
check_references (Reader *r)
{
  for (guint i = 0; i < r->refs->len; i++)
    {
      PendingRef *ref = &g_array_index (r->refs, PendingRef, i);
      GType kind = ref->kind == REF_ACTOR ? BC_TYPE_ACTOR
                   : ref->kind == REF_EVENT ? BC_TYPE_EVENT
                   : ref->kind == REF_SOURCE ? BC_TYPE_SOURCE
                   : BC_TYPE_ITEM;
      g_autoptr(GError) error = NULL;
      guint line, column;

      /* An id declared twice, or on an element read with errors, still
       * names something. */
      if (bc_case_lookup (r->result, ref->id) == NULL && g_hash_table_contains (r->kinds, ref->id))
        continue;
      if (ref->kind == REF_FOCUS
          ? bc_rules_check_focus_item (r->result, ref->id, &error)
          : bc_rules_check_reference (r->result, ref->id, kind, &error))
        continue;

      locate (r, ref->line, ref->element, ref->attribute, &line, &column);
      if (ref->kind == REF_ANY || ref->kind == REF_FOCUS)
        add_diagnostic_anchored (r, FALSE, ref->line, line, column, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf ("<%s %s>: %s", ref->element, ref->attribute,
                                                      error->message);
          add_diagnostic_anchored (r, FALSE, ref->line, line, column, message);
        }
    }

  for (guint i = 0; i < r->transfers->len; i++)
    {
      PendingTransfer *t = &g_array_index (r->transfers, PendingTransfer, i);
      BcEvent *from = bc_case_lookup_event (r->result, t->from);
      BcEvent *to = bc_case_lookup_event (r->result, t->to);
      g_autoptr(GError) error = NULL;

      /* An event whose track could not be read has none to compare. */
      if (g_hash_table_contains (r->bad_tracks, t->from) ||
          g_hash_table_contains (r->bad_tracks, t->to))
        continue;

      if (from != NULL && to != NULL &&
          !bc_rules_check_crossing (t->id ? t->id : "", bc_event_get_track (from),
                                    bc_event_get_track (to), &error))
        {
          guint line, column;

          locate (r, t->line, "transfer", "to", &line, &column);
          add_diagnostic_anchored (r, FALSE, t->line, line, column, error->message);
        }
    }
}

static void
ignore_xml_error (void     *user_data,
                  xmlError *e)
{
}

/* Reads the root start tag alone, to refuse a newer format before the
 * schema for this one has a say. */
static gboolean
check_root (Reader *r)
{
  xmlTextReaderPtr reader;
  gboolean ok = TRUE;

  reader = xmlReaderForMemory (r->data, (int) r->len, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return TRUE;
  /* The full read reports every error; this one stays quiet. */
  xmlTextReaderSetStructuredErrorHandler (reader, ignore_xml_error, NULL);

  while (xmlTextReaderRead (reader) == 1)
    {
      xmlNode *node;
      g_autofree char *version = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;

      node = xmlTextReaderCurrentNode (reader);
      if (!is (node, "case"))
        {
          error_at (r, node, NULL, NULL,
                    _("This is not a Backchannel case: the file starts with <%s>, not <case>"),
                    node->name);
          ok = FALSE;
          break;
        }

      version = attr (node, "version");
      if (version == NULL)
        {
          error_at (r, node, NULL, NULL, _("<case> needs the attribute “version”; this program reads version 1"));
          ok = FALSE;
        }
      else if (strcmp (version, "1") != 0)
        {
          guint64 major = 0;
          g_auto(GStrv) parts = g_strsplit (version, ".", 2);

          if (g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT32, &major, NULL) && major > 1)
            error_at (r, node, "version", NULL,
                      _("This case uses format version %s, which is newer than this version of "
                        "Backchannel can read (version 1); it was not read, to avoid misreading it. "
                        "Open it with a newer Backchannel"), version);
          else
            error_at (r, node, "version", NULL, _("“%s” is not a case format version; this program reads version 1"),
                      version);
          ok = FALSE;
        }
      break;
    }

  xmlFreeTextReader (reader);
  return ok;
}

static void
pending_ref_clear (PendingRef *ref)
{
  g_free (ref->id);
  g_free (ref->element);
  g_free (ref->attribute);
}

static void
pending_transfer_clear (PendingTransfer *t)
{
  g_free (t->id);
  g_free (t->from);
  g_free (t->to);
}

static void
read_document (Reader *r)
{
  xmlTextReaderPtr reader;
  int ret;

  reader = xmlReaderForMemory (r->data, (int) r->len, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      add_diagnostic_at (r, 1, 1, _("The file could not be read as XML"));
      return;
    }

  xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, r);
  if (xmlTextReaderRelaxNGSetSchema (reader, get_schema ()) != 0)
    g_critical ("The case schema could not be attached to the reader");

  while (!r->stopped && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int depth = xmlTextReaderDepth (reader);
      xmlNode *node;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;

      node = xmlTextReaderCurrentNode (reader);

      if (depth == 0)
        {
          g_autofree char *id = attr (node, "id");
          g_autofree char *lang = NULL;
          xmlChar *xml_lang = xmlNodeGetLang (node);
          g_autoptr(GError) error = NULL;

          r->saw_root = TRUE;
          r->root_line = (guint) xmlGetLineNo (node);

          lang = xml_lang ? g_strdup ((const char *) xml_lang) : NULL;
          xmlFree (xml_lang);

          if (id != NULL && !bc_rules_check_id (id, &error))
            error_at (r, node, "id", NULL, "%s", error->message);
          g_object_set (r->result, "id", id, "language", lang, NULL);
        }
      else if (depth == 1)
        {
          const char *name = (const char *) node->name;

          g_clear_pointer (&r->section, g_free);
          if (g_strv_contains ((const char * const[]) { "actors", "events", "links", "transfers",
                                                        "sources", "annotations", "story", NULL }, name))
            {
              r->section = g_strdup (name);
              _bc_case_set_section_present (r->result, name);
              if (is (node, "story"))
                {
                  g_autofree char *title = attr (node, "title");
                  g_autoptr(GError) error = NULL;

                  if (title != NULL && !bc_rules_check_required (title, &error))
                    error_at (r, node, "title", NULL, _("The title of <story>: %s"), error->message);
                  g_object_set (r->result, "story-title", title, NULL);
                }
            }
          else if ((node = xmlTextReaderExpand (reader)) != NULL)
            read_case_field (r, node);
        }
      else if (depth == 2 && r->section != NULL)
        {
          if ((node = xmlTextReaderExpand (reader)) != NULL)
            read_item (r, node);
        }
    }

  xmlFreeTextReader (reader);

  if (!r->saw_root && r->diagnostics->len == 0)
    add_diagnostic_at (r, 1, 1, _("This is not a case file: there is no <case> element"));
  else if (r->saw_root && !r->saw_title && r->fatal_line == 0)
    add_diagnostic_at (r, r->root_line, 1,
                       _("The case has no <title>; it must be the first element inside <case>"));
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->line_starts, g_array_unref);
  g_clear_pointer (&r->generic, g_array_unref);
  g_clear_pointer (&r->anchors, g_array_unref);
  g_clear_pointer (&r->from_schema, g_array_unref);
  g_clear_pointer (&r->ids, g_hash_table_unref);
  g_clear_pointer (&r->kinds, g_hash_table_unref);
  g_clear_pointer (&r->refs, g_array_unref);
  g_clear_pointer (&r->transfers, g_array_unref);
  g_clear_pointer (&r->section, g_free);
  g_clear_pointer (&r->too_many, g_free);
  g_clear_pointer (&r->bad_tracks, g_hash_table_unref);
  g_clear_object (&r->result);
}

/* Public API */

BcDiagnostic *
bc_diagnostic_copy (const BcDiagnostic *self)
{
  BcDiagnostic *copy = g_new0 (BcDiagnostic, 1);

  copy->file = g_strdup (self->file);
  copy->line = self->line;
  copy->column = self->column;
  copy->message = g_strdup (self->message);
  return copy;
}

void
bc_diagnostic_free (BcDiagnostic *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->message);
  g_free (self);
}

/* FILE:LINE:COLUMN: message, as compilers write them. */
char *
bc_diagnostic_to_string (const BcDiagnostic *self)
{
  return g_strdup_printf ("%s:%u:%u: %s", self->file, self->line, self->column, self->message);
}

/**
 * bc_case_read_bytes:
 * @bytes: the content of a case file
 * @display_name: the file's name, for messages
 * @diagnostics: (out) (optional) (transfer container) (element-type BcDiagnostic):
 *   every error found, in order, up to %BC_READER_MAX_ERRORS
 * @error: a summary of the first error, in %BC_CASE_ERROR
 *
 * Reads an untrusted case file: no network, no other file, no entity
 * expansion, bounded size and depth; validates it against the schema and
 * checks what the schema cannot (ids, references, dates, tracks).
 *
 * Returns: (transfer full) (nullable): the case, or %NULL when the file
 *   has any error
 */
BcCase *
bc_case_read_bytes (GBytes      *bytes,
                    const char  *display_name,
                    GPtrArray  **diagnostics,
                    GError     **error)
{
  Reader r = { 0 };
  BcCase *result = NULL;
  int error_code = BC_CASE_ERROR_INVALID;

  g_return_val_if_fail (bytes != NULL, NULL);

  r.data = g_bytes_get_data (bytes, &r.len);
  if (r.data == NULL)
    r.data = "";
  r.name = display_name ? display_name : "case";
  r.diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diagnostic_free);
  r.generic = g_array_new (FALSE, FALSE, sizeof (guint));
  r.anchors = g_array_new (FALSE, FALSE, sizeof (guint));
  r.from_schema = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.refs = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  g_array_set_clear_func (r.refs, (GDestroyNotify) pending_ref_clear);
  r.bad_tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.transfers = g_array_new (FALSE, FALSE, sizeof (PendingTransfer));
  g_array_set_clear_func (r.transfers, (GDestroyNotify) pending_transfer_clear);
  r.result = g_object_new (BC_TYPE_CASE, NULL);

  get_schema ();

  if (r.len > BC_READER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (r.len, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message =
        g_strdup_printf (_("The file is %s; case files may be at most 64 MiB, so it was not read"), size);

      add_diagnostic_at (&r, 1, 1, message);
      error_code = BC_CASE_ERROR_TOO_LARGE;
    }
  else if (r.len == 0)
    add_diagnostic_at (&r, 1, 1, _("The file is empty"));
  else if (check_prolog (&r) && check_root (&r))
    {
      read_document (&r);
      /* A file cut short names things it never got to: say only that. */
      if (r.fatal_line == 0)
        check_references (&r);
      prune_generic (&r);
      prune_after_fatal (&r);
    }
  else if (r.diagnostics->len > 0 &&
           strstr (((BcDiagnostic *) g_ptr_array_index (r.diagnostics, 0))->message, "newer") != NULL)
    error_code = BC_CASE_ERROR_NEWER_VERSION;

  g_ptr_array_sort (r.diagnostics, compare_diagnostics);

  if (r.too_many != NULL)
    {
      BcDiagnostic *last = g_ptr_array_index (r.diagnostics, r.diagnostics->len - 1);
      BcDiagnostic *d = g_new0 (BcDiagnostic, 1);

      d->file = g_strdup (r.name);
      d->line = last->line;
      d->column = last->column;
      d->message = g_steal_pointer (&r.too_many);
      g_ptr_array_add (r.diagnostics, d);
    }

  if (r.diagnostics->len == 0)
    result = g_steal_pointer (&r.result);
  else
    {
      g_autofree char *first = bc_diagnostic_to_string (g_ptr_array_index (r.diagnostics, 0));

      if (r.diagnostics->len == 1)
        g_set_error_literal (error, BC_CASE_ERROR, error_code, first);
      else
        g_set_error (error, BC_CASE_ERROR, error_code,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more error)", "%s (and %u more errors)",
                                  r.diagnostics->len - 1),
                     first, r.diagnostics->len - 1);
    }

  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&r.diagnostics);
  g_clear_pointer (&r.diagnostics, g_ptr_array_unref);
  reader_clear (&r);

  if (result != NULL)
    bc_history_clear (bc_case_get_history (result));

  return result;
}

static BcCase *read_file (GFile       *file,
                          const char  *display_name,
                          GPtrArray  **diagnostics,
                          GError     **error);

/* Reading ahead: a case named on the command line is read in a thread
 * while the toolkit starts, and handed over when it is asked for. */

static BcCase *
read_file (GFile       *file,
           const char  *display_name,
           GPtrArray  **diagnostics,
           GError     **error)
{
  g_autofree char *path = g_file_get_parse_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *name = display_name ? display_name : path;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > BC_READER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full ((guint64) g_file_info_get_size (info),
                                                  G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message =
        g_strdup_printf (_("The file is %s; case files may be at most 64 MiB, so it was not read"), size);
      BcDiagnostic d = { (char *) name, 1, 1, message };

      if (diagnostics != NULL)
        {
          *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diagnostic_free);
          g_ptr_array_add (*diagnostics, bc_diagnostic_copy (&d));
        }
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_TOO_LARGE, "%s:1:1: %s", name, message);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return bc_case_read_bytes (bytes, name, diagnostics, error);
}

/**
 * bc_case_read_file:
 * @file: a case file
 * @display_name: (nullable): its name for messages; the path by default
 * @diagnostics: (out) (optional) (transfer container) (element-type BcDiagnostic):
 *   every error found
 * @error: an I/O error, or a summary of the first error in the file
 *
 * Reads @file as bc_case_read_bytes() does; a file over the size limit
 * is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the case
 */
BcCase *
bc_case_read_file (GFile       *file,
                   const char  *display_name,
                   GPtrArray  **diagnostics,
                   GError     **error)
{
  return read_file (file, display_name, diagnostics, error);
}
