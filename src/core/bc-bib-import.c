/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-bib-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-bib-import.h"
#include "bc-edit.h"
#include "bc-enum-types.h"
#include "bc-history.h"
#include "bc-rules.h"

/* References from Zotero (or any citation manager) as the case's
 * sources: BibTeX (.bib) or CSL-JSON (.json), told apart by their first
 * character. Each entry becomes one source: its type from the entry's
 * type, a citation written from its authors, year, title, container,
 * volume, issue, pages, place and publisher, its URL (or the DOI's
 * address). An entry whose DOI, or else whose URL, a source of the case
 * already has updates that source rather than adding another; one with
 * neither updates the source its citation key made when imported
 * before. Importing a library again never duplicates it.
 *
 * The file is untrusted: it is read whole but only up to
 * BC_BIB_MAX_SIZE, JSON only 64 levels deep, and every problem is
 * FILE:LINE: column FIELD: what is wrong, with the other entries still
 * imported when the user chooses. */

#define BC_BIB_MAX_SIZE  (32 * 1024 * 1024)
#define BC_JSON_MAX_DEPTH 64

typedef struct
{
  guint         line;
  char         *key;
  BcSourceType  type;
  GPtrArray    *authors;  /* "Family, Given" */
  GPtrArray    *editors;
  char         *title;
  char         *container;
  char         *publisher;
  char         *place;
  char         *year;
  char         *volume;
  char         *issue;
  char         *pages;
  char         *doi;      /* normalised */
  char         *url;
  BcSource     *source;   /* as it will be added */
  char         *match;    /* the source of the case it updates */
} Entry;

struct _BcBibImport
{
  GObject     parent_instance;

  BcCase     *target;
  char       *display_name;
  GPtrArray  *entries;   /* Entry */
  GPtrArray  *problems;  /* BcImportProblem */
};

G_DEFINE_FINAL_TYPE (BcBibImport, bc_bib_import, G_TYPE_OBJECT)

/* Auxiliary functions */

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_clear_pointer (&entry->authors, g_ptr_array_unref);
  g_clear_pointer (&entry->editors, g_ptr_array_unref);
  g_free (entry->title);
  g_free (entry->container);
  g_free (entry->publisher);
  g_free (entry->place);
  g_free (entry->year);
  g_free (entry->volume);
  g_free (entry->issue);
  g_free (entry->pages);
  g_free (entry->doi);
  g_free (entry->url);
  g_clear_object (&entry->source);
  g_free (entry->match);
  g_free (entry);
}

static Entry *
entry_new (guint line)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->line = line;
  entry->type = BC_SOURCE_OTHER;
  entry->authors = g_ptr_array_new_with_free_func (g_free);
  entry->editors = g_ptr_array_new_with_free_func (g_free);
  return entry;
}

static void
add_problem (BcBibImport *self,
             guint        line,
             const char  *column,
             const char  *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (BcBibImport *self,
             guint        line,
             const char  *column,
             const char  *format,
             ...)
{
  BcImportProblem *problem = g_new0 (BcImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->file = g_strdup (self->display_name);
  problem->row = line;
  problem->column = g_strdup (column);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
}

/* "https://doi.org/10.1000/XYZ", "doi:10.1000/xyz" → "10.1000/xyz": DOIs
 * are case-insensitive. */
static char *
normalise_doi (const char *text)
{
  const char *start;
  g_autofree char *lower = NULL;
  gsize n;

  if (text == NULL)
    return NULL;
  lower = g_ascii_strdown (text, -1);
  start = strstr (lower, "10.");
  if (start == NULL || strchr (start, '/') == NULL)
    return NULL;
  n = strcspn (start, " \t\r\n\"<>,;");
  while (n > 0 && (start[n - 1] == '.' || start[n - 1] == ')'))
    n--;
  return g_strndup (start, n);
}

/* The DOI a source of the case names: in its URL (doi.org) or in its
 * citation ("doi:10.…", "https://doi.org/10.…"). */
static char *
doi_of_source (BcSource *source)
{
  const char *url = bc_source_get_url (source);
  const char *citation = bc_source_get_citation (source);
  g_autofree char *lower = citation != NULL ? g_ascii_strdown (citation, -1) : NULL;
  const char *mark;

  if (url != NULL && strstr (url, "doi.org/") != NULL)
    return normalise_doi (strstr (url, "doi.org/") + strlen ("doi.org/"));
  if (lower != NULL && ((mark = strstr (lower, "doi:")) != NULL || (mark = strstr (lower, "doi.org/")) != NULL))
    return normalise_doi (mark);
  return NULL;
}

/* Addresses that differ only in scheme, "www.", case of the host or a
 * final slash are one page. */
static char *
normalise_url (const char *url)
{
  const char *p = url;
  g_autofree char *host = NULL;
  const char *slash;
  GString *out;

  if (url == NULL || *url == '\0')
    return NULL;
  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    p += 8;
  else if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    p += 7;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;
  slash = strchr (p, '/');
  host = g_ascii_strdown (p, slash != NULL ? slash - p : -1);
  out = g_string_new (host);
  if (slash != NULL)
    g_string_append (out, slash);
  while (out->len > 0 && out->str[out->len - 1] == '/')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static BcSource *
find_match (BcCase *case_,
            Entry  *entry)
{
  GListModel *sources = bc_case_get_sources (case_);
  g_autofree char *url = normalise_url (entry->url);
  BcSource *by_url = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) source = g_list_model_get_item (sources, i);
      g_autofree char *doi = doi_of_source (source);
      g_autofree char *other = normalise_url (bc_source_get_url (source));

      if (entry->doi != NULL && doi != NULL && g_str_equal (doi, entry->doi))
        return source;
      if (by_url == NULL && url != NULL && other != NULL && g_str_equal (url, other))
        by_url = source;
    }
  if (by_url != NULL)
    return by_url;
  /* Without either, the citation key: the entry imported before. */
  if (entry->source != NULL)
    {
      BcItem *same = bc_case_lookup (case_, bc_item_get_id (BC_ITEM (entry->source)));

      if (same != NULL && BC_IS_SOURCE (same))
        return BC_SOURCE (same);
    }
  return NULL;
}

/* LaTeX as Zotero writes it: {Capitals} kept, \& and the like, -- */
static char *
clean_tex (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '{' || *p == '}')
        continue;
      if (*p == '\\' && p[1] != '\0' && strchr ("&%$#_{}", p[1]) != NULL)
        {
          g_string_append_c (out, p[1]);
          p++;
          continue;
        }
      if (*p == '-' && p[1] == '-')
        {
          g_string_append (out, "–");
          p += p[2] == '-' ? 2 : 1;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* "Family, Given and Other, Name and {United Nations}" */
static void
split_names (const char *text,
             GPtrArray  *into)
{
  g_autofree char *clean = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  int depth = 0;

  /* " and " only outside braces separates names. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}')
        depth = MAX (depth - 1, 0);
      if (depth == 0 && g_ascii_strncasecmp (p, " and ", 5) == 0)
        {
          g_string_append_c (names, '\n');
          p += 4;
          continue;
        }
      g_string_append_c (names, *p);
    }
  clean = clean_tex (names->str);
  {
    g_auto(GStrv) parts = g_strsplit (names->str, "\n", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        g_autofree char *name = clean_tex (parts[i]);

        if (*name != '\0')
          g_ptr_array_add (into, g_steal_pointer (&name));
      }
  }
}

static BcSourceType
type_from_name (const char *name,
                gboolean    has_url)
{
  static const struct { const char *name; BcSourceType type; } types[] = {
    /* BibTeX and biblatex */
    { "book", BC_SOURCE_BOOK }, { "incollection", BC_SOURCE_CHAPTER }, { "inbook", BC_SOURCE_CHAPTER },
    { "article", BC_SOURCE_ARTICLE }, { "techreport", BC_SOURCE_REPORT }, { "report", BC_SOURCE_REPORT },
    { "online", BC_SOURCE_WEB }, { "unpublished", BC_SOURCE_DOCUMENT }, { "manual", BC_SOURCE_DOCUMENT },
    { "phdthesis", BC_SOURCE_DOCUMENT }, { "mastersthesis", BC_SOURCE_DOCUMENT },
    { "inproceedings", BC_SOURCE_CHAPTER },
    /* CSL */
    { "chapter", BC_SOURCE_CHAPTER }, { "article-journal", BC_SOURCE_ARTICLE },
    { "article-magazine", BC_SOURCE_ARTICLE }, { "article-newspaper", BC_SOURCE_ARTICLE },
    { "paper-conference", BC_SOURCE_CHAPTER }, { "webpage", BC_SOURCE_WEB }, { "post-weblog", BC_SOURCE_WEB },
    { "interview", BC_SOURCE_INTERVIEW }, { "document", BC_SOURCE_DOCUMENT }, { "manuscript", BC_SOURCE_DOCUMENT },
    { "legislation", BC_SOURCE_DOCUMENT }, { "treaty", BC_SOURCE_DOCUMENT }, { "thesis", BC_SOURCE_DOCUMENT },
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (lower, types[i].name))
      return types[i].type;
  return has_url ? BC_SOURCE_WEB : BC_SOURCE_OTHER;
}

static void
append_names (GString   *out,
              GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == names->len ? (names->len > 2 ? ", and " : " and ") : "; ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
}

/* Author-date, as the case's own citations are written:
 * "Corbin, Jane. 1994. Gaza First. London: Bloomsbury." */
static char *
citation_of (Entry *entry)
{
  GString *out = g_string_new (NULL);

  if (entry->authors->len > 0)
    append_names (out, entry->authors);
  else if (entry->editors->len > 0)
    {
      append_names (out, entry->editors);
      g_string_append (out, entry->editors->len > 1 ? _(", eds") : _(", ed"));
    }
  if (out->len > 0)
    g_string_append (out, ". ");
  if (entry->year != NULL)
    g_string_append_printf (out, "%s. ", entry->year);
  g_string_append (out, entry->title);
  if (strchr (".?!", entry->title[strlen (entry->title) - 1]) == NULL)
    g_string_append (out, ".");
  if (entry->container != NULL)
    {
      g_string_append_printf (out, " %s", entry->container);
      if (entry->volume != NULL)
        g_string_append_printf (out, " %s", entry->volume);
      if (entry->issue != NULL)
        g_string_append_printf (out, " (%s)", entry->issue);
      if (entry->pages != NULL)
        g_string_append_printf (out, ": %s", entry->pages);
      g_string_append (out, ".");
    }
  if (entry->publisher != NULL)
    g_string_append_printf (out, " %s%s%s.", entry->place ? entry->place : "", entry->place ? ": " : "",
                            entry->publisher);
  if (entry->doi != NULL)
    g_string_append_printf (out, " doi:%s.", entry->doi);
  return g_string_free (out, FALSE);
}

/* An id of the case's kind from the entry's key ("corbin1994gaza"). */
static char *
id_of (Entry *entry)
{
  GString *id = g_string_new (NULL);

  for (const char *p = entry->key ? entry->key : ""; *p != '\0' && id->len < 60; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  if (id->len == 0 || !g_ascii_isalpha (id->str[0]))
    g_string_prepend (id, "ref-");
  return g_string_free (id, FALSE);
}

/* Checks an entry read from either format and makes its source. */
static void
finish_entry (BcBibImport *self,
              Entry       *entry)
{
  g_autofree char *citation = NULL;
  g_autofree char *id = NULL;

  if (entry->title == NULL || *entry->title == '\0')
    {
      add_problem (self, entry->line, "title", _("the entry %s has no title"), entry->key ? entry->key : "");
      entry_free (entry);
      return;
    }
  if (entry->url != NULL && !bc_rules_check_url (entry->url, NULL))
    {
      add_problem (self, entry->line, "url", _("“%s” is not a web address"), entry->url);
      entry_free (entry);
      return;
    }
  /* 31-45 (CSL) and 31--45 (BibTeX) are the same range. */
  if (entry->pages != NULL && strchr (entry->pages, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (entry->pages, "-", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_strv_builder_add (kept, parts[i]);
      joined = g_strv_builder_end (kept);
      g_free (entry->pages);
      entry->pages = g_strjoinv ("–", joined);
    }
  if (entry->url == NULL && entry->doi != NULL)
    entry->url = g_strconcat ("https://doi.org/", entry->doi, NULL);

  citation = citation_of (entry);
  id = id_of (entry);
  entry->source = bc_source_new (id, entry->type, citation);
  if (entry->url != NULL)
    g_object_set (entry->source, "url", entry->url, NULL);
  g_ptr_array_add (self->entries, entry);
}

/* BibTeX */

typedef struct
{
  const char *text;
  const char *p;
  guint       line;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (*s->p != '\0' && (g_ascii_isspace (*s->p) || *s->p == '%'))
    {
      if (*s->p == '%')
        while (*s->p != '\0' && *s->p != '\n')
          s->p++;
      if (*s->p == '\n')
        s->line++;
      if (*s->p != '\0')
        s->p++;
    }
}

static char *
read_word (Scanner *s)
{
  const char *start = s->p;

  while (g_ascii_isalnum (*s->p) || (*s->p != '\0' && strchr ("_-:.+/'", *s->p) != NULL))
    s->p++;
  return s->p > start ? g_strndup (start, s->p - start) : NULL;
}

/* {…} with nested braces, or "…", the delimiters dropped. */
static gboolean
read_delimited (Scanner  *s,
                GString  *out)
{
  char close = *s->p == '{' ? '}' : '"';
  int depth = 0;

  s->p++;
  for (; *s->p != '\0'; s->p++)
    {
      if (*s->p == '\n')
        s->line++;
      if (*s->p == '\\' && s->p[1] != '\0')
        {
          g_string_append_c (out, *s->p++);
          g_string_append_c (out, *s->p);
          continue;
        }
      if (*s->p == '{')
        depth++;
      else if (*s->p == '}' && depth > 0)
        depth--;
      else if (*s->p == close && depth == 0)
        {
          s->p++;
          return TRUE;
        }
      g_string_append_c (out, *s->p);
    }
  return FALSE;
}

static const char * const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* value # value #…: braced, quoted, a number or a month macro. */
static gboolean
read_value (Scanner     *s,
            GString     *out,
            const char **what)
{
  for (;;)
    {
      skip_space (s);
      if (*s->p == '{' || *s->p == '"')
        {
          if (!read_delimited (s, out))
            {
              *what = _("a value is not closed");
              return FALSE;
            }
        }
      else
        {
          g_autofree char *word = read_word (s);

          if (word == NULL)
            {
              *what = _("a value is missing");
              return FALSE;
            }
          for (guint m = 0; m < G_N_ELEMENTS (months); m++)
            if (g_ascii_strcasecmp (word, months[m]) == 0)
              {
                g_free (word);
                word = g_strdup_printf ("%u", m + 1);
              }
          g_string_append (out, word);
        }
      skip_space (s);
      if (*s->p != '#')
        return TRUE;
      s->p++;
    }
}

static void
set_bib_field (Entry      *entry,
               const char *name,
               const char *raw)
{
  g_autofree char *value = clean_tex (raw);
  char **slot = NULL;

  if (*value == '\0')
    return;
  if (g_ascii_strcasecmp (name, "author") == 0)
    split_names (raw, entry->authors);
  else if (g_ascii_strcasecmp (name, "editor") == 0)
    split_names (raw, entry->editors);
  else if (g_ascii_strcasecmp (name, "title") == 0)
    slot = &entry->title;
  else if (g_ascii_strcasecmp (name, "journal") == 0 || g_ascii_strcasecmp (name, "booktitle") == 0 ||
           g_ascii_strcasecmp (name, "journaltitle") == 0)
    slot = &entry->container;
  else if (g_ascii_strcasecmp (name, "publisher") == 0 || g_ascii_strcasecmp (name, "institution") == 0 ||
           g_ascii_strcasecmp (name, "organization") == 0 || g_ascii_strcasecmp (name, "school") == 0)
    slot = &entry->publisher;
  else if (g_ascii_strcasecmp (name, "address") == 0 || g_ascii_strcasecmp (name, "location") == 0)
    slot = &entry->place;
  else if (g_ascii_strcasecmp (name, "year") == 0)
    slot = &entry->year;
  else if (g_ascii_strcasecmp (name, "date") == 0 && entry->year == NULL)
    {
      entry->year = g_strndup (value, 4);
      return;
    }
  else if (g_ascii_strcasecmp (name, "volume") == 0)
    slot = &entry->volume;
  else if (g_ascii_strcasecmp (name, "number") == 0)
    slot = &entry->issue;
  else if (g_ascii_strcasecmp (name, "pages") == 0)
    slot = &entry->pages;
  else if (g_ascii_strcasecmp (name, "doi") == 0)
    {
      g_free (entry->doi);
      entry->doi = normalise_doi (value);
      return;
    }
  else if (g_ascii_strcasecmp (name, "url") == 0)
    {
      g_free (entry->url);
      /* URLs keep their characters: only the braces go. */
      entry->url = g_strstrip (g_strdelimit (g_strdup (raw), "{}", ' '));
      return;
    }
  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_steal_pointer (&value);
    }
}

/* Past a broken entry: to the next line that starts with @. */
static void
skip_to_next_entry (Scanner *s)
{
  while (*s->p != '\0')
    {
      if (*s->p == '\n')
        {
          s->line++;
          s->p++;
          if (*s->p == '@')
            return;
          continue;
        }
      s->p++;
    }
}

static void
read_bibtex (BcBibImport *self,
             const char  *text)
{
  Scanner s = { text, text, 1 };

  for (;;)
    {
      g_autofree char *type = NULL;
      Entry *entry;
      const char *what = NULL;
      char close;

      while (*s.p != '\0' && *s.p != '@')
        {
          if (*s.p == '\n')
            s.line++;
          s.p++;
        }
      if (*s.p == '\0')
        return;
      s.p++;
      type = read_word (&s);
      skip_space (&s);
      if (type == NULL || (*s.p != '{' && *s.p != '('))
        {
          add_problem (self, s.line, NULL, _("an entry starts with @ but has no type and no “{”"));
          skip_to_next_entry (&s);
          continue;
        }
      close = *s.p == '{' ? '}' : ')';
      if (g_ascii_strcasecmp (type, "comment") == 0 || g_ascii_strcasecmp (type, "preamble") == 0 ||
          g_ascii_strcasecmp (type, "string") == 0)
        {
          g_autoptr(GString) ignored = g_string_new (NULL);

          if (*s.p == '{')
            read_delimited (&s, ignored);
          continue;
        }

      entry = entry_new (s.line);
      s.p++;
      skip_space (&s);
      entry->key = read_word (&s);
      skip_space (&s);
      if (entry->key == NULL || *s.p != ',')
        what = _("the entry has no key followed by “,”");

      while (what == NULL)
        {
          g_autofree char *name = NULL;
          g_autoptr(GString) value = g_string_new (NULL);

          s.p++; /* the comma */
          skip_space (&s);
          if (*s.p == close)
            break;
          name = read_word (&s);
          skip_space (&s);
          if (name == NULL || *s.p != '=')
            {
              what = _("expected a field such as title = {…}");
              break;
            }
          s.p++;
          if (!read_value (&s, value, &what))
            break;
          set_bib_field (entry, name, value->str);
          if (*s.p == close)
            break;
          if (*s.p != ',')
            what = _("expected “,” or the end of the entry after a field");
        }

      if (what != NULL)
        {
          add_problem (self, s.line, NULL, _("entry %s: %s"), entry->key ? entry->key : "", what);
          entry_free (entry);
          skip_to_next_entry (&s);
          continue;
        }
      s.p++;
      entry->type = type_from_name (type, entry->url != NULL);
      finish_entry (self, entry);
    }
}

/* CSL-JSON: a small JSON reader, enough for an array of items. */

typedef enum { J_NULL, J_STRING, J_NUMBER, J_OBJECT, J_ARRAY, J_BOOL } JType;

typedef struct _JNode JNode;
struct _JNode
{
  JType      type;
  guint      line;
  char      *text;     /* string, number */
  GPtrArray *items;    /* array values; object: key, value, key, value… */
};

static void
jnode_free (JNode *node)
{
  if (node == NULL)
    return;
  g_free (node->text);
  g_clear_pointer (&node->items, g_ptr_array_unref);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JNode, jnode_free)

static JNode *read_json (Scanner *s, guint depth, const char **what);

static char *
read_json_string (Scanner     *s,
                  const char **what)
{
  GString *out = g_string_new (NULL);

  s->p++;
  while (*s->p != '"')
    {
      if (*s->p == '\0' || *s->p == '\n')
        {
          *what = _("a string is not closed");
          g_string_free (out, TRUE);
          return NULL;
        }
      if (*s->p == '\\')
        {
          s->p++;
          switch (*s->p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'r': case 'b': case 'f': break;
            case 'u':
              {
                gunichar c = 0;

                for (int i = 1; i <= 4; i++)
                  {
                    if (!g_ascii_isxdigit (s->p[i]))
                      {
                        *what = _("a \\u escape needs four hexadecimal digits");
                        g_string_free (out, TRUE);
                        return NULL;
                      }
                    c = c * 16 + g_ascii_xdigit_value (s->p[i]);
                  }
                s->p += 4;
                /* Surrogate pairs: a character outside the BMP. */
                if (c >= 0xD800 && c < 0xDC00 && s->p[1] == '\\' && s->p[2] == 'u')
                  {
                    gunichar low = 0;
                    gboolean ok = TRUE;

                    for (int i = 3; i <= 6 && ok; i++)
                      {
                        ok = g_ascii_isxdigit (s->p[i]);
                        low = low * 16 + (ok ? g_ascii_xdigit_value (s->p[i]) : 0);
                      }
                    if (ok && low >= 0xDC00 && low < 0xE000)
                      {
                        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                        s->p += 6;
                      }
                  }
                if (g_unichar_validate (c) && c != 0)
                  g_string_append_unichar (out, c);
              }
              break;
            case '\0':
              continue;
            default:
              g_string_append_c (out, *s->p);
            }
          s->p++;
          continue;
        }
      g_string_append_c (out, *s->p++);
    }
  s->p++;
  return g_string_free (out, FALSE);
}

static JNode *
read_json (Scanner     *s,
           guint        depth,
           const char **what)
{
  g_autoptr(JNode) node = g_new0 (JNode, 1);

  skip_space (s);
  node->line = s->line;
  if (depth > BC_JSON_MAX_DEPTH)
    {
      *what = _("the data is nested too deep");
      return NULL;
    }
  if (*s->p == '{' || *s->p == '[')
    {
      gboolean object = *s->p == '{';
      char close = object ? '}' : ']';

      node->type = object ? J_OBJECT : J_ARRAY;
      node->items = g_ptr_array_new_with_free_func ((GDestroyNotify) jnode_free);
      s->p++;
      skip_space (s);
      if (*s->p == close)
        {
          s->p++;
          return g_steal_pointer (&node);
        }
      for (;;)
        {
          JNode *value;

          if (object)
            {
              JNode *key;

              skip_space (s);
              if (*s->p != '"')
                {
                  *what = _("expected a name in quotes");
                  return NULL;
                }
              key = g_new0 (JNode, 1);
              key->type = J_STRING;
              key->text = read_json_string (s, what);
              g_ptr_array_add (node->items, key);
              if (key->text == NULL)
                return NULL;
              skip_space (s);
              if (*s->p != ':')
                {
                  *what = _("expected “:” after a name");
                  return NULL;
                }
              s->p++;
            }
          value = read_json (s, depth + 1, what);
          if (value == NULL)
            return NULL;
          g_ptr_array_add (node->items, value);
          skip_space (s);
          if (*s->p == close)
            {
              s->p++;
              return g_steal_pointer (&node);
            }
          if (*s->p != ',')
            {
              *what = object ? _("expected “,” or “}”") : _("expected “,” or “]”");
              return NULL;
            }
          s->p++;
        }
    }
  if (*s->p == '"')
    {
      node->type = J_STRING;
      node->text = read_json_string (s, what);
      return node->text != NULL ? g_steal_pointer (&node) : NULL;
    }
  if (*s->p == '-' || g_ascii_isdigit (*s->p))
    {
      const char *start = s->p++;

      while (g_ascii_isdigit (*s->p) || (*s->p != '\0' && strchr (".eE+-", *s->p) != NULL))
        s->p++;
      node->type = J_NUMBER;
      node->text = g_strndup (start, s->p - start);
      return g_steal_pointer (&node);
    }
  if (strncmp (s->p, "true", 4) == 0 || strncmp (s->p, "false", 5) == 0 || strncmp (s->p, "null", 4) == 0)
    {
      node->type = *s->p == 'n' ? J_NULL : J_BOOL;
      s->p += *s->p == 'f' ? 5 : 4;
      return g_steal_pointer (&node);
    }
  *what = _("expected a value");
  return NULL;
}

static JNode *
member (JNode      *object,
        const char *name)
{
  if (object == NULL || object->type != J_OBJECT)
    return NULL;
  for (guint i = 0; i + 1 < object->items->len; i += 2)
    if (g_str_equal (((JNode *) g_ptr_array_index (object->items, i))->text, name))
      return g_ptr_array_index (object->items, i + 1);
  return NULL;
}

static char *
member_text (JNode      *object,
             const char *name)
{
  JNode *node = member (object, name);

  if (node == NULL || (node->type != J_STRING && node->type != J_NUMBER) || *node->text == '\0')
    return NULL;
  return g_strstrip (g_strdup (node->text));
}

static void
csl_names (JNode     *list,
           GPtrArray *into)
{
  if (list == NULL || list->type != J_ARRAY)
    return;
  for (guint i = 0; i < list->items->len; i++)
    {
      JNode *name = g_ptr_array_index (list->items, i);
      g_autofree char *family = member_text (name, "family");
      g_autofree char *given = member_text (name, "given");
      g_autofree char *literal = member_text (name, "literal");

      if (family != NULL && given != NULL)
        g_ptr_array_add (into, g_strdup_printf ("%s, %s", family, given));
      else if (family != NULL || literal != NULL)
        g_ptr_array_add (into, g_strdup (family != NULL ? family : literal));
    }
}

static char *
csl_year (JNode *date)
{
  JNode *parts = member (date, "date-parts");
  g_autofree char *raw = member_text (date, "raw");

  if (parts != NULL && parts->type == J_ARRAY && parts->items->len > 0)
    {
      JNode *first = g_ptr_array_index (parts->items, 0);

      if (first->type == J_ARRAY && first->items->len > 0)
        {
          JNode *year = g_ptr_array_index (first->items, 0);

          if (year->type == J_NUMBER || year->type == J_STRING)
            return g_strdup (year->text);
        }
    }
  if (raw != NULL && strlen (raw) >= 4)
    return g_strndup (raw, 4);
  return NULL;
}

static void
read_csl_json (BcBibImport *self,
               const char  *text)
{
  Scanner s = { text, text, 1 };
  const char *what = NULL;
  g_autoptr(JNode) root = read_json (&s, 0, &what);

  if (root == NULL)
    {
      add_problem (self, s.line, NULL, _("not CSL-JSON: %s"), what);
      return;
    }
  if (root->type != J_ARRAY)
    {
      add_problem (self, root->line, NULL, _("CSL-JSON is a list of items, in [ ]"));
      return;
    }
  for (guint i = 0; i < root->items->len; i++)
    {
      JNode *item = g_ptr_array_index (root->items, i);
      Entry *entry;
      g_autofree char *type = NULL;
      g_autofree char *doi = NULL;

      if (item->type != J_OBJECT)
        {
          add_problem (self, item->line, NULL, _("an item is not an object in { }"));
          continue;
        }
      entry = entry_new (item->line);
      entry->key = member_text (item, "id");
      type = member_text (item, "type");
      entry->title = member_text (item, "title");
      entry->container = member_text (item, "container-title");
      entry->publisher = member_text (item, "publisher");
      entry->place = member_text (item, "publisher-place");
      entry->volume = member_text (item, "volume");
      entry->issue = member_text (item, "issue");
      entry->pages = member_text (item, "page");
      entry->url = member_text (item, "URL");
      doi = member_text (item, "DOI");
      entry->doi = normalise_doi (doi);
      entry->year = csl_year (member (item, "issued"));
      csl_names (member (item, "author"), entry->authors);
      csl_names (member (item, "editor"), entry->editors);
      entry->type = type_from_name (type != NULL ? type : "", entry->url != NULL);
      finish_entry (self, entry);
    }
}

/* GObject */

static void
bc_bib_import_finalize (GObject *object)
{
  BcBibImport *self = BC_BIB_IMPORT (object);

  g_clear_object (&self->target);
  g_free (self->display_name);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (bc_bib_import_parent_class)->finalize (object);
}

static void
bc_bib_import_class_init (BcBibImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_bib_import_finalize;
}

static void
bc_bib_import_init (BcBibImport *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_import_problem_free);
}

/* Public API */

/**
 * bc_bib_import_new:
 * @target: the case the sources go into
 *
 * Returns: (transfer full): an import of references into @target
 */
BcBibImport *
bc_bib_import_new (BcCase *target)
{
  BcBibImport *self;

  g_return_val_if_fail (BC_IS_CASE (target), NULL);

  self = g_object_new (BC_TYPE_BIB_IMPORT, NULL);
  self->target = g_object_ref (target);
  return self;
}

/**
 * bc_bib_import_set_target:
 * @self: an import
 * @target: the case the sources go into
 *
 * As bc_csv_import_set_target(): read against a copy, applied to the
 * case itself.
 */
void
bc_bib_import_set_target (BcBibImport *self,
                          BcCase      *target)
{
  g_return_if_fail (BC_IS_BIB_IMPORT (self));
  g_set_object (&self->target, target);
}

/**
 * bc_bib_import_load:
 * @self: an import
 * @stream: BibTeX or CSL-JSON, UTF-8
 * @display_name: the file's name in messages
 * @cancellable: (nullable): stops reading
 * @error: the file cannot be read, is not text or is over the limit
 *
 * Reads every entry and finds the sources of the case each would
 * update; changes nothing. What is wrong with single entries is not an
 * error: see bc_bib_import_get_problems().
 */
gboolean
bc_bib_import_load (BcBibImport   *self,
                    GInputStream  *stream,
                    const char    *display_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[16384];
  const char *text;

  g_return_val_if_fail (BC_IS_BIB_IMPORT (self), FALSE);

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_ptr_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->problems, 0);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (data->len + n > BC_BIB_MAX_SIZE)
        {
          g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %u MiB"), display_name, BC_BIB_MAX_SIZE / (1024 * 1024));
          return FALSE;
        }
      g_byte_array_append (data, buffer, n);
    }
  g_byte_array_append (data, (const guint8 *) "", 1);
  text = (const char *) data->data;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT,
                   _("%s: the file is not UTF-8 text; export it from Zotero as UTF-8"), display_name);
      return FALSE;
    }
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;

  {
    const char *first = text;

    while (g_ascii_isspace (*first))
      first++;
    if (*first == '[' || *first == '{')
      read_csl_json (self, text);
    else if (strchr (text, '@') != NULL)
      read_bibtex (self, text);
    else
      {
        g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT,
                     _("%s is neither BibTeX (entries start with @) nor CSL-JSON (a list in [ ])"),
                     display_name);
        return FALSE;
      }
  }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      BcSource *match = find_match (self->target, entry);

      g_free (entry->match);
      entry->match = match != NULL ? g_strdup (bc_item_get_id (BC_ITEM (match))) : NULL;
    }
  return TRUE;
}

guint
bc_bib_import_get_n_entries (BcBibImport *self)
{
  return self->entries->len;
}

guint
bc_bib_import_get_n_valid (BcBibImport *self)
{
  return self->entries->len;
}

/**
 * bc_bib_import_get_source:
 * @self: a loaded import
 * @index: an entry that could be read, from 0
 *
 * Returns: (transfer none): the source as it would be added, for a preview
 */
BcSource *
bc_bib_import_get_source (BcBibImport *self,
                          guint        index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);
  return ((Entry *) g_ptr_array_index (self->entries, index))->source;
}

/**
 * bc_bib_import_get_match:
 * @self: a loaded import
 * @index: an entry that could be read, from 0
 *
 * Returns: (nullable): the id of the source of the case the entry
 *   updates, having its DOI or URL; %NULL when it adds one
 */
const char *
bc_bib_import_get_match (BcBibImport *self,
                         guint        index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);
  return ((Entry *) g_ptr_array_index (self->entries, index))->match;
}

/**
 * bc_bib_import_get_problems:
 * @self: a loaded import
 *
 * Returns: (transfer none) (element-type BcImportProblem): the entries
 *   that could not be read, by line
 */
GPtrArray *
bc_bib_import_get_problems (BcBibImport *self)
{
  return self->problems;
}

static gboolean
set_if_changed (BcCase      *case_,
                BcSource    *source,
                const char  *property,
                const GValue *value,
                GError     **error)
{
  g_auto(GValue) old = G_VALUE_INIT;

  g_value_init (&old, G_VALUE_TYPE (value));
  g_object_get_property (G_OBJECT (source), property, &old);
  if (G_VALUE_HOLDS_STRING (value) ? g_strcmp0 (g_value_get_string (&old), g_value_get_string (value)) == 0
                                   : g_value_get_enum (&old) == g_value_get_enum (value))
    return TRUE;
  return bc_edit_set (case_, G_OBJECT (source), property, value, error);
}

/**
 * bc_bib_import_apply:
 * @self: a loaded import
 * @only_valid: add the entries that could be read and leave the others
 *   out; when %FALSE, a file with problems adds nothing
 * @added: (out) (optional): sources added
 * @updated: (out) (optional): sources of the case updated
 * @error: why nothing was added
 *
 * Adds and updates the sources as one step of the case's history,
 * “Import 12 Sources”. An entry whose DOI or URL a source has (one of the
 * case's, or one added earlier from the same file) updates it: its
 * citation, type and URL, keeping its id and what cites it.
 */
gboolean
bc_bib_import_apply (BcBibImport  *self,
                     gboolean      only_valid,
                     guint        *added,
                     guint        *updated,
                     GError      **error)
{
  BcHistory *history = bc_case_get_history (self->target);
  g_autofree char *label = NULL;
  guint n_added = 0, n_updated = 0;

  if (self->problems->len > 0 && !only_valid)
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", self->problems->len),
                   self->display_name, self->problems->len);
      return FALSE;
    }
  if (self->entries->len == 0)
    {
      if (added != NULL)
        *added = 0;
      if (updated != NULL)
        *updated = 0;
      return TRUE;
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Source", "Import %u Sources",
                                        self->entries->len), self->entries->len);
  bc_history_begin_group (history, label);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      BcSource *match = find_match (self->target, entry);
      BcSource *source = entry->source;
      gboolean ok;

      if (match != NULL)
        {
          g_auto(GValue) citation = G_VALUE_INIT;
          g_auto(GValue) type = G_VALUE_INIT;
          g_auto(GValue) url = G_VALUE_INIT;

          g_value_init (&citation, G_TYPE_STRING);
          g_value_set_string (&citation, bc_source_get_citation (source));
          g_value_init (&type, BC_TYPE_SOURCE_TYPE);
          g_value_set_enum (&type, bc_source_get_source_type (source));
          g_value_init (&url, G_TYPE_STRING);
          g_value_set_string (&url, bc_source_get_url (source) ? bc_source_get_url (source)
                                                               : bc_source_get_url (match));
          ok = set_if_changed (self->target, match, "citation", &citation, error) &&
               set_if_changed (self->target, match, "source-type", &type, error) &&
               set_if_changed (self->target, match, "url", &url, error);
          n_updated++;
        }
      else
        {
          g_autoptr(BcSource) fresh = NULL;
          const char *id = bc_item_get_id (BC_ITEM (source));
          g_autofree char *unique = NULL;

          /* Two references may share a key's shape ("un-1993"). */
          if (bc_case_lookup (self->target, id) != NULL)
            unique = bc_edit_fresh_id (self->target, id);
          fresh = bc_source_new (unique != NULL ? unique : id, bc_source_get_source_type (source),
                                 bc_source_get_citation (source));
          g_object_set (fresh, "url", bc_source_get_url (source), NULL);
          ok = bc_edit_insert (self->target, G_OBJECT (fresh), error);
          n_added++;
        }
      if (!ok)
        {
          bc_history_cancel_group (history);
          return FALSE;
        }
    }
  bc_history_end_group (history);
  if (added != NULL)
    *added = n_added;
  if (updated != NULL)
    *updated = n_updated;
  return TRUE;
}
