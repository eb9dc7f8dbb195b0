/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-citations"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"

/* Sources for citation managers: CSL-JSON (Zotero, citeproc, pandoc) and
 * BibTeX, one entry per source, its key the source's id. A case keeps a
 * citation as free text, so authors, title, container, publisher, place
 * and date are read from it by bc_citation_parse(), which knows the
 * Chicago-like forms analysts write ("Family, Given. Title. Place:
 * Publisher, Year." and "Family, Given. "Title." Container, Date.").
 * What it cannot place stays in the full citation, which every entry
 * keeps (CSL custom.citation, BibTeX note).
 *
 * Pages are cited by events, actors and transfers, not by the source: an
 * entry lists them in its note ("Cited by dop-draft (p. 60); …") and, in
 * CSL-JSON, as custom.cited, one {item, pages} per citing item, so that
 * one entry stays one source. */

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* Auxiliary functions: reading a citation */

static int
month_from_name (const char *name)
{
  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, month_names[i], 3) == 0)
      return i + 1;
  return 0;
}

static char *
strip_punctuation (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);

  while (len > 0 && strchr (".,;: ", copy[len - 1]) != NULL)
    copy[--len] = '\0';
  return *copy ? g_steal_pointer (&copy) : NULL;
}

/* The end of the sentence that starts at @start: a full stop followed by
 * a space or the end, unless it closes an initial ("G.") or a usual
 * abbreviation; and never inside brackets. */
static const char *
sentence_end (const char *start)
{
  static const char * const abbreviations[] = {
    "ed", "eds", "vol", "no", "pp", "p", "St", "Dr", "Mr", "Mrs", "c", "ca", "Jr", "Inc", "Co", NULL,
  };
  int depth = 0;

  for (const char *p = start; *p; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (*p == '.' && depth == 0 && (p[1] == ' ' || p[1] == '\0'))
        {
          const char *word = p;
          gboolean abbreviation = FALSE;

          while (word > start && g_ascii_isalpha (word[-1]))
            word--;
          if (p - word == 1 && g_ascii_isupper (*word))
            abbreviation = TRUE;
          for (guint i = 0; !abbreviation && abbreviations[i]; i++)
            abbreviation = (gsize) (p - word) == strlen (abbreviations[i]) &&
                           strncmp (word, abbreviations[i], p - word) == 0;
          if (!abbreviation)
            return p;
        }
    }
  return start + strlen (start);
}

static GPtrArray *
split_sentences (const char *text)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p)
    {
      const char *end = sentence_end (p);
      char *sentence = g_strstrip (g_strndup (p, end - p));

      if (*sentence)
        g_ptr_array_add (sentences, sentence);
      else
        g_free (sentence);
      p = *end ? end + 1 : end;
    }
  return sentences;
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strv_length (words);
}

/* "Family, Given", "Family, Given, with Given Family (eds.)", "Given
 * Family and Given Family": each person as "Family, Given". */
static void
parse_names (const char      *text,
             BcCitationParts *parts)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GRegex) editor = g_regex_new ("\\s*\\((eds?\\.?|editors?)\\)\\s*$", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *names = g_regex_replace_literal (editor, text, -1, 0, "", 0, NULL);
  gboolean editors = g_strcmp0 (names, text) != 0;
  g_autoptr(GRegex) separators = g_regex_new ("\\s*(?:,\\s*with\\s+|\\s+with\\s+|,?\\s+and\\s+|;\\s*|\\s*&\\s*)",
                                              0, 0, NULL);
  g_auto(GStrv) people = g_regex_split (separators, names, 0);

  for (guint i = 0; people[i] != NULL; i++)
    {
      g_autofree char *person = strip_punctuation (people[i]);
      const char *last_space;

      if (person == NULL)
        continue;
      /* The first of a list is written "Family, Given"; the others
       * "Given Family". A name without a comma and of one or four and
       * more words is an institution, kept as written. */
      last_space = strrchr (person, ' ');
      if (strchr (person, ',') != NULL || last_space == NULL || count_words (person) > 3)
        g_strv_builder_add (builder, person);
      else
        {
          g_autofree char *given = g_strndup (person, last_space - person);
          g_autofree char *inverted = g_strdup_printf ("%s, %s", last_space + 1, given);

          g_strv_builder_add (builder, inverted);
        }
    }
  if (editors)
    parts->editors = g_strv_builder_end (builder);
  else
    parts->authors = g_strv_builder_end (builder);
}

/* The last date in @text: "26 June 2007", "June 2007", "June 26, 2007"
 * or a year alone. */
static BcDate
find_date (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?:(\\d{1,2})\\s+)?\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                                         "[a-z]*\\.?(?:\\s+(\\d{1,2}),)?\\s+(\\d{4})\\b"
                                         "|\\b(1[0-9]{3}|20[0-9]{2})\\b",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  BcDate found = BC_DATE_UNSET;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *day = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *day_after = g_match_info_fetch (match, 3);
      g_autofree char *year = g_match_info_fetch (match, 4);
      g_autofree char *year_alone = g_match_info_fetch (match, 5);
      BcDate date = BC_DATE_UNSET;

      if (year_alone != NULL && *year_alone)
        date.year = atoi (year_alone);
      else
        {
          date.year = atoi (year);
          date.month = month_from_name (month);
          date.day = atoi (*day ? day : day_after ? day_after : "0");
          if (date.day > g_date_get_days_in_month (date.month, date.year))
            date.day = 0;
        }
      found = date;
      g_match_info_next (match, NULL);
    }
  return found;
}

/* Up to the first comma or full stop outside brackets. */
static char *
first_segment (const char *text)
{
  int depth = 0;
  const char *p;

  for (p = text; *p; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if ((*p == ',' || (*p == '.' && (p[1] == ' ' || p[1] == '\0'))) && depth == 0)
        break;
    }
  {
    g_autofree char *segment = g_strndup (text, p - text);

    return strip_punctuation (segment);
  }
}

static char *
fetch (GRegex     *regex,
       const char *text,
       int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, group);
}

static void
parse_rest (const char      *rest,
            BcSourceType     type,
            BcCitationParts *parts)
{
  g_autoptr(GRegex) imprint = g_regex_new ("([A-Z][\\w .'-]+?):\\s*([^,.:]+?),\\s*(?:\\d{1,2}\\s+)?(?:[A-Z][a-z]+\\s+)?\\d{4}",
                                           0, 0, NULL);
  g_autoptr(GRegex) in_container = g_regex_new ("\\bIn\\s+(?:[^,]+\\((?:eds?\\.?)\\),\\s*)?(.+)$", 0, 0, NULL);
  g_autoptr(GRegex) volume = g_regex_new ("\\bvol(?:ume|\\.)\\s*(\\w+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) issue = g_regex_new ("\\b(?:issue|no\\.)\\s*(\\w+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) pages = g_regex_new (":\\s*(\\d+\\s*[-–]\\s*\\d+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *in = NULL;

  if (rest == NULL || *rest == '\0')
    return;

  if (g_regex_match (imprint, rest, 0, &match))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);

      parts->place = g_match_info_fetch (match, 1);
      parts->publisher = g_strstrip (g_match_info_fetch (match, 2));
      /* The imprint's year is the edition's, whatever else is dated. */
      parts->issued = find_date (whole);
    }

  in = fetch (in_container, rest, 1);
  if (in != NULL)
    parts->container = first_segment (in);
  else if (type == BC_SOURCE_ARTICLE || type == BC_SOURCE_WEB || type == BC_SOURCE_CHAPTER ||
           (parts->publisher == NULL && type != BC_SOURCE_BOOK))
    {
      g_autofree char *segment = first_segment (rest);

      /* Not a date, nor the imprint found above. */
      if (segment != NULL && !g_ascii_isdigit (*segment) &&
          (parts->place == NULL || !g_str_has_prefix (rest, parts->place)))
        parts->container = g_steal_pointer (&segment);
    }

  parts->volume = fetch (volume, rest, 1);
  parts->issue = fetch (issue, rest, 1);
  parts->pages = fetch (pages, rest, 1);
}

/* Public API: reading a citation */

void
bc_citation_parts_clear (BcCitationParts *parts)
{
  g_clear_pointer (&parts->authors, g_strfreev);
  g_clear_pointer (&parts->editors, g_strfreev);
  g_clear_pointer (&parts->title, g_free);
  g_clear_pointer (&parts->container, g_free);
  g_clear_pointer (&parts->publisher, g_free);
  g_clear_pointer (&parts->place, g_free);
  g_clear_pointer (&parts->volume, g_free);
  g_clear_pointer (&parts->issue, g_free);
  g_clear_pointer (&parts->pages, g_free);
  parts->issued = BC_DATE_UNSET;
}

/**
 * bc_citation_parse:
 * @citation: a citation as analysts write them
 * @type: the kind of source, which tells a container from a publisher
 * @parts: (out caller-allocates): what could be told
 *
 * Reads the parts of a free-text citation as well as it honestly can:
 * what it cannot place is left %NULL, never guessed.
 */
void
bc_citation_parse (const char      *citation,
                   BcSourceType     type,
                   BcCitationParts *parts)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) quoted = g_regex_new ("[\"“]([^\"”]+)[\"”]", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  memset (parts, 0, sizeof *parts);
  if (citation == NULL)
    return;
  text = g_strstrip (g_regex_replace_literal (spaces, citation, -1, 0, " ", 0, NULL));
  parts->issued = find_date (text);

  if (g_regex_match (quoted, text, 0, &match))
    {
      int start, end;
      g_autofree char *before = NULL;
      g_autofree char *head = NULL;
      g_autofree char *title = g_match_info_fetch (match, 1);

      g_match_info_fetch_pos (match, 0, &start, &end);
      head = g_strndup (text, start);
      before = strip_punctuation (head);
      if (before != NULL && count_words (before) <= 8)
        parse_names (before, parts);
      parts->title = strip_punctuation (title);
      parse_rest (text + end, type == BC_SOURCE_BOOK ? BC_SOURCE_ARTICLE : type, parts);
      return;
    }

  {
    g_autoptr(GPtrArray) sentences = split_sentences (text);
    g_autoptr(GString) rest = g_string_new (NULL);
    guint title_at = 0;

    if (sentences->len == 0)
      return;
    if (sentences->len >= 2)
      {
        const char *first = g_ptr_array_index (sentences, 0);
        const char *comma = strchr (first, ',');
        guint words = count_words (first);

        if (words <= 8 && ((comma != NULL && count_words (first) - count_words (comma) < 3) || words <= 5))
          {
            parse_names (first, parts);
            title_at = 1;
          }
      }
    if (title_at < sentences->len)
      parts->title = strip_punctuation (g_ptr_array_index (sentences, title_at));
    for (guint i = title_at + 1; i < sentences->len; i++)
      g_string_append_printf (rest, "%s%s.", rest->len ? " " : "", (char *) g_ptr_array_index (sentences, i));
    parse_rest (rest->str, type, parts);
  }
}

/* Auxiliary functions: pages cited */

typedef struct
{
  const char *item;
  const char *pages;
} Cited;

static void
collect_cited (GListModel *list,
               GHashTable *cited)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) refs = NULL;

      g_object_get (object, "sources", &refs, NULL);
      for (guint r = 0; refs != NULL && r < refs->len; r++)
        {
          BcSourceRef *ref = g_ptr_array_index (refs, r);
          GArray *list_of = g_hash_table_lookup (cited, ref->ref);
          Cited c = { bc_item_get_id (BC_ITEM (object)), ref->pages };

          if (list_of == NULL)
            {
              list_of = g_array_new (FALSE, FALSE, sizeof (Cited));
              g_hash_table_insert (cited, ref->ref, list_of);
            }
          /* The strings live in the case's objects. */
          c.pages = ref->pages ? g_intern_string (ref->pages) : NULL;
          g_array_append_val (list_of, c);
        }
    }
}

/* source id → GArray of Cited, in the order of the case. */
static GHashTable *
cited_by (BcCase *case_)
{
  GHashTable *cited = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_array_unref);

  collect_cited (bc_case_get_actors (case_), cited);
  collect_cited (bc_case_get_events (case_), cited);
  collect_cited (bc_case_get_transfers (case_), cited);
  /* The keys are the refs' strings: intern them, the arrays outlive the
   * GPtrArray copies that g_object_get() gave. */
  {
    GHashTable *interned = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify) g_array_unref);
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, cited);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_hash_table_insert (interned, (gpointer) g_intern_string (key), value);
        g_hash_table_iter_steal (&iter);
      }
    g_hash_table_unref (cited);
    return interned;
  }
}

static char *
cited_note (GArray *cited)
{
  GString *note;

  if (cited == NULL || cited->len == 0)
    return NULL;
  note = g_string_new ("Cited by ");
  for (guint i = 0; i < cited->len; i++)
    {
      Cited *c = &g_array_index (cited, Cited, i);

      g_string_append_printf (note, "%s%s", i ? "; " : "", c->item);
      if (c->pages != NULL)
        g_string_append_printf (note, " (%s %s)", strpbrk (c->pages, "-–,") ? "pp." : "p.", c->pages);
    }
  return g_string_free (note, FALSE);
}

/* Auxiliary functions: CSL-JSON */

static const char *
csl_type (BcSourceType type)
{
  switch (type)
    {
    case BC_SOURCE_BOOK:
      return "book";
    case BC_SOURCE_CHAPTER:
      return "chapter";
    case BC_SOURCE_ARTICLE:
      return "article-journal";
    case BC_SOURCE_REPORT:
      return "report";
    case BC_SOURCE_WEB:
      return "webpage";
    case BC_SOURCE_INTERVIEW:
      return "interview";
    case BC_SOURCE_DOCUMENT:
    case BC_SOURCE_OTHER:
    default:
      return "document";
    }
}

static void
json_member (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, ",\n    ");
  _bc_json_append_string (out, name);
  g_string_append (out, ": ");
  _bc_json_append_string (out, value);
}

static void
json_names (GString            *out,
            const char         *name,
            const char * const *people)
{
  if (people == NULL || people[0] == NULL)
    return;
  g_string_append (out, ",\n    ");
  _bc_json_append_string (out, name);
  g_string_append (out, ": [");
  for (guint i = 0; people[i] != NULL; i++)
    {
      const char *comma = strchr (people[i], ',');

      g_string_append (out, i ? ", {" : "{");
      if (comma != NULL)
        {
          g_autofree char *family = g_strndup (people[i], comma - people[i]);
          g_autofree char *given = g_strstrip (g_strdup (comma + 1));

          g_string_append (out, "\"family\": ");
          _bc_json_append_string (out, family);
          g_string_append (out, ", \"given\": ");
          _bc_json_append_string (out, given);
        }
      else
        {
          g_string_append (out, "\"literal\": ");
          _bc_json_append_string (out, people[i]);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* Auxiliary functions: BibTeX */

static const char *
bibtex_type (BcSourceType type)
{
  switch (type)
    {
    case BC_SOURCE_BOOK:
      return "book";
    case BC_SOURCE_CHAPTER:
      return "incollection";
    case BC_SOURCE_ARTICLE:
      return "article";
    case BC_SOURCE_REPORT:
      return "techreport";
    case BC_SOURCE_WEB:
    case BC_SOURCE_DOCUMENT:
    case BC_SOURCE_INTERVIEW:
    case BC_SOURCE_OTHER:
    default:
      return "misc";
    }
}

/* Braces stay balanced whatever the text: every brace and every special
 * character of TeX is escaped. */
static void
bibtex_append_text (GString    *out,
                    const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '{':
        case '}':
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\\':
          g_string_append (out, "\\textbackslash{}");
          break;
        case '~':
          g_string_append (out, "\\textasciitilde{}");
          break;
        case '^':
          g_string_append (out, "\\textasciicircum{}");
          break;
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
bibtex_field (GString    *out,
              const char *name,
              const char *value,
              gboolean    verbatim)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, ",\n  %s = {", name);
  if (verbatim)
    {
      /* A URL keeps its characters; only braces could break the entry,
       * and a URL that the rules accept has none unescaped. */
      for (const char *p = value; *p; p++)
        if (*p != '{' && *p != '}')
          g_string_append_c (out, *p);
    }
  else
    bibtex_append_text (out, value);
  g_string_append_c (out, '}');
}

static void
bibtex_names (GString            *out,
              const char         *name,
              const char * const *people)
{
  if (people == NULL || people[0] == NULL)
    return;
  g_string_append_printf (out, ",\n  %s = {", name);
  for (guint i = 0; people[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, " and ");
      /* An institution is one braced name, never split into persons. */
      if (strchr (people[i], ',') == NULL)
        {
          g_string_append_c (out, '{');
          bibtex_append_text (out, people[i]);
          g_string_append_c (out, '}');
        }
      else
        bibtex_append_text (out, people[i]);
    }
  g_string_append_c (out, '}');
}

/* Public API: writing */

/**
 * bc_csl_json_write:
 * @case_: a case
 *
 * Returns: (transfer full): the case's sources as a CSL-JSON array
 */
GBytes *
bc_csl_json_write (BcCase *case_)
{
  GString *out = g_string_new ("[");
  GListModel *sources = bc_case_get_sources (case_);
  g_autoptr(GHashTable) cited = cited_by (case_);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) source = g_list_model_get_item (sources, i);
      const char *id = bc_item_get_id (BC_ITEM (source));
      GArray *by = g_hash_table_lookup (cited, id);
      g_autofree char *note = cited_note (by);
      g_auto(BcCitationParts) parts = { 0 };
      BcSourceType type = bc_source_get_source_type (source);

      bc_citation_parse (bc_source_get_citation (source), type, &parts);
      g_string_append (out, i ? ",\n  {\n    \"id\": " : "\n  {\n    \"id\": ");
      _bc_json_append_string (out, id);
      json_member (out, "type", csl_type (type));
      json_names (out, "author", (const char * const *) parts.authors);
      json_names (out, "editor", (const char * const *) parts.editors);
      json_member (out, "title", parts.title ? parts.title : bc_source_get_citation (source));
      json_member (out, "container-title", parts.container);
      json_member (out, "publisher", parts.publisher);
      json_member (out, "publisher-place", parts.place);
      json_member (out, "volume", parts.volume);
      json_member (out, "issue", parts.issue);
      json_member (out, "page", parts.pages);
      if (bc_date_is_set (parts.issued))
        {
          g_string_append_printf (out, ",\n    \"issued\": {\"date-parts\": [[%u", parts.issued.year);
          if (parts.issued.month)
            g_string_append_printf (out, ", %u", parts.issued.month);
          if (parts.issued.day)
            g_string_append_printf (out, ", %u", parts.issued.day);
          g_string_append (out, "]]}");
        }
      json_member (out, "URL", bc_source_get_url (source));
      json_member (out, "note", note);
      g_string_append (out, ",\n    \"custom\": {\"citation\": ");
      _bc_json_append_string (out, bc_source_get_citation (source));
      g_string_append (out, ", \"cited\": [");
      for (guint c = 0; by != NULL && c < by->len; c++)
        {
          Cited *one = &g_array_index (by, Cited, c);

          g_string_append (out, c ? ", {\"item\": " : "{\"item\": ");
          _bc_json_append_string (out, one->item);
          if (one->pages != NULL)
            {
              g_string_append (out, ", \"pages\": ");
              _bc_json_append_string (out, one->pages);
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}\n  }");
    }
  g_string_append (out, g_list_model_get_n_items (sources) ? "\n]\n" : "]\n");
  return g_string_free_to_bytes (out);
}

/**
 * bc_bibtex_write:
 * @case_: a case
 *
 * Returns: (transfer full): the case's sources as BibTeX entries
 */
GBytes *
bc_bibtex_write (BcCase *case_)
{
  GString *out = g_string_new (NULL);
  GListModel *sources = bc_case_get_sources (case_);
  g_autoptr(GHashTable) cited = cited_by (case_);

  g_string_append_printf (out, "%% Sources of “%s”, written by Backchannel %s\n",
                          bc_case_get_title (case_), PACKAGE_VERSION);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) source = g_list_model_get_item (sources, i);
      const char *id = bc_item_get_id (BC_ITEM (source));
      g_autofree char *cites = cited_note (g_hash_table_lookup (cited, id));
      g_autofree char *note = NULL;
      g_auto(BcCitationParts) parts = { 0 };
      BcSourceType type = bc_source_get_source_type (source);
      g_autofree char *year = NULL;
      const char *container_field;

      bc_citation_parse (bc_source_get_citation (source), type, &parts);
      container_field = type == BC_SOURCE_ARTICLE ? "journal"
                        : type == BC_SOURCE_CHAPTER ? "booktitle" : "howpublished";
      g_string_append_printf (out, "\n@%s{%s", bibtex_type (type), id);
      bibtex_names (out, "author", (const char * const *) parts.authors);
      bibtex_names (out, "editor", (const char * const *) parts.editors);
      bibtex_field (out, "title", parts.title ? parts.title : bc_source_get_citation (source), FALSE);
      bibtex_field (out, container_field, parts.container, FALSE);
      bibtex_field (out, type == BC_SOURCE_REPORT ? "institution" : "publisher", parts.publisher, FALSE);
      bibtex_field (out, "address", parts.place, FALSE);
      bibtex_field (out, "volume", parts.volume, FALSE);
      bibtex_field (out, "number", parts.issue, FALSE);
      bibtex_field (out, "pages", parts.pages, FALSE);
      if (bc_date_is_set (parts.issued))
        {
          year = g_strdup_printf ("%u", parts.issued.year);
          bibtex_field (out, "year", year, FALSE);
          if (parts.issued.month)
            g_string_append_printf (out, ",\n  month = %.3s", month_names[parts.issued.month - 1]);
        }
      bibtex_field (out, "url", bc_source_get_url (source), TRUE);
      if (cites != NULL)
        {
          g_autofree char *citation = g_strdup (bc_source_get_citation (source));
          gsize len = strlen (g_strchomp (citation));

          note = g_strdup_printf ("%s%s %s", citation, len && citation[len - 1] == '.' ? "" : ".", cites);
        }
      else
        note = g_strdup (bc_source_get_citation (source));
      bibtex_field (out, "note", note, FALSE);
      g_string_append (out, "\n}\n");
    }
  return g_string_free_to_bytes (out);
}
