/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-rules.h"

/* Auxiliary functions */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (BC_CASE_ERROR, BC_CASE_ERROR_INVALID, format, args);
      va_end (args);
    }
  return FALSE;
}

static BcDate
date_of (const GValue *value)
{
  const BcDate *date = g_value_get_boxed (value);

  return date != NULL ? *date : BC_DATE_UNSET;
}

static gboolean
check_references (BcCase              *case_,
                  const char * const  *ids,
                  GType                kind,
                  GError             **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!bc_rules_check_reference (case_, ids[i], kind, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_source_refs (BcCase     *case_,
                   GPtrArray  *refs,
                   GError    **error)
{
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);

      if (!bc_rules_check_reference (case_, ref->ref, BC_TYPE_SOURCE, error) ||
          !bc_rules_check_pages (ref->pages, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_positions (GPtrArray  *positions,
                 GError    **error)
{
  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      BcPosition *position = g_ptr_array_index (positions, i);

      if (!bc_rules_check_range (BC_RANGE_POSITION, position->from, position->to, error))
        return FALSE;
    }
  return TRUE;
}

/* Moving an event to @track must leave each of its transfers crossing. */
static gboolean
check_event_track (BcCase     *case_,
                   BcEvent    *event,
                   BcTrack     track,
                   GError    **error)
{
  GListModel *transfers = bc_case_get_transfers (case_);
  const char *id = bc_item_get_id (BC_ITEM (event));

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      const char *other_id;
      BcEvent *other;

      if (g_strcmp0 (bc_transfer_get_from (transfer), id) == 0)
        other_id = bc_transfer_get_to (transfer);
      else if (g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
        other_id = bc_transfer_get_from (transfer);
      else
        continue;

      other = bc_case_lookup_event (case_, other_id);
      if (other != NULL && other != event && bc_event_get_track (other) == track)
        return invalid (error, _("The transfer “%s” would then stay within %s; a transfer must "
                                 "cross from one track to another"),
                        bc_transfer_get_title (transfer), bc_track_get_label (track));
    }
  return TRUE;
}

/* The last digits of a page range may be left out ("152-58"). */
static gboolean
parse_page_number (const char  *text,
                   const char **end,
                   guint64     *number,
                   guint       *digits)
{
  const char *p = text;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == text || p - text > 9)
    return FALSE;
  *digits = (guint) (p - text);
  *number = g_ascii_strtoull (text, NULL, 10);
  *end = p;
  return TRUE;
}

/* Public API */

/**
 * bc_rules_check_id:
 * @id: (nullable): an id as written
 * @error: why it cannot be an id
 *
 * Letters, digits, “-”, “_” and “.”, starting with a letter, at most 64
 * characters.
 */
gboolean
bc_rules_check_id (const char  *id,
                   GError     **error)
{
  gsize n = 0;
  gboolean ok;

  if (id == NULL || *id == '\0')
    return invalid (error, _("An id is required"));
  ok = g_ascii_isalpha (*id);

  for (const char *p = id; ok && *p != '\0'; p++, n++)
    ok = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';
  if (!ok || n > 64)
    return invalid (error, _("“%s” is not a valid id: use letters, digits, “-”, “_” and “.”, "
                             "start with a letter, at most 64 characters"), id);
  return TRUE;
}

/**
 * bc_rules_check_id_free:
 * @case_: a case
 * @owner: (nullable): the item or case that would take @id
 * @id: an id
 * @error: why @owner cannot take @id
 *
 * A valid id that no other item of @case_ has. The case's own id is not
 * an item's and may equal one.
 */
gboolean
bc_rules_check_id_free (BcCase      *case_,
                        gpointer     owner,
                        const char  *id,
                        GError     **error)
{
  BcItem *other;

  if (!bc_rules_check_id (id, error))
    return FALSE;
  if (owner != NULL && BC_IS_CASE (owner))
    return TRUE;

  other = bc_case_lookup (case_, id);
  if (other != NULL && (gpointer) other != owner)
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID,
                   _("The id “%s” is already used in this case"), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
bc_rules_check_required (const char  *text,
                         GError     **error)
{
  if (text == NULL || *text == '\0')
    return invalid (error, _("This cannot be empty"));
  return TRUE;
}

/**
 * bc_rules_check_range:
 * @kind: which pair of dates
 * @start: the first date, or unset
 * @end: the last date, or unset
 * @error: why they are out of order
 *
 * The end is not before the start: the last day @end covers is not
 * before the first day @start covers, so "1993-01-20" to "1993-01" is a
 * range (it ends in January) and "1993-02" to "1993-01-31" is not.
 */
gboolean
bc_rules_check_range (BcRangeKind   kind,
                      BcDate        start,
                      BcDate        end,
                      GError      **error)
{
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  if (!bc_date_is_set (start) || !bc_date_is_set (end) ||
      bc_date_get_last_day (end) >= bc_date_get_first_day (start))
    return TRUE;

  s = bc_date_to_string (start);
  e = bc_date_to_string (end);
  switch (kind)
    {
    case BC_RANGE_PERIOD:
      return invalid (error, _("The end (%s) is before the start (%s)"), e, s);
    case BC_RANGE_POSITION:
      return invalid (error, _("The end of the position (%s) is before its start (%s)"), e, s);
    case BC_RANGE_EVENT:
    default:
      return invalid (error, _("The end (%s) is before the date (%s)"), e, s);
    }
}

/**
 * bc_rules_check_url:
 * @url: (nullable): a source's web address; %NULL or empty for none
 * @error: why it is not one
 *
 * An http or https address with a host: the program opens nothing else.
 */
gboolean
bc_rules_check_url (const char  *url,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || *url == '\0')
    return TRUE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  host = uri ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      strpbrk (url, " \t\n\r") != NULL)
    return invalid (error, _("“%s” is not a web address; a source’s URL must start with "
                             "http:// or https://"), url);
  return TRUE;
}

/**
 * bc_rules_check_created:
 * @created: (nullable): when an annotation was written
 * @error: why it is not such a time
 *
 * A time in UTC as RFC 3339 writes it: 2026-11-24T10:00:00Z.
 */
gboolean
bc_rules_check_created (const char  *created,
                        GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  gsize n = created ? strlen (created) : 0;

  if (n > 0)
    time = g_date_time_new_from_iso8601 (created, NULL);
  if (time == NULL || created[n - 1] != 'Z' || n < 20 || created[10] != 'T')
    return invalid (error, _("“%s” is not a time in UTC as RFC 3339 writes it, such as "
                             "2026-11-24T10:00:00Z"), created ? created : "");
  return TRUE;
}

/**
 * bc_rules_check_pages:
 * @pages: (nullable): the pages of a citation, free text
 * @error: why they cannot be right
 *
 * Pages are free text ("20-25", "Document 56", "xii"), but a range of
 * page numbers does not run backwards: "52-45" is refused, while
 * "152-58", which leaves out the first digits of its end, is 152 to 158.
 * The reader takes any text here, as the format allows; only edits are
 * checked.
 */
gboolean
bc_rules_check_pages (const char  *pages,
                      GError     **error)
{
  const char *p = pages;

  if (pages == NULL)
    return TRUE;

  while (*p != '\0')
    {
      guint64 first, last;
      guint first_digits, last_digits;
      const char *after;

      if (!g_ascii_isdigit (*p) || (p > pages && g_ascii_isalnum (p[-1])) ||
          !parse_page_number (p, &after, &first, &first_digits))
        {
          p++;
          continue;
        }
      p = after;
      while (*p == ' ')
        p++;
      /* A hyphen or an en dash between two numbers. */
      if (*p == '-')
        p++;
      else if (g_str_has_prefix (p, "–"))
        p += strlen ("–");
      else
        continue;
      while (*p == ' ')
        p++;
      if (!parse_page_number (p, &after, &last, &last_digits) || g_ascii_isalpha (*after))
        continue;
      p = after;

      if (last_digits < first_digits)
        {
          guint64 scale = 1;

          for (guint i = 0; i < last_digits; i++)
            scale *= 10;
          last += first - first % scale;
        }
      if (last < first)
        {
          /* Numbers as text: a format macro would hide the message from
           * the translators' tools. */
          g_autofree char *l = g_strdup_printf ("%" G_GUINT64_FORMAT, last);
          g_autofree char *f = g_strdup_printf ("%" G_GUINT64_FORMAT, first);

          return invalid (error, _("The pages “%s” run backwards: %s comes before %s"), pages, l, f);
        }
    }
  return TRUE;
}

/**
 * bc_rules_check_language:
 * @language: (nullable): the case's language, as xml:lang writes it
 * @error: why it is not a language tag
 *
 * A language tag such as "en" or "pt-BR" (the schema's xsd:language).
 */
gboolean
bc_rules_check_language (const char  *language,
                         GError     **error)
{
  if (language == NULL ||
      g_regex_match_simple ("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", language, 0, 0))
    return TRUE;
  return invalid (error, _("“%s” is not a language tag such as “en” or “pt-BR”"), language);
}

/**
 * bc_rules_check_license:
 * @license: (nullable): an SPDX licence expression
 * @error: why it is not one
 */
gboolean
bc_rules_check_license (const char  *license,
                        GError     **error)
{
  if (license == NULL ||
      g_regex_match_simple ("^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$", license, 0, 0))
    return TRUE;
  return invalid (error, _("“%s” is not an SPDX licence identifier such as “CC-BY-4.0”"), license);
}

gboolean
bc_rules_check_crossing (const char  *transfer_id,
                         BcTrack      from_track,
                         BcTrack      to_track,
                         GError     **error)
{
  if (from_track != to_track)
    return TRUE;
  if (transfer_id != NULL)
    return invalid (error, _("Transfer “%s” joins two events on %s; a transfer must cross "
                             "from one track to another"),
                    transfer_id, bc_track_get_label (from_track));
  return invalid (error, _("A transfer goes between tracks: both ends are on %s"),
                  bc_track_get_label (from_track));
}

/**
 * bc_rules_check_transfer_ends:
 * @case_: a case
 * @transfer_id: (nullable): the transfer, for the message
 * @from: the id of the event it leaves
 * @to: the id of the event it reaches
 * @error: why these cannot be its ends
 *
 * Both ends are events of @case_, on two different tracks.
 */
gboolean
bc_rules_check_transfer_ends (BcCase      *case_,
                              const char  *transfer_id,
                              const char  *from,
                              const char  *to,
                              GError     **error)
{
  if (!bc_rules_check_reference (case_, from, BC_TYPE_EVENT, error) ||
      !bc_rules_check_reference (case_, to, BC_TYPE_EVENT, error))
    return FALSE;
  return bc_rules_check_crossing (transfer_id,
                                  bc_event_get_track (bc_case_lookup_event (case_, from)),
                                  bc_event_get_track (bc_case_lookup_event (case_, to)),
                                  error);
}

gboolean
bc_rules_check_link_ends (BcCase      *case_,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  if (!bc_rules_check_reference (case_, from, BC_TYPE_EVENT, error) ||
      !bc_rules_check_reference (case_, to, BC_TYPE_EVENT, error))
    return FALSE;
  if (g_strcmp0 (from, to) == 0)
    return invalid (error, _("A link joins two different events; both ends are “%s”"), from);
  return TRUE;
}

/**
 * bc_rules_check_reference:
 * @case_: a case
 * @id: (nullable): what a `ref`, `from`, `to` or `about` names
 * @kind: %BC_TYPE_ACTOR, %BC_TYPE_EVENT, %BC_TYPE_SOURCE, or
 *   %BC_TYPE_ITEM for any item
 * @error: why @id does not name one
 */
gboolean
bc_rules_check_reference (BcCase      *case_,
                          const char  *id,
                          GType        kind,
                          GError     **error)
{
  BcItem *item = id ? bc_case_lookup (case_, id) : NULL;
  const char *what;

  if (item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, kind))
    return TRUE;

  if (kind == BC_TYPE_ACTOR)
    what = _("an actor");
  else if (kind == BC_TYPE_EVENT)
    what = _("an event");
  else if (kind == BC_TYPE_SOURCE)
    what = _("a source");
  else
    what = NULL;

  if (id == NULL || *id == '\0')
    return invalid (error, _("A reference to %s is missing"), what ? what : _("an item"));
  if (item == NULL && what == NULL)
    return invalid (error, _("“%s” does not name anything in this case"), id);
  if (item == NULL)
    return invalid (error, _("“%s” does not name anything in this case; it must name %s"), id, what);
  return invalid (error, _("“%s” is not %s"), id, what);
}

/**
 * bc_rules_check_known_on:
 * @date: the date a story step shows the case as known on
 * @error: why a step cannot have it
 */
gboolean
bc_rules_check_known_on (BcDate   date,
                         GError **error)
{
  if (!bc_date_is_set (date))
    return invalid (error, _("A step of the story needs the date it shows the case as known on"));
  if (date.year < 1000 || date.year > 9999)
    return invalid (error, _("Dates run from the year 1000 to 9999"));
  return TRUE;
}

/**
 * bc_rules_check_focus_item:
 * @case_: a case
 * @id: an id a story step puts in focus
 * @error: why it cannot be in focus
 *
 * What a step focuses on is an actor, an event or a transfer of the case;
 * a source is cited, not shown.
 */
gboolean
bc_rules_check_focus_item (BcCase      *case_,
                           const char  *id,
                           GError     **error)
{
  BcItem *item = id ? bc_case_lookup (case_, id) : NULL;

  if (BC_IS_ACTOR (item) || BC_IS_EVENT (item) || BC_IS_TRANSFER (item))
    return TRUE;
  if (id == NULL || *id == '\0')
    return invalid (error, _("A reference to an item in focus is missing"));
  if (item == NULL)
    return invalid (error, _("“%s” does not name anything in this case; a step can focus on "
                             "actors, events and transfers"), id);
  return invalid (error, _("“%s” is a source; a step can focus on actors, events and transfers, "
                           "and cites sources with <source>"), id);
}

static gboolean
check_focus (BcCase              *case_,
             const char * const  *ids,
             GError             **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!bc_rules_check_focus_item (case_, ids[i], error))
      return FALSE;
  return TRUE;
}

/**
 * bc_rules_check_value:
 * @case_: the case that holds @object, or would
 * @object: an item, link or annotation of @case_, or @case_ itself
 * @property: a property of @object
 * @value: the value it would take
 * @error: why the case file could not hold it
 *
 * Every rule that a new value of one field must keep, among them the
 * rules that tie it to the rest of the case (an id in use, a transfer
 * that would stay within one track).
 */
gboolean
bc_rules_check_value (BcCase        *case_,
                      GObject       *object,
                      const char    *property,
                      const GValue  *value,
                      GError       **error)
{
  g_return_val_if_fail (BC_IS_CASE (case_), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  if (g_str_equal (property, "id"))
    return BC_IS_CASE (object)
           ? bc_rules_check_id (g_value_get_string (value), error)
           : bc_rules_check_id_free (case_, object, g_value_get_string (value), error);

  if (g_str_equal (property, "title") || g_str_equal (property, "name") ||
      g_str_equal (property, "citation") || g_str_equal (property, "author") ||
      g_str_equal (property, "caption"))
    return bc_rules_check_required (g_value_get_string (value), error);

  /* A story may have no title, but not an empty one. */
  if (g_str_equal (property, "story-title"))
    return g_value_get_string (value) == NULL ||
           bc_rules_check_required (g_value_get_string (value), error);

  if (g_str_equal (property, "sources"))
    return check_source_refs (case_, g_value_get_boxed (value), error);

  if (BC_IS_CASE (object))
    {
      if (g_str_equal (property, "language"))
        return bc_rules_check_language (g_value_get_string (value), error);
      if (g_str_equal (property, "license"))
        return bc_rules_check_license (g_value_get_string (value), error);
      if (g_str_equal (property, "period-start"))
        return bc_rules_check_range (BC_RANGE_PERIOD, date_of (value),
                                     bc_case_get_period_end (case_), error);
      if (g_str_equal (property, "period-end"))
        return bc_rules_check_range (BC_RANGE_PERIOD, bc_case_get_period_start (case_),
                                     date_of (value), error);
      return TRUE;
    }

  if (BC_IS_EVENT (object))
    {
      BcEvent *event = BC_EVENT (object);

      if (g_str_equal (property, "date"))
        {
          if (!bc_date_is_set (date_of (value)))
            return invalid (error, _("An event needs a date"));
          return bc_rules_check_range (BC_RANGE_EVENT, date_of (value), bc_event_get_end (event), error);
        }
      if (g_str_equal (property, "end"))
        return bc_rules_check_range (BC_RANGE_EVENT, bc_event_get_date (event), date_of (value), error);
      if (g_str_equal (property, "track"))
        return check_event_track (case_, event, g_value_get_enum (value), error);
      if (g_str_equal (property, "participants"))
        return check_references (case_, g_value_get_boxed (value), BC_TYPE_ACTOR, error);
      return TRUE;
    }

  if (BC_IS_TRANSFER (object))
    {
      BcTransfer *transfer = BC_TRANSFER (object);
      const char *id = bc_item_get_id (BC_ITEM (transfer));

      if (g_str_equal (property, "from"))
        return bc_rules_check_transfer_ends (case_, id, g_value_get_string (value),
                                             bc_transfer_get_to (transfer), error);
      if (g_str_equal (property, "to"))
        return bc_rules_check_transfer_ends (case_, id, bc_transfer_get_from (transfer),
                                             g_value_get_string (value), error);
      if (g_str_equal (property, "carriers"))
        return check_references (case_, g_value_get_boxed (value), BC_TYPE_ACTOR, error);
      return TRUE;
    }

  if (BC_IS_ACTOR (object))
    {
      if (g_str_equal (property, "member-of"))
        return check_references (case_, g_value_get_boxed (value), BC_TYPE_ACTOR, error);
      if (g_str_equal (property, "positions"))
        return check_positions (g_value_get_boxed (value), error);
      return TRUE;
    }

  if (BC_IS_LINK (object))
    {
      BcLink *link = BC_LINK (object);

      if (g_str_equal (property, "from"))
        return bc_rules_check_link_ends (case_, g_value_get_string (value), bc_link_get_to (link), error);
      if (g_str_equal (property, "to"))
        return bc_rules_check_link_ends (case_, bc_link_get_from (link), g_value_get_string (value), error);
      return TRUE;
    }

  if (BC_IS_STORY_STEP (object))
    {
      if (g_str_equal (property, "known-on"))
        return bc_rules_check_known_on (date_of (value), error);
      if (g_str_equal (property, "focus"))
        return check_focus (case_, g_value_get_boxed (value), error);
      return TRUE;
    }

  if (BC_IS_SOURCE (object))
    {
      if (g_str_equal (property, "url"))
        return bc_rules_check_url (g_value_get_string (value), error);
      return TRUE;
    }

  if (BC_IS_ANNOTATION (object))
    {
      const char *about;

      if (g_str_equal (property, "created"))
        return bc_rules_check_created (g_value_get_string (value), error);
      about = g_str_equal (property, "about") ? g_value_get_string (value) : NULL;
      if (about != NULL)
        return bc_rules_check_reference (case_, about, BC_TYPE_ITEM, error);
      return TRUE;
    }

  return TRUE;
}

/**
 * bc_rules_check_object:
 * @case_: a case
 * @object: an item, link or annotation, in @case_ or about to be
 * @error: the first rule @object breaks
 *
 * Every rule of the format for @object as it stands, as the reader
 * would check it in a file: what an insertion must keep.
 */
gboolean
bc_rules_check_object (BcCase   *case_,
                       GObject  *object,
                       GError  **error)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (!bc_rules_check_value (case_, object, pspecs[i]->name, &value, error))
        return FALSE;
    }

  if (BC_IS_EVENT (object))
    return bc_rules_check_range (BC_RANGE_EVENT, bc_event_get_date (BC_EVENT (object)),
                                 bc_event_get_end (BC_EVENT (object)), error);
  if (BC_IS_CASE (object))
    return bc_rules_check_range (BC_RANGE_PERIOD, bc_case_get_period_start (case_),
                                 bc_case_get_period_end (case_), error);
  return TRUE;
}

/**
 * bc_rules_check_removable:
 * @case_: a case
 * @object: an item, link or annotation of @case_
 * @error: what still depends on @object
 *
 * Nothing in @case_ refers to @object: an item is removed after what
 * names it (see bc_edit_delete(), which removes both).
 */
gboolean
bc_rules_check_removable (BcCase   *case_,
                          GObject  *object,
                          GError  **error)
{
  const char *id;
  GListModel *lists[4];

  if (!BC_IS_ITEM (object))
    return TRUE;

  id = bc_item_get_id (BC_ITEM (object));
  lists[0] = bc_case_get_actors (case_);
  lists[1] = bc_case_get_events (case_);
  lists[2] = bc_case_get_transfers (case_);
  lists[3] = bc_case_get_links (case_);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) other = g_list_model_get_item (lists[l], i);
        const char * const *refs = NULL;
        GPtrArray *sources = NULL;
        const char *what = NULL;

        if (BC_IS_ACTOR (other))
          {
            refs = bc_actor_get_member_of (BC_ACTOR (other));
            sources = bc_actor_get_sources (BC_ACTOR (other));
            what = bc_actor_get_name (BC_ACTOR (other));
          }
        else if (BC_IS_EVENT (other))
          {
            refs = bc_event_get_participants (BC_EVENT (other));
            sources = bc_event_get_sources (BC_EVENT (other));
            what = bc_event_get_title (BC_EVENT (other));
          }
        else if (BC_IS_TRANSFER (other))
          {
            BcTransfer *transfer = BC_TRANSFER (other);

            refs = bc_transfer_get_carriers (transfer);
            sources = bc_transfer_get_sources (transfer);
            what = bc_transfer_get_title (transfer);
            if (g_strcmp0 (bc_transfer_get_from (transfer), id) == 0 ||
                g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
              return invalid (error, _("“%s” is an end of the transfer “%s”"), id, what);
          }
        else if (BC_IS_LINK (other))
          {
            if (g_strcmp0 (bc_link_get_from (BC_LINK (other)), id) == 0 ||
                g_strcmp0 (bc_link_get_to (BC_LINK (other)), id) == 0)
              return invalid (error, _("“%s” is an end of a link"), id);
            continue;
          }

        if (refs != NULL && g_strv_contains (refs, id))
          return invalid (error, _("“%s” is named by “%s”"), id, what);
        for (guint k = 0; sources != NULL && k < sources->len; k++)
          if (g_strcmp0 (((BcSourceRef *) g_ptr_array_index (sources, k))->ref, id) == 0)
            return invalid (error, _("“%s” is cited by “%s”"), id, what);
      }

  {
    GListModel *story = bc_case_get_story (case_);

    for (guint i = 0; i < g_list_model_get_n_items (story); i++)
      {
        g_autoptr(BcStoryStep) step = g_list_model_get_item (story, i);
        const char * const *focus = bc_story_step_get_focus (step);
        GPtrArray *sources = bc_story_step_get_sources (step);

        if (focus != NULL && g_strv_contains (focus, id))
          return invalid (error, _("“%s” is in focus in step %u of the story"), id, i + 1);
        for (guint k = 0; sources != NULL && k < sources->len; k++)
          if (g_strcmp0 (((BcSourceRef *) g_ptr_array_index (sources, k))->ref, id) == 0)
            return invalid (error, _("“%s” is cited by step %u of the story"), id, i + 1);
      }
  }

  /* A transfer's own annotations go with it. */
  {
    GListModel *notes = bc_case_get_annotations (case_);

    for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
      {
        g_autoptr(BcAnnotation) note = g_list_model_get_item (notes, i);

        if (g_strcmp0 (bc_annotation_get_about (note), id) == 0)
          return invalid (error, _("“%s” has annotations about it"), id);
      }
  }
  return TRUE;
}
