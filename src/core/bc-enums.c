/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enums.h"
#include "bc-enum-types.h"

/**
 * bc_enum_from_nick:
 * @enum_type: one of the Backchannel enumeration types
 * @nick: the string a case file uses
 * @value: (out): the value
 *
 * Returns: %TRUE if @nick names a value of @enum_type
 */
gboolean
bc_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;

  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;

  *value = v->value;
  return TRUE;
}

const char *
bc_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_return_val_if_fail (v != NULL, NULL);

  /* Nicks live in static storage of the registered type. */
  return v->value_nick;
}

/* "Track 2", as analysts say it. */
const char *
bc_track_get_label (BcTrack track)
{
  static const char * const labels[BC_N_TRACKS] = {
    N_("Track 1"), N_("Track 1.5"), N_("Track 2"), N_("Track 3"), N_("Track 4"),
    N_("Track 5"), N_("Track 6"), N_("Track 7"), N_("Track 8"), N_("Track 9"),
  };

  g_return_val_if_fail (track <= BC_TRACK_9, NULL);
  return _(labels[track]);
}

/* The names of Diamond and McDonald's nine tracks, and of the 1.5 bridge. */
const char *
bc_track_get_name (BcTrack track)
{
  static const char * const names[BC_N_TRACKS] = {
    N_("Government (official diplomacy)"),
    N_("Official–unofficial bridge"),
    N_("Professional / nongovernmental"),
    N_("Business"),
    N_("Private citizens"),
    N_("Research, training and education"),
    N_("Activism"),
    N_("Religion"),
    N_("Funding"),
    N_("Communications and media"),
  };

  g_return_val_if_fail (track <= BC_TRACK_9, NULL);
  return _(names[track]);
}

/* How official a track is: 0 for Track 1, 1 for Track 1.5, 2 for every
 * unofficial track. A transfer to a lower level goes upward. */
int
bc_track_get_level (BcTrack track)
{
  switch (track)
    {
    case BC_TRACK_1:
      return 0;
    case BC_TRACK_1_5:
      return 1;
    case BC_TRACK_2:
    case BC_TRACK_3:
    case BC_TRACK_4:
    case BC_TRACK_5:
    case BC_TRACK_6:
    case BC_TRACK_7:
    case BC_TRACK_8:
    case BC_TRACK_9:
    default:
      return 2;
    }
}

const char *
bc_mechanism_get_label (BcMechanism mechanism)
{
  static const char * const labels[BC_N_MECHANISMS] = {
    N_("Confidential briefing"),
    N_("Memorandum"),
    N_("Draft text"),
    N_("Participant crossover"),
    N_("Back-channel message"),
    N_("Facilitation"),
    N_("Public statement"),
    N_("Public consultation"),
    N_("Workshop outcome"),
    N_("Other"),
  };

  g_return_val_if_fail (mechanism <= BC_MECHANISM_OTHER, NULL);
  return _(labels[mechanism]);
}

const char *
bc_mechanism_get_meaning (BcMechanism mechanism)
{
  static const char * const meanings[BC_N_MECHANISMS] = {
    N_("Track 2 participants brief officials in confidence on what the unofficial work found."),
    N_("A memorandum or written report is handed to officials."),
    N_("A paper drafted unofficially becomes the negotiating text."),
    N_("The same people move between tracks and carry the work with them."),
    N_("A message passes between leaders through an unofficial go-between."),
    N_("A Track 1.5 actor carries ideas between the official and unofficial worlds."),
    N_("A speech, op-ed or interview puts an idea in play."),
    N_("A consultation feeds civil society’s views into the official process."),
    N_("Conclusions of a problem-solving workshop are taken up officially."),
    N_("Another way by which the work passed between tracks."),
  };

  g_return_val_if_fail (mechanism <= BC_MECHANISM_OTHER, NULL);
  return _(meanings[mechanism]);
}

const char *
bc_status_get_label (BcTransferStatus status)
{
  switch (status)
    {
    case BC_STATUS_DOCUMENTED:
      return _("Documented");
    case BC_STATUS_INFERRED:
      return _("Inferred");
    case BC_STATUS_DISPUTED:
      return _("Disputed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bc_event_type_get_label (BcEventType type)
{
  static const char * const labels[] = {
    N_("Meeting"), N_("Negotiation"), N_("Workshop"), N_("Agreement"), N_("Signing"),
    N_("Statement"), N_("Publication"), N_("Visit"), N_("Appointment"), N_("Violence"),
    N_("Other"),
  };

  g_return_val_if_fail (type <= BC_EVENT_OTHER, NULL);
  return _(labels[type]);
}
