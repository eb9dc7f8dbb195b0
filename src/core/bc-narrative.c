/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-narrative.h"

/* Auxiliary functions */

/* How a transfer went, as the middle of a sentence ("reached X through a
 * memorandum"). The mechanism's label names it in a legend; a sentence
 * needs it with its article and preposition, which differ per language. */
static const char *
mechanism_phrase (BcMechanism mechanism)
{
  switch (mechanism)
    {
    case BC_MECHANISM_BRIEFING:
      return C_("transfer sentence", "through a confidential briefing");
    case BC_MECHANISM_MEMORANDUM:
      return C_("transfer sentence", "through a memorandum");
    case BC_MECHANISM_DRAFT_TEXT:
      return C_("transfer sentence", "as a draft text");
    case BC_MECHANISM_PARTICIPANT_CROSSOVER:
      return C_("transfer sentence", "through participants who crossed over");
    case BC_MECHANISM_BACK_CHANNEL_MESSAGE:
      return C_("transfer sentence", "through a back-channel message");
    case BC_MECHANISM_FACILITATION:
      return C_("transfer sentence", "through facilitation");
    case BC_MECHANISM_PUBLIC_STATEMENT:
      return C_("transfer sentence", "through a public statement");
    case BC_MECHANISM_PUBLIC_CONSULTATION:
      return C_("transfer sentence", "through a public consultation");
    case BC_MECHANISM_WORKSHOP_OUTCOME:
      return C_("transfer sentence", "as the outcome of a workshop");
    case BC_MECHANISM_OTHER:
    default:
      return C_("transfer sentence", "by other means");
    }
}

static const char *
status_phrase (BcTransferStatus status)
{
  switch (status)
    {
    case BC_STATUS_INFERRED:
      return C_("transfer sentence", "inferred from the sources, not documented");
    case BC_STATUS_DISPUTED:
      return C_("transfer sentence", "disputed");
    case BC_STATUS_DOCUMENTED:
    default:
      return C_("transfer sentence", "documented");
    }
}

/* An event's title and track, or the bare id of an end that is missing. */
static char *
describe_end (BcCase     *kase,
              const char *id)
{
  BcEvent *event = bc_case_lookup_event (kase, id);

  if (event == NULL)
    return g_strdup (id);

  /* Translators: an event in a sentence: its title, then its track,
   * "“First meeting at Sarpsborg” (Track 2)" */
  return g_strdup_printf (_("“%s” (%s)"), bc_event_get_title (event),
                          bc_track_get_label (bc_event_get_track (event)));
}

/* Public API */

/**
 * bc_narrative_format_date:
 * @date: a date of any precision
 *
 * The date as a reader says it, no more precise than it is known:
 * "20 January 1993", "June 1993", "1993".
 *
 * Returns: (transfer full): the date, or an empty string when it is unset
 */
char *
bc_narrative_format_date (BcDate date)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *format;

  switch (bc_date_get_precision (date))
    {
    case BC_DATE_PRECISION_DAY:
      /* Translators: a date known to the day, in strftime() format */
      format = C_("date", "%-d %B %Y");
      break;
    case BC_DATE_PRECISION_MONTH:
      /* Translators: a date known to the month, in strftime() format */
      format = C_("date", "%B %Y");
      break;
    case BC_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%u", date.year);
    case BC_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }

  dt = g_date_time_new_utc (date.year, date.month, date.day != 0 ? date.day : 1, 0, 0, 0);
  return dt != NULL ? g_date_time_format (dt, format) : bc_date_to_string (date);
}

/**
 * bc_narrative_format_when:
 * @date: when an event began
 * @end: when it ended, or %BC_DATE_UNSET
 * @certainty: how sure the case is of @date
 *
 * Returns: (transfer full): "20 January 1993 – 22 January 1993",
 *   "about June 1993", "1976 (date disputed)"
 */
char *
bc_narrative_format_when (BcDate      date,
                          BcDate      end,
                          BcCertainty certainty)
{
  g_autofree char *start = bc_narrative_format_date (date);
  g_autofree char *span = NULL;

  if (bc_date_is_set (end) && !bc_date_equal (date, end))
    {
      g_autofree char *last = bc_narrative_format_date (end);

      /* Translators: a span of time, from a date to a date */
      span = g_strdup_printf (_("%s – %s"), start, last);
    }
  else
    span = g_steal_pointer (&start);

  switch (certainty)
    {
    case BC_CERTAINTY_APPROXIMATE:
      /* Translators: a date known only approximately */
      return g_strdup_printf (_("about %s"), span);
    case BC_CERTAINTY_DISPUTED:
      /* Translators: a date on which the sources disagree */
      return g_strdup_printf (_("%s (date disputed)"), span);
    case BC_CERTAINTY_EXACT:
    default:
      return g_steal_pointer (&span);
    }
}

/**
 * bc_narrative_format_citation:
 * @kase: the case that holds the source
 * @ref: a citation of one of its sources
 *
 * Returns: (transfer full): the source's citation with the pages cited,
 *   "Corbin, Jane. Gaza First. … 1994, pp. 20-25"
 */
char *
bc_narrative_format_citation (BcCase      *kase,
                              BcSourceRef *ref)
{
  BcSource *source;
  const char *citation;
  g_autofree char *flat = NULL;

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  source = bc_case_lookup_source (kase, ref->ref);
  citation = source != NULL ? bc_source_get_citation (source) : ref->ref;

  /* Citations are written over several lines in the file. */
  {
    g_auto(GStrv) words = g_strsplit_set (citation != NULL ? citation : "", " \t\n", -1);
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        {
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, words[i]);
        }
    flat = g_string_free (g_steal_pointer (&joined), FALSE);
  }

  if (ref->pages == NULL || ref->pages[0] == '\0')
    return g_steal_pointer (&flat);

  /* "… 1994." then ", p. 60": the citation's own full stop gives way. */
  if (g_str_has_suffix (flat, "."))
    flat[strlen (flat) - 1] = '\0';

  if (strpbrk (ref->pages, "-–,") != NULL)
    /* Translators: a citation and the pages cited, "Corbin 1994, pp. 20-25" */
    return g_strdup_printf (_("%s, pp. %s"), flat, ref->pages);

  /* Translators: a citation and the page cited, "Corbin 1994, p. 60" */
  return g_strdup_printf (_("%s, p. %s"), flat, ref->pages);
}

/**
 * bc_narrative_join_names:
 * @names: names, in order
 *
 * Returns: (transfer full): "A", "A and B", "A, B and C"
 */
char *
bc_narrative_join_names (const char * const *names)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i == n - 1)
        /* Translators: before the last name of a list, "A, B and C" */
        g_string_append (out, _(" and "));
      else if (i > 0)
        /* Translators: between names of a list, "A, B and C" */
        g_string_append (out, _(", "));
      g_string_append (out, names[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * bc_narrative_participants:
 * @kase: a case
 * @event: one of its events
 *
 * Returns: (transfer full): the names of those who took part, joined
 *   for a sentence, or an empty string
 */
char *
bc_narrative_participants (BcCase  *kase,
                           BcEvent *event)
{
  const char * const *ids = bc_event_get_participants (event);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      BcActor *actor = bc_case_lookup_actor (kase, ids[i]);

      g_ptr_array_add (names, (gpointer) (actor != NULL ? bc_actor_get_name (actor) : ids[i]));
    }
  g_ptr_array_add (names, NULL);

  return bc_narrative_join_names ((const char * const *) names->pdata);
}

/**
 * bc_narrative_transfer_sentence:
 * @kase: a case
 * @transfer: one of its transfers
 *
 * The transfer told in one sentence: from which event on which track to
 * which, by which mechanism, carried by whom, and how sure the case is:
 * "“Sarpsborg draft” (Track 2) reached “Declaration initialled” (Track 1)
 * as a draft text, carried by Terje Rød-Larsen; documented."
 *
 * Returns: (transfer full): the sentence
 */
char *
bc_narrative_transfer_sentence (BcCase     *kase,
                                BcTransfer *transfer)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char * const *ids;
  g_autoptr(GPtrArray) carriers = g_ptr_array_new ();
  g_autofree char *carried = NULL;
  const char *how, *status;

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);
  g_return_val_if_fail (BC_IS_TRANSFER (transfer), NULL);

  from = describe_end (kase, bc_transfer_get_from (transfer));
  to = describe_end (kase, bc_transfer_get_to (transfer));
  how = mechanism_phrase (bc_transfer_get_mechanism (transfer));
  status = status_phrase (bc_transfer_get_status (transfer));

  ids = bc_transfer_get_carriers (transfer);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      BcActor *actor = bc_case_lookup_actor (kase, ids[i]);

      g_ptr_array_add (carriers, (gpointer) (actor != NULL ? bc_actor_get_name (actor) : ids[i]));
    }
  g_ptr_array_add (carriers, NULL);

  if (carriers->len == 1)
    /* Translators: a transfer told in a sentence: the event it started
     * from, the event it reached, how ("as a draft text"), and its status
     * ("documented") */
    return g_strdup_printf (_("%1$s reached %2$s %3$s; %4$s."), from, to, how, status);

  carried = bc_narrative_join_names ((const char * const *) carriers->pdata);
  /* Translators: a transfer told in a sentence: the event it started
   * from, the event it reached, how ("as a draft text"), who carried it
   * ("Terje Rød-Larsen and Mona Juul") and its status ("documented") */
  return g_strdup_printf (_("%1$s reached %2$s %3$s, carried by %4$s; %5$s."),
                          from, to, how, carried, status);
}

/**
 * bc_narrative_is_contested:
 * @item: an event or a transfer
 *
 * Whether the sources disagree on @item: an event whose date is
 * disputed, or a transfer whose status is. Its versions are then told
 * side by side.
 */
gboolean
bc_narrative_is_contested (BcItem *item)
{
  if (BC_IS_EVENT (item))
    return bc_event_get_certainty (BC_EVENT (item)) == BC_CERTAINTY_DISPUTED;
  if (BC_IS_TRANSFER (item))
    return bc_transfer_get_status (BC_TRANSFER (item)) == BC_STATUS_DISPUTED;
  return FALSE;
}

/**
 * bc_narrative_transfer_day:
 * @kase: a case
 * @transfer: one of its transfers
 *
 * Where a transfer belongs in the story told in order: once both its
 * events have happened, on the later of their first days.
 *
 * Returns: a Julian day, or 0 when neither end is an event
 */
guint32
bc_narrative_transfer_day (BcCase     *kase,
                           BcTransfer *transfer)
{
  BcEvent *from = bc_case_lookup_event (kase, bc_transfer_get_from (transfer));
  BcEvent *to = bc_case_lookup_event (kase, bc_transfer_get_to (transfer));
  guint32 a = from != NULL ? bc_event_get_first_day (from) : 0;
  guint32 b = to != NULL ? bc_event_get_first_day (to) : 0;

  return MAX (a, b);
}
