/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-timelinejs"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"

/* TimelineJS 3 JSON: the case is the title slide, each event a slide
 * whose start and end dates carry only the parts the case knows (a date
 * of month precision has no day), its track the slide's group, and the
 * case's period an era. TimelineJS shows text as HTML, so the text is
 * escaped. */

/* Auxiliary functions */

static void
member (GString    *out,
        const char *name,
        const char *value)
{
  _bc_json_append_string (out, name);
  g_string_append (out, ": ");
  _bc_json_append_string (out, value);
}

static void
date_object (GString    *out,
             const char *name,
             BcDate      date)
{
  g_string_append_printf (out, ", \"%s\": {\"year\": \"%u\"", name, date.year);
  if (date.month)
    g_string_append_printf (out, ", \"month\": \"%u\"", date.month);
  if (date.day)
    g_string_append_printf (out, ", \"day\": \"%u\"", date.day);
  g_string_append_c (out, '}');
}

static void
html_member (GString    *out,
             const char *name,
             const char *text)
{
  g_autoptr(GString) html = g_string_new (NULL);

  _bc_html_append_escaped (html, text);
  _bc_json_append_string (out, name);
  g_string_append (out, ": ");
  _bc_json_append_string (out, html->str);
}

static char *
event_text (BcCase  *case_,
            BcEvent *event)
{
  GString *text = g_string_new (NULL);
  const char * const *participants = bc_event_get_participants (event);

  if (bc_event_get_place (event) != NULL)
    g_string_append_printf (text, "%s\n", bc_event_get_place (event));
  if (participants != NULL && participants[0] != NULL)
    {
      g_string_append (text, _("Participants: "));
      for (guint i = 0; participants[i] != NULL; i++)
        {
          BcActor *actor = bc_case_lookup_actor (case_, participants[i]);

          g_string_append_printf (text, "%s%s", i ? ", " : "",
                                  actor ? bc_actor_get_name (actor) : participants[i]);
        }
      g_string_append_c (text, '\n');
    }
  if (bc_event_get_description (event) != NULL)
    g_string_append (text, bc_event_get_description (event));
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/* Public API */

/**
 * bc_timelinejs_write:
 * @case_: a case
 *
 * Returns: (transfer full): the case as a TimelineJS 3 JSON document
 */
GBytes *
bc_timelinejs_write (BcCase *case_)
{
  GString *out = g_string_new ("{\n  \"title\": {\"text\": {");
  GListModel *events = bc_case_get_events (case_);
  BcDate start = bc_case_get_period_start (case_);
  BcDate end = bc_case_get_period_end (case_);
  guint32 first, last;

  html_member (out, "headline", bc_case_get_title (case_));
  if (bc_case_get_summary (case_) != NULL)
    {
      g_string_append (out, ", ");
      html_member (out, "text", bc_case_get_summary (case_));
    }
  g_string_append (out, "}},\n  \"events\": [");

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *text = event_text (case_, event);
      BcCertainty certainty = bc_event_get_certainty (event);

      g_string_append (out, i ? ",\n    {" : "\n    {");
      member (out, "unique_id", bc_item_get_id (BC_ITEM (event)));
      date_object (out, "start_date", bc_event_get_date (event));
      if (bc_date_is_set (bc_event_get_end (event)))
        date_object (out, "end_date", bc_event_get_end (event));
      if (certainty != BC_CERTAINTY_EXACT)
        {
          g_autofree char *date = bc_date_to_string (bc_event_get_date (event));
          g_autofree char *shown = g_strdup_printf (certainty == BC_CERTAINTY_APPROXIMATE
                                                    ? _("c. %s") : _("%s (disputed)"), date);

          g_string_append (out, ", ");
          member (out, "display_date", shown);
        }
      g_string_append (out, ", \"text\": {");
      html_member (out, "headline", bc_event_get_title (event));
      if (*text)
        {
          g_string_append (out, ", ");
          html_member (out, "text", text);
        }
      g_string_append (out, "}, ");
      member (out, "group", bc_track_get_label (bc_event_get_track (event)));
      g_string_append (out, "}");
    }
  g_string_append (out, g_list_model_get_n_items (events) ? "\n  ]" : "]");

  /* The case's period, or the span of its events when it states none. */
  if ((!bc_date_is_set (start) || !bc_date_is_set (end)) && bc_case_get_time_span (case_, &first, &last))
    {
      if (!bc_date_is_set (start))
        start = bc_date_from_julian (first, BC_DATE_PRECISION_DAY);
      if (!bc_date_is_set (end))
        end = bc_date_from_julian (last, BC_DATE_PRECISION_DAY);
    }
  if (bc_date_is_set (start) && bc_date_is_set (end))
    {
      g_string_append (out, ",\n  \"eras\": [\n    {\"text\": {");
      html_member (out, "headline", bc_case_get_title (case_));
      g_string_append (out, "}");
      date_object (out, "start_date", start);
      date_object (out, "end_date", end);
      g_string_append (out, "}\n  ]");
    }
  g_string_append (out, "\n}\n");
  return g_string_free_to_bytes (out);
}
